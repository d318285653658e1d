//! Type expressions: type names, composite type literals, signatures, structs, interfaces.

use crate::check::{Checker, OMode};
use crate::table::{basic, INVALID};
use crate::{BasicKind, InterfaceMethod, ObjId, Signature, StructField, Type, TypeId};
use gorc_syntax::ast::{self, ArrayLen, Expr, ExprKind, FuncType, InterfaceElem};
use num_traits::ToPrimitive;

impl<'a> Checker<'a> {
    /// Evaluates a type expression (reports a non-type).
    pub(crate) fn typ(&mut self, e: &'a Expr) -> TypeId {
        let t = self.typ_internal(e);
        if t != INVALID {
            self.record(e, &OMode::Type, t);
        }
        t
    }

    pub(crate) fn typ_internal(&mut self, e: &'a Expr) -> TypeId {
        match &e.kind {
            ExprKind::Ident(_) | ExprKind::Selector(..) => {
                let x = self.raw_expr(e, None);
                match x.mode {
                    OMode::Invalid => INVALID,
                    OMode::Type => x.ty,
                    _ => {
                        let s = crate::exprstr::expr_string(e);
                        self.error(x.pos(), format!("{} is not a type", s));
                        INVALID
                    }
                }
            }
            ExprKind::Paren(x) => self.typ(x),
            ExprKind::Star(x) => {
                let t = self.typ(x);
                if t == INVALID {
                    return INVALID;
                }
                self.tt.pointer(t)
            }
            ExprKind::ArrayType { len, elem } => match len {
                ArrayLen::Slice => {
                    let el = self.typ(elem);
                    if el == INVALID {
                        return INVALID;
                    }
                    self.tt.slice(el)
                }
                ArrayLen::Ellipsis => {
                    self.error(
                        e.pos,
                        "invalid use of [...] array (outside a composite literal)",
                    );
                    self.typ(elem);
                    INVALID
                }
                ArrayLen::Expr(l) => {
                    let n = self.array_length(l);
                    let el = self.typ(elem);
                    if el == INVALID || n.is_none() {
                        return INVALID;
                    }
                    self.tt.mk(Type::Array(n.unwrap(), el))
                }
            },
            ExprKind::MapType(k, v) => {
                let kt = self.typ(k);
                let vt = self.typ(v);
                if kt == INVALID || vt == INVALID {
                    return INVALID;
                }
                if self.tt.incomplete(kt) {
                    // checked once the types being declared are complete
                    self.pending_map_keys
                        .push((kt, crate::exprstr::start_pos(k)));
                } else if !self.tt.comparable(kt) {
                    self.error(
                        crate::exprstr::start_pos(k),
                        format!("invalid map key type {}", self.ts(kt)),
                    );
                    return INVALID;
                }
                self.tt.mk(Type::Map(kt, vt))
            }
            ExprKind::ChanType(d, el) => {
                let t = self.typ(el);
                if t == INVALID {
                    return INVALID;
                }
                let d = match d {
                    ast::ChanDir::Both => crate::ChanDir::Both,
                    ast::ChanDir::Send => crate::ChanDir::Send,
                    ast::ChanDir::Recv => crate::ChanDir::Recv,
                };
                self.tt.mk(Type::Chan(d, t))
            }
            ExprKind::FuncType(ft) => {
                let saved = self.cur_scope;
                let s = self.scopes.new_scope(Some(saved));
                self.cur_scope = s;
                let (t, _, _) = self.func_type(ft, None);
                self.cur_scope = saved;
                t
            }
            ExprKind::StructType(fields) => self.struct_type(fields),
            ExprKind::InterfaceType(elems) => self.interface_type(elems),
            ExprKind::Bad => INVALID,
            _ => {
                let x = self.raw_expr(e, None);
                if x.is_invalid() {
                    return INVALID;
                }
                let s = crate::exprstr::expr_string(e);
                self.error(x.pos(), format!("{} is not a type", s));
                INVALID
            }
        }
    }

