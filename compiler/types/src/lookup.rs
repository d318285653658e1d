//! Field and method lookup through embedded fields (depth, ambiguity), method sets, and
//! interface satisfaction.

use crate::check::Checker;
use crate::{FuncInfo, ObjId, ObjKind, Type, TypeId, VarInfo};
use std::collections::HashSet;

#[derive(Clone, Debug)]
pub(crate) enum Lookup {
    /// A struct field: object, index path, whether a pointer was dereferenced on the way.
    Field {
        obj: ObjId,
        index: Vec<usize>,
        indirect: bool,
        ty: TypeId,
    },
    /// A method: object, index path to the embedded field holding it, indirect.
    Method {
        obj: ObjId,
        index: Vec<usize>,
        indirect: bool,
    },
    Ambiguous,
    NotFound,
}

impl<'a> Checker<'a> {
    /// Whether a field or method `name` declared in package `pkg` can be selected from the
    /// package being checked: exported names from anywhere, unexported ones only at home.
    fn visible(&self, name: &str, pkg: Option<&str>) -> bool {
        crate::typexpr::is_exported(name) || pkg.map_or(true, |p| p == self.path)
    }

    pub(crate) fn field_obj(&mut self, st: TypeId, i: usize) -> ObjId {
        if let Some(&o) = self.field_objs.get(&(st, i)) {
            return o;
        }
        let f = match self.tt.get(st) {
            Type::Struct(fs) => fs[i].clone(),
            _ => unreachable!(),
        };
        let o = self.new_obj(
            &f.name,
            gorc_syntax::Pos::NONE,
            f.pkg.clone(),
            ObjKind::Var(VarInfo {
                ty: f.ty,
                global: false,
                param: false,
                field: true,
                addressed: false,
            }),
        );
        self.field_objs.insert((st, i), o);
        o
    }

    pub(crate) fn iface_method_obj(&mut self, it: TypeId, name: &str) -> Option<ObjId> {
        if let Some(&o) = self.iface_method_objs.get(&(it, name.to_string())) {
            return Some(o);
        }
        let m = match self.tt.get(self.tt.underlying(it)) {
            Type::Interface(ms) => ms.iter().find(|m| m.name == name)?.clone(),
            _ => return None,
        };
        let o = self.new_obj(
            name,
            gorc_syntax::Pos::NONE,
            m.pkg.clone(),
            ObjKind::Func(FuncInfo {
                sig: m.sig,
                recv: Some(it),
                link_name: String::new(),
                native: None,
                cgo_export: None,
            }),
        );
        self.iface_method_objs.insert((it, name.to_string()), o);
        Some(o)
    }

    pub(crate) fn named_methods(&self, t: TypeId) -> Vec<ObjId> {
        match self.tt.get(t) {
            Type::Named(n) => n.methods.clone(),
            _ => vec![],
        }
    }

    /// Whether method object `m` has a pointer receiver.
    pub(crate) fn ptr_recv(&self, m: ObjId) -> bool {
        match &self.obj(m).kind {
            ObjKind::Func(f) => f
                .recv
                .map_or(false, |r| matches!(self.tt.get(r), Type::Pointer(_))),
            _ => false,
        }
    }