    fn array_length(&mut self, l: &'a Expr) -> Option<u64> {
        let x = self.expr(l);
        if x.is_invalid() {
            return None;
        }
        let Some(v) = x.val().cloned() else {
            let s = self.op_string(&x);
            self.error(
                x.pos(),
                format!(
                    "array length {} must be constant",
                    crate::exprstr::expr_string(l)
                ),
            );
            let _ = s;
            return None;
        };
        if self.tt.is_untyped(x.ty) || self.tt.is_integer(x.ty) {
            if let Some(i) = v.to_int() {
                if let Some(n) = i.to_i64() {
                    if n >= 0 {
                        if self.tt.is_untyped(x.ty) {
                            self.update_expr_type(l, basic(BasicKind::Int), true);
                        }
                        return Some(n as u64);
                    }
                }
                self.error(
                    x.pos(),
                    format!("invalid array length {}", crate::exprstr::expr_string(l)),
                );
                return None;
            }
        }
        self.error(
            x.pos(),
            format!("array length {} must be integer", self.op_string(&x)),
        );
        None
    }

    /// Builds a signature; declares parameters and results in the current scope when
    /// `recv` is given or when checking a body (params are always created as objects).
    pub(crate) fn func_type(
        &mut self,
        ft: &'a FuncType,
        recv: Option<&'a ast::Field>,
    ) -> (TypeId, Vec<ObjId>, Vec<ObjId>) {
        let _ = recv;
        let mut seen_names: std::collections::HashMap<String, gorc_syntax::Pos> =
            Default::default();
        let mut params = vec![];
        let mut pobjs = vec![];
        let mut variadic = false;
        let n = ft.params.len();
        for (i, f) in ft.params.iter().enumerate() {
            let t = match &f.ty.kind {
                ExprKind::Ellipsis(Some(el)) => {
                    let et = self.typ(el);
                    if i == n - 1 && f.names.len() <= 1 {
                        variadic = true;
                    } else {
                        self.error(f.ty.pos, "can only use ... with final parameter in list");
                    }
                    if et == INVALID {
                        INVALID
                    } else {
                        self.tt.slice(et)
                    }
                }
                _ => self.typ(&f.ty),
            };
            if f.names.is_empty() {
                params.push(t);
                let o = self.new_var("", f.pos, t, true);
                pobjs.push(o);
            }
            for nm in &f.names {
                params.push(t);
                let o = self.new_var(&nm.name, nm.pos, t, true);
                self.record_def(nm, o);
                if !nm.is_blank() {
                    if let Some(&prev) = seen_names.get(&nm.name) {
                        let m = format!(
                            "{} redeclared in this block\n\t{}: other declaration of {}",
                            nm.name,
                            self.fmt_pos(prev),
                            nm.name
                        );
                        self.error(nm.pos, m);
                        self.dup_params.insert(o);
                    } else {
                        seen_names.insert(nm.name.clone(), nm.pos);
                    }
                }
                pobjs.push(o);
            }
        }
        let mut results = vec![];
        let mut robjs = vec![];
        for f in &ft.results {
            let t = self.typ(&f.ty);
            if f.names.is_empty() {
                results.push(t);
                let o = self.new_var("", f.pos, t, true);
                robjs.push(o);
            }
            for nm in &f.names {
                results.push(t);
                let o = self.new_var(&nm.name, nm.pos, t, true);
                self.record_def(nm, o);
                if !nm.is_blank() {
                    if let Some(&prev) = seen_names.get(&nm.name) {
                        let m = format!(
                            "{} redeclared in this block\n\t{}: other declaration of {}",
                            nm.name,
                            self.fmt_pos(prev),
                            nm.name
                        );
                        self.error(nm.pos, m);
                        self.dup_params.insert(o);
                    } else {
                        seen_names.insert(nm.name.clone(), nm.pos);
                    }
                }
                robjs.push(o);
            }
        }
        let t = self.tt.mk(Type::Func(Signature {
            params,
            results,
            variadic,
        }));
        (t, pobjs, robjs)
    }