    /// Looks up field or method `name` in `t` (which may be a pointer to a named type).
    pub(crate) fn lookup(&mut self, t: TypeId, name: &str) -> Lookup {
        if name == "_" {
            return Lookup::NotFound;
        }
        let mut start = t;
        let mut indirect0 = false;
        if let Type::Pointer(e) = self.tt.get(t) {
            // only a pointer to a named type or a struct literal type gets automatic deref here
            start = *e;
            indirect0 = true;
            if let Type::Pointer(_) = self.tt.get(self.tt.underlying(start)) {
                return Lookup::NotFound;
            }
        } else if matches!(self.tt.get(t), Type::Named(_)) {
            // a named pointer type has no methods; p.f is (*p).f for a field f
            if let Type::Pointer(e) = self.tt.get(self.tt.underlying(t)).clone() {
                return match self.lookup(e, name) {
                    Lookup::Field { obj, index, ty, .. } => Lookup::Field {
                        obj,
                        index,
                        indirect: true,
                        ty,
                    },
                    Lookup::Ambiguous => Lookup::Ambiguous,
                    _ => Lookup::NotFound,
                };
            }
        }
        let mut current: Vec<(TypeId, Vec<usize>, bool, bool)> =
            vec![(start, vec![], indirect0, false)];
        let mut seen: HashSet<TypeId> = HashSet::new();
        while !current.is_empty() {
            let mut next: Vec<(TypeId, Vec<usize>, bool, bool)> = vec![];
            let mut found: Option<Lookup> = None;
            let mut count = 0;
            for (ty, index, indirect, multiples) in current {
                let mut typ = ty;
                if let Type::Named(n) = self.tt.get(ty) {
                    if !seen.insert(ty) {
                        continue;
                    }
                    let ms = n.methods.clone();
                    if let Some(&m) = ms.iter().find(|&&m| {
                        self.obj(m).name == name && self.visible(name, self.obj(m).pkg.as_deref())
                    }) {
                        count += if multiples { 2 } else { 1 };
                        found = Some(Lookup::Method {
                            obj: m,
                            index: index.clone(),
                            indirect,
                        });
                        continue;
                    }
                    typ = n.underlying;
                }
                match self.tt.get(typ).clone() {
                    Type::Struct(fs) => {
                        for (i, f) in fs.iter().enumerate() {
                            if f.name == name && self.visible(name, f.pkg.as_deref()) {
                                count += if multiples { 2 } else { 1 };
                                let o = self.field_obj(typ, i);
                                let mut ix = index.clone();
                                ix.push(i);
                                found = Some(Lookup::Field {
                                    obj: o,
                                    index: ix,
                                    indirect,
                                    ty: f.ty,
                                });
                                continue;
                            }
                            if found.is_none() && f.embedded {
                                let (ft, ind) = match self.tt.get(f.ty) {
                                    Type::Pointer(e) => (*e, true),
                                    _ => (f.ty, false),
                                };
                                let mut ix = index.clone();
                                ix.push(i);
                                next.push((ft, ix, indirect || ind, multiples));
                            }
                        }
                    }
                    Type::Interface(ms) => {
                        if ms
                            .iter()
                            .any(|m| m.name == name && self.visible(name, m.pkg.as_deref()))
                        {
                            count += if multiples { 2 } else { 1 };
                            let o = self.iface_method_obj(typ, name).unwrap();
                            found = Some(Lookup::Method {
                                obj: o,
                                index: index.clone(),
                                indirect,
                            });
                        }
                    }
                    _ => {}
                }
            }
            if count > 1 {
                return Lookup::Ambiguous;
            }
            if let Some(f) = found {
                return f;
            }
            // consolidate: a type reached several times at the same depth is ambiguous
            let mut cons: Vec<(TypeId, Vec<usize>, bool, bool)> = vec![];
            for e in next {
                if let Some(p) = cons.iter_mut().find(|p| p.0 == e.0) {
                    p.3 = true;
                } else {
                    cons.push(e);
                }
            }
            current = cons;
        }
        Lookup::NotFound
    }

    /// The method of interface `iface` that `t` lacks, if any: (name, whether it has it with a
    /// pointer receiver only, whether it has it with a different type).
    pub(crate) fn missing_method(
        &mut self,
        t: TypeId,
        iface: TypeId,
    ) -> Option<(String, bool, bool)> {
        let ms = match self.tt.get(self.tt.underlying(iface)) {
            Type::Interface(ms) => ms.clone(),
            _ => return None,
        };
        if let Type::Interface(tms) = self.tt.get(self.tt.underlying(t)).clone() {
            for m in ms {
                match tms.iter().find(|x| x.name == m.name && x.pkg == m.pkg) {
                    None => return Some((m.name, false, false)),
                    Some(x) if x.sig != m.sig => return Some((m.name, false, true)),
                    _ => {}
                }
            }
            return None;
        }
        for m in ms {
            match self.lookup(t, &m.name) {
                Lookup::Method { obj, indirect, .. } => {
                    let sig = self.var_type(obj);
                    if sig != m.sig {
                        return Some((m.name, false, true));
                    }
                    if self.ptr_recv(obj) && !indirect && !self.tt.is_pointer(t) {
                        return Some((m.name, true, false));
                    }
                }
                _ => return Some((m.name, false, false)),
            }
        }
        None
    }
}