    fn struct_type(&mut self, fields: &'a [ast::Field]) -> TypeId {
        let mut fs: Vec<StructField> = vec![];
        let mut seen: std::collections::HashMap<String, gorc_syntax::Pos> = Default::default();
        for f in fields {
            let tag = f
                .tag
                .as_ref()
                .and_then(|t| crate::literal::decode_string(&t.raw))
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            let t = self.typ(&f.ty);
            if f.names.is_empty() {
                // embedded: T, *T, pkg.T
                let mut te: &Expr = &f.ty;
                if let ExprKind::Star(x) = &te.kind {
                    te = x;
                }
                let name = match &te.kind {
                    ExprKind::Ident(n) => n.clone(),
                    ExprKind::Selector(_, s) => s.name.clone(),
                    _ => {
                        self.error(f.ty.pos, "invalid embedded field type");
                        continue;
                    }
                };
                if t != INVALID {
                    let u = self.tt.underlying(t);
                    if matches!(self.tt.get(t), Type::Pointer(_)) {
                        let el = self.tt.pointer_elem(t).unwrap();
                        if self.tt.is_pointer(el) || self.tt.is_interface(el) {
                            self.error(
                                f.ty.pos,
                                "embedded field type cannot be a pointer to an interface",
                            );
                        }
                    } else if matches!(self.tt.get(u), Type::Pointer(_)) {
                        self.error(f.ty.pos, "embedded field type cannot be a pointer");
                    }
                }
                if let Some(_) = seen.insert(name.clone(), f.pos) {
                    self.error(f.ty.pos, format!("{} redeclared", name));
                }
                let pkg = if is_exported(&name) { None } else { self.pkg() };
                fs.push(StructField {
                    name,
                    ty: t,
                    embedded: true,
                    pkg,
                    tag: tag.clone(),
                });
            }
            for n in &f.names {
                if n.name != "_" {
                    if let Some(_) = seen.insert(n.name.clone(), n.pos) {
                        self.error(n.pos, format!("{} redeclared", n.name));
                    }
                }
                let pkg = if is_exported(&n.name) {
                    None
                } else {
                    self.pkg()
                };
                fs.push(StructField {
                    name: n.name.clone(),
                    ty: t,
                    embedded: false,
                    pkg,
                    tag: tag.clone(),
                });
            }
        }
        // fields of invalid type stay (as go/types keeps them) so that lookups still work
        let st = self.tt.mk(Type::Struct(fs));
        // field objects for the identifiers (go/types defines them)
        let mut i = 0;
        for f in fields {
            if f.names.is_empty() {
                i += 1;
                continue;
            }
            for n in &f.names {
                let o = self.field_obj(st, i);
                self.objs[o.0 as usize].pos = n.pos;
                i += 1;
            }
        }
        st
    }

    fn interface_type(&mut self, elems: &'a [InterfaceElem]) -> TypeId {
        let mut ms: Vec<InterfaceMethod> = vec![];
        for el in elems {
            match el {
                InterfaceElem::Method { name, sig } => {
                    let saved = self.cur_scope;
                    self.cur_scope = self.scopes.new_scope(Some(saved));
                    let (t, _, _) = self.func_type(sig, None);
                    self.cur_scope = saved;
                    if name.name == "_" {
                        self.error(name.pos, "methods must have a unique non-blank name");
                        continue;
                    }
                    if ms.iter().any(|m| m.name == name.name) {
                        self.error(name.pos, format!("duplicate method {}", name.name));
                        continue;
                    }
                    let pkg = if is_exported(&name.name) {
                        None
                    } else {
                        self.pkg()
                    };
                    ms.push(InterfaceMethod {
                        name: name.name.clone(),
                        pkg,
                        sig: t,
                    });
                }
                InterfaceElem::Embedded(e) => {
                    let t = self.typ(e);
                    if t == INVALID {
                        continue;
                    }
                    if self.tt.underlying(t) == INVALID {
                        // an interface still being declared: completed later
                        self.iface_incomplete = true;
                        continue;
                    }
                    match self.tt.get(self.tt.underlying(t)).clone() {
                        Type::Interface(ems) => {
                            for m in ems {
                                if let Some(x) = ms.iter().find(|x| x.name == m.name) {
                                    if x.sig != m.sig {
                                        self.error(e.pos, format!("duplicate method {}", m.name));
                                    }
                                    continue;
                                }
                                ms.push(m);
                            }
                        }
                        _ => {
                            let s = self.ts(t);
                            self.error(
                                e.pos,
                                format!(
                                    "interface contains type constraints ({} is not an interface)",
                                    s
                                ),
                            );
                        }
                    }
                }
            }
        }
        ms.sort_by(|a, b| a.name.cmp(&b.name));
        self.tt.mk(Type::Interface(ms))
    }
}

pub(crate) fn is_exported(name: &str) -> bool {
    name.chars().next().map_or(false, |c| c.is_uppercase())
}
