//! Package-level declarations: collecting objects into the package and file scopes,
//! lazy, cycle-aware type-checking of each object (constants with iota, variables, types
//! with their methods, function signatures), then the function bodies.

use crate::check::{Checker, Color, DeclInfo, FuncCtx, OMode};
use crate::table::INVALID;
use crate::typexpr::is_exported;
use crate::{ConstValue, FuncInfo, NamedType, ObjId, ObjKind, Type, VarInfo};
use gorc_syntax::ast::{self, Decl, Expr, ExprKind};

impl<'a> Checker<'a> {
    pub(crate) fn collect_objects(&mut self) {
        let files = self.files;
        for (fi, file) in files.iter().enumerate() {
            let fs = self.scopes.new_scope(Some(self.pkg_scope));
            self.file_scopes.push(fs);
            for imp in &file.imports {
                let path = crate::literal::decode_string(&imp.path.raw)
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .unwrap_or_default();
                let Some(scope) = self.import_scope(&path) else {
                    // The driver loads every import before checking the importer.
                    self.error(imp.path.pos, format!("package {} is not in GOROOT", path));
                    continue;
                };
                let default_name = if path == "unsafe" {
                    "unsafe".to_string()
                } else {
                    self.imported_name(&path)
                };
                let name = imp
                    .name
                    .as_ref()
                    .map(|n| n.name.clone())
                    .unwrap_or(default_name);
                let o = self.new_obj(
                    &name,
                    imp.path.pos,
                    self.pkg(),
                    ObjKind::Package { path: path.clone() },
                );
                if let Some(n) = &imp.name {
                    self.record_def(n, o);
                }
                if name == "_" {
                    continue;
                }
                if name == "." {
                    // dot-import: the package's exported names join the file scope
                    let names: Vec<(String, ObjId)> = self.scopes.scopes[scope]
                        .names
                        .iter()
                        .filter(|(k, _)| path == "unsafe" || is_exported(k))
                        .map(|(k, v)| (k.clone(), *v))
                        .collect();
                    for (k, v) in names {
                        self.scopes.insert(fs, &k, v);
                    }
                    self.used_imports.insert(o);
                    self.imports.push((o, imp.path.pos, path));
                    continue;
                }
                if let Some(prev) = self.scopes.insert(fs, &name, o) {
                    let id = ast::Ident {
                        id: Default::default(),
                        pos: imp.path.pos,
                        name: name.clone(),
                    };
                    self.redeclared(&id, prev);
                }
                self.imports.push((o, imp.path.pos, path));
            }
            for d in &file.decls {
                match d {
                    Decl::Const(specs) => {
                        let mut last: Option<(Option<&'a Expr>, &'a [Expr])> = None;
                        for spec in specs {
                            let (ty, values) = if spec.values.is_empty() && spec.ty.is_none() {
                                last.unwrap_or((None, &[]))
                            } else {
                                let l = (spec.ty.as_ref(), &spec.values[..]);
                                last = Some(l);
                                l
                            };
                            for (i, n) in spec.names.iter().enumerate() {
                                let o = self.new_obj(
                                    &n.name,
                                    n.pos,
                                    self.pkg(),
                                    ObjKind::Const {
                                        ty: INVALID,
                                        value: ConstValue::int(0),
                                    },
                                );
                                if spec.values.is_empty() {
                                    self.const_errpos.insert(o, n.pos);
                                }
                                self.decls.insert(
                                    o,
                                    DeclInfo::Const {
                                        ty,
                                        init: values.get(i),
                                        iota: spec.iota,
                                        file: fi,
                                    },
                                );
                                self.declare_pkg(n, o);
                            }
                            if values.len() > spec.names.len() {
                                self.error(
                                    crate::exprstr::start_pos(&values[spec.names.len()]),
                                    "extra init expr",
                                );
                            } else if values.len() < spec.names.len() {
                                self.error(
                                    spec.names[values.len()].pos,
                                    "missing init expr for const declaration",
                                );
                            }
                        }
                    }
                    Decl::Var(specs) => {
                        for spec in specs {
                            let multi = spec.values.len() == 1 && spec.names.len() > 1;
                            let objs: Vec<ObjId> = spec
                                .names
                                .iter()
                                .map(|n| {
                                    self.new_obj(
                                        &n.name,
                                        n.pos,
                                        self.pkg(),
                                        ObjKind::Var(VarInfo {
                                            ty: INVALID,
                                            global: true,
                                            param: false,
                                            field: false,
                                            addressed: false,
                                        }),
                                    )
                                })
                                .collect();
                            for (i, n) in spec.names.iter().enumerate() {
                                let init = if multi {
                                    spec.values.first()
                                } else {
                                    spec.values.get(i)
                                };
                                self.decls.insert(
                                    objs[i],
                                    DeclInfo::Var {
                                        ty: spec.ty.as_ref(),
                                        init,
                                        lhs: objs.clone(),
                                        multi,
                                        file: fi,
                                    },
                                );
                                self.globals.push(objs[i]);
                                self.declare_pkg(n, objs[i]);
                            }
                            if !multi
                                && !spec.values.is_empty()
                                && spec.values.len() != spec.names.len()
                            {
                                let l = spec.names.len();
                                let r = spec.values.len();
                                self.assign_error(&spec.values, l, r);
                                self.pending_var_mismatch.extend(objs.iter().copied());
                            }
                        }
                    }
                    Decl::Type(specs) => {
                        for spec in specs {
                            let o = self.new_obj(
                                &spec.name.name,
                                spec.name.pos,
                                self.pkg(),
                                ObjKind::TypeName { ty: INVALID },
                            );
                            self.decls.insert(o, DeclInfo::Type { spec, file: fi });
                            self.declare_pkg(&spec.name, o);
                        }
                    }
                    Decl::Func(fd) => {
                        let name = &fd.name.name;
                        let link = match &fd.recv {
                            // init functions are numbered as gc numbers them: main.init.0, ...
                            None if name == "init" => {
                                self.init_count += 1;
                                format!("{}.init.{}", self.path, self.init_count - 1)
                            }
                            None => format!("{}.{}", self.path, name),
                            Some(_) => String::new(),
                        };
                        let (native, cgo_export) = self.func_directives(fd);
                        let o = self.new_obj(
                            name,
                            fd.name.pos,
                            self.pkg(),
                            ObjKind::Func(FuncInfo {
                                sig: INVALID,
                                recv: None,
                                link_name: link,
                                native: native.clone(),
                                cgo_export,
                            }),
                        );
                        self.func_decl_objs.insert(fd as *const _, o);
                        self.decls.insert(o, DeclInfo::Func { decl: fd, file: fi });
                        self.record_def(&fd.name, o);
                        if fd.body.is_none() && name != "init" && native.is_none() {
                            self.error(fd.name.pos, "missing function body");
                        }
                        if let Some(recv) = &fd.recv {
                            // methods are associated with their base type name
                            if let Some(base) = recv.first().and_then(|f| recv_base_name(&f.ty)) {
                                self.methods.entry(base).or_default().push(fd);
                            } else {
                                self.orphan_methods.push(o);
                            }
                            continue;
                        }
                        if name == "init" {
                            if !fd.sig.params.is_empty() || !fd.sig.results.is_empty() {
                                self.error(
                                    fd.name.pos,
                                    "func init must have no arguments and no return values",
                                );
                            }
                            if fd.body.is_none() {
                                self.error(fd.name.pos, "missing function body");
                            }
                            continue;
                        }
                        if name == "main" && self.path == "main" {
                            if !fd.sig.params.is_empty() || !fd.sig.results.is_empty() {
                                self.error(
                                    fd.name.pos,
                                    "func main must have no arguments and no return values",
                                );
                            }
                        }
                        if name != "_" {
                            if let Some(prev) = self.scopes.insert(self.pkg_scope, name, o) {
                                self.redeclared(&fd.name, prev);
                            }
                        }
                    }
                }
            }
        }
        // imports may not conflict with package-level names
        for (fi, &fs) in self.file_scopes.clone().iter().enumerate() {
            let _ = fi;
            let names: Vec<(String, ObjId)> = self.scopes.scopes[fs]
                .names
                .iter()
                .map(|(k, v)| (k.clone(), *v))
                .collect();
            for (n, o) in names {
                if let Some(p) = self.scopes.lookup_local(self.pkg_scope, &n) {
                    let pp = self.obj(p).pos;
                    let op = self.obj(o).pos;
                    self.error(
                        pp,
                        format!(
                            "{} already declared through import of package at {}",
                            n,
                            self.fmt_pos(op)
                        ),
                    );
                }
            }
        }
    }

    fn declare_pkg(&mut self, n: &'a ast::Ident, o: ObjId) {
        self.record_def(n, o);
        if n.is_blank() {
            return;
        }
        if n.name == "init" {
            self.error(n.pos, "cannot declare init - must be func");
            return;
        }
        if n.name == "main" && self.path == "main" {
            self.error(n.pos, "cannot declare main - must be func");
            return;
        }
        if let Some(prev) = self.scopes.insert(self.pkg_scope, &n.name, o) {
            self.redeclared(n, prev);
        }
    }

    /// Type-checks a package-level object if that has not happened yet.
    pub(crate) fn obj_decl_if_pending(&mut self, o: ObjId) {
        if !self.decls.contains_key(&o) {
            return;
        }
        match self.color.get(&o).copied().unwrap_or(Color::White) {
            Color::Black => {}
            Color::Grey => {
                // a cycle: fine through named types (a named type may refer to itself);
                // cycles through constants and variables are reported with the
                // initialisation order, alias cycles here
                if let ObjKind::TypeName { ty } = self.obj(o).kind {
                    if ty == INVALID {
                        // an alias referred to while its right side is evaluated: evaluate
                        // it again (the reference may be through a named type)
                        if let Some(DeclInfo::Type { spec, file }) = self.decls.get(&o).cloned() {
                            if spec.alias && !self.alias_reeval.contains(&o) {
                                self.alias_reeval.insert(o);
                                let saved = self.cur_scope;
                                self.cur_scope = self.file_scopes[file];
                                let t = self.typ(&spec.ty);
                                self.cur_scope = saved;
                                self.alias_reeval.remove(&o);
                                if t != INVALID {
                                    self.obj_mut(o).kind = ObjKind::TypeName { ty: t };
                                    return;
                                }
                            }
                        }
                        let cycle = self.path_from(o);
                        self.cycle_error(&cycle, "invalid recursive type");
                    }
                }
            }
            Color::White => self.obj_decl(o),
        }
    }

    fn obj_decl(&mut self, o: ObjId) {
        self.color.insert(o, Color::Grey);
        self.obj_path.push(o);
        let d = self.decls.get(&o).cloned().unwrap();
        // package-level declarations are checked in the package scope of their file
        let saved_scope = self.cur_scope;
        let saved_fctx = self.fctx.take();
        let saved_iota = self.iota.take();
        let saved_decl = self.cur_decl.replace(o);
        let saved_errpos = self.errpos.take();
        match d {
            DeclInfo::Const {
                ty,
                init,
                iota,
                file,
            } => {
                self.cur_scope = self.file_scopes[file];
                self.const_decl(o, ty, init, iota);
            }
            DeclInfo::Var {
                ty,
                init,
                lhs,
                multi,
                file,
            } => {
                self.cur_scope = self.file_scopes[file];
                let t = ty.map(|t| self.typ(t));
                let spelled = self.push_spelling(ty);
                let targets: Vec<ObjId> = if multi { lhs.clone() } else { vec![o] };
                for &v in &targets {
                    if let Some(t) = t {
                        self.set_var_type(v, t);
                        self.var_declared_type.insert(v);
                    }
                    self.color.insert(v, Color::Grey);
                }
                if self.pending_var_mismatch.contains(&o) {
                    for &v in &targets {
                        self.used.insert(v);
                    }
                } else if let Some(init) = init {
                    let rhs: &'a [Expr] = std::slice::from_ref(init);
                    self.init_vars(&targets, rhs, "variable declaration");
                    self.init_exprs.push((targets.clone(), init.id, init));
                } else if t.is_none() {
                    // parser guarantees a type or values
                }
                for &v in &targets {
                    self.color.insert(v, Color::Black);
                    if multi {
                        // share the dependencies
                        if v != o {
                            self.deps.entry(v).or_default();
                        }
                    }
                }
                if multi {
                    let ds = self.deps.get(&o).cloned().unwrap_or_default();
                    for &v in &targets {
                        self.deps.insert(v, ds.clone());
                    }
                }
                self.spell_override.truncate(spelled);
            }
            DeclInfo::Type { spec, file } => {
                self.cur_scope = self.file_scopes[file];
                self.type_decl(o, spec);
            }
            DeclInfo::Func { decl, file } => {
                self.cur_scope = self.file_scopes[file];
                self.func_decl(o, decl);
            }
        }
        self.cur_decl = saved_decl;
        self.errpos = saved_errpos;
        self.iota = saved_iota;
        self.fctx = saved_fctx;
        self.cur_scope = saved_scope;
        self.obj_path.pop();
        self.color.insert(o, Color::Black);
        if self.obj_path.is_empty() && !self.pending_ifaces.is_empty() {
            self.complete_interfaces();
        }
    }

    fn resolve_pending_underlying(&mut self) {
        loop {
            let mut changed = false;
            let pending = std::mem::take(&mut self.pending_underlying);
            for (n, src) in pending {
                let u = self.tt.underlying(src);
                if u == INVALID {
                    self.pending_underlying.push((n, src));
                    continue;
                }
                if let Type::Named(nt) = &mut self.tt.types[n.0 as usize] {
                    nt.underlying = u;
                }
                changed = true;
            }
            if !changed {
                break;
            }
        }
    }

    /// Rebuilds the interfaces that embedded interfaces not complete at the time.
    pub(crate) fn complete_interfaces(&mut self) {
        for _round in 0..8 {
            let pending = std::mem::take(&mut self.pending_ifaces);
            if pending.is_empty() {
                return;
            }
            let mut again = vec![];
            for (named, e, scope) in pending {
                let saved = self.cur_scope;
                self.cur_scope = scope;
                let saved_inc = std::mem::replace(&mut self.iface_incomplete, false);
                let n = self.diags.len();
                let t = self.typ(e);
                self.diags.truncate(n);
                if self.iface_incomplete {
                    again.push((named, e, scope));
                }
                self.iface_incomplete = saved_inc;
                self.cur_scope = saved;
                let u = self.tt.underlying(t);
                if let Type::Named(nt) = &mut self.tt.types[named.0 as usize] {
                    nt.underlying = u;
                }
            }
            self.pending_ifaces = again;
        }
    }

    /// The objects on the declaration path from `o` to the current one.
    fn path_from(&self, o: ObjId) -> Vec<ObjId> {
        match self.obj_path.iter().position(|&x| x == o) {
            Some(i) => self.obj_path[i..].to_vec(),
            None => vec![o],
        }
    }

    /// gc's report of a declaration cycle, starting at the object declared first.
    pub(crate) fn cycle_error(&mut self, cycle: &[ObjId], what: &str) {
        if cycle.iter().any(|o| self.cycle_reported.contains(o)) {
            return;
        }
        for &o in cycle {
            self.cycle_reported.insert(o);
        }
        // initialisation loops start at the variable, type cycles at the first declared
        let start = if what.starts_with("initialization") {
            0
        } else {
            (0..cycle.len())
                .min_by_key(|&i| self.obj(cycle[i]).pos)
                .unwrap_or(0)
        };
        let first = cycle[start];
        let mut msg = format!("{} {}", what, self.obj(first).name);
        for k in 0..cycle.len() {
            let o = cycle[(start + k) % cycle.len()];
            msg.push_str(&format!(
                "\n\t{}: {} refers to",
                self.fmt_pos(self.obj(o).pos),
                self.obj(o).name
            ));
        }
        msg.push_str(&format!(
            "\n\t{}: {}",
            self.fmt_pos(self.obj(first).pos),
            self.obj(first).name
        ));
        let p = self.obj(first).pos;
        self.error(p, msg);
    }

    /// Reports a named type that contains itself (not through a pointer, slice, map,
    /// channel, function or interface): go/types' validType.
    fn valid_type(&mut self, named: crate::TypeId) {
        let mut path = vec![];
        if let Some(cycle) = self.find_self(named, named, &mut path) {
            self.cycle_error(&cycle, "invalid recursive type");
            if let Type::Named(n) = &mut self.tt.types[named.0 as usize] {
                n.underlying = INVALID;
            }
        }
    }

    fn find_self(
        &self,
        t: crate::TypeId,
        target: crate::TypeId,
        path: &mut Vec<crate::TypeId>,
    ) -> Option<Vec<ObjId>> {
        match self.tt.get(t) {
            Type::Named(n) => {
                if !path.is_empty() && t == target {
                    return Some(
                        path.iter()
                            .map(|&p| match self.tt.get(p) {
                                Type::Named(n) => n.obj,
                                _ => unreachable!(),
                            })
                            .collect(),
                    );
                }
                if path.contains(&t) {
                    return None;
                }
                path.push(t);
                let r = self.find_self(n.underlying, target, path);
                path.pop();
                r
            }
            Type::Array(_, e) => self.find_self(*e, target, path),
            Type::Struct(fs) => {
                for f in fs {
                    if let Some(c) = self.find_self(f.ty, target, path) {
                        return Some(c);
                    }
                }
                None
            }
            _ => None,
        }
    }

    pub(crate) fn const_decl(
        &mut self,
        o: ObjId,
        ty: Option<&'a Expr>,
        init: Option<&'a Expr>,
        iota: u32,
    ) {
        let saved = self.iota.replace(ConstValue::int(iota as i64));
        // errors in an inherited (implicitly repeated) expression are reported at the name
        let saved_errpos = self.errpos.take();
        self.errpos = self.const_errpos.get(&o).copied();
        let n = self.spell_override.len();
        self.const_decl_inner(o, ty, init);
        self.spell_override.truncate(n);
        self.errpos = saved_errpos;
        self.iota = saved;
    }

    fn const_decl_inner(&mut self, o: ObjId, ty: Option<&'a Expr>, init: Option<&'a Expr>) {
        let t = ty.map(|t| self.typ(t));
        let _ = self.push_spelling(ty);
        if let Some(t) = t {
            if t != INVALID && !self.tt.is_const_type(t) {
                let e = ty.unwrap();
                self.error(
                    crate::exprstr::start_pos(e),
                    format!("invalid constant type {}", self.ts(t)),
                );
                return;
            }
        }
        let Some(init) = init else {
            return;
        };
        let mut x = self.expr_hint(init, t);
        if !x.is_invalid() && !x.is_const() {
            let s = self.op_string(&x);
            self.error(x.pos(), format!("{} is not constant", s));
            x.mode = OMode::Invalid;
        }
        if !x.is_invalid() {
            if let Some(t) = t {
                if t != INVALID {
                    self.assignment(&mut x, Some(t), "constant declaration");
                }
            }
        }
        if let OMode::Const(v) = &x.mode {
            self.obj_mut(o).kind = ObjKind::Const {
                ty: x.ty,
                value: v.clone(),
            };
        }
    }

    pub(crate) fn type_decl(&mut self, o: ObjId, spec: &'a ast::TypeSpec) {
        if spec.alias {
            let t = self.typ(&spec.ty);
            self.obj_mut(o).kind = ObjKind::TypeName { ty: t };
            // methods declared with the alias as receiver belong to the aliased local type
            let local = matches!(self.tt.get(t), Type::Named(n) if self.obj(n.obj).pkg.as_deref() == Some(self.path.as_str()));
            if local && self.fctx.is_none() {
                if let Some(ms) = self.methods.remove(&spec.name.name) {
                    for fd in ms {
                        let mo = self.func_decl_objs[&(fd as *const _)];
                        self.method_decl(mo, t, fd);
                    }
                }
            }
            return;
        }
        let named = self.tt.mk(Type::Named(NamedType {
            obj: o,
            underlying: INVALID,
            methods: vec![],
        }));
        self.obj_mut(o).kind = ObjKind::TypeName { ty: named };
        let direct = is_type_name(&spec.ty);
        if direct {
            self.direct_decls.insert(o);
        }
        let saved_incomplete = std::mem::replace(&mut self.iface_incomplete, false);
        let t = self.typ(&spec.ty);
        if self.iface_incomplete && matches!(spec.ty.kind, ExprKind::InterfaceType(_)) {
            self.pending_ifaces.push((named, &spec.ty, self.cur_scope));
        }
        self.iface_incomplete = saved_incomplete;
        self.direct_decls.remove(&o);
        let u = self.tt.underlying(t);
        if u == INVALID && t != INVALID {
            if let Type::Named(n) = self.tt.get(t) {
                let other = n.obj;
                if other == o || self.direct_decls.contains(&other) {
                    // a cycle of type names: type A B; type B A
                    let mut cycle = self.path_from(other);
                    if !cycle.contains(&o) {
                        cycle = vec![o];
                    }
                    self.cycle_error(&cycle, "invalid recursive type");
                } else {
                    // the other type is still being declared (type T2 T1 inside T1)
                    self.pending_underlying.push((named, t));
                }
            }
        }
        if let Type::Named(n) = &mut self.tt.types[named.0 as usize] {
            n.underlying = u;
        }
        if u != INVALID {
            self.valid_type(named);
            self.resolve_pending_underlying();
        }
        if self.obj_path.len() <= 1 {
            for (kt, p) in std::mem::take(&mut self.pending_map_keys) {
                if self.tt.underlying(kt) != INVALID
                    && !self.tt.incomplete(kt)
                    && !self.tt.comparable(kt)
                {
                    let m = format!("invalid map key type {}", self.ts(kt));
                    self.error(p, m);
                }
            }
        }
        // methods
        if self.fctx.is_none() {
            if let Some(ms) = self.methods.remove(&spec.name.name) {
                for fd in ms {
                    let mo = self.func_decl_objs[&(fd as *const _)];
                    self.method_decl(mo, named, fd);
                }
            }
        }
    }

    fn method_decl(&mut self, mo: ObjId, named: crate::TypeId, fd: &'a ast::FuncDecl) {
        let name = fd.name.name.clone();
        // duplicate methods / field and method with the same name
        let existing = self.named_methods(named);
        if name != "_" {
            if let Some(&prev) = existing.iter().find(|&&m| self.obj(m).name == name) {
                let tn = self.ts(named);
                let pp = self.obj(prev).pos;
                let m = format!(
                    "{}.{} redeclared in this block\n\t{}: other declaration of {}",
                    tn,
                    name,
                    self.fmt_pos(pp),
                    name
                );
                self.error(fd.name.pos, m);
                self.color.insert(mo, Color::Black);
                return;
            }
            let u = self.tt.underlying(named);
            if let Type::Struct(fs) = self.tt.get(u) {
                if let Some(i) = fs.iter().position(|f| f.name == name) {
                    let fo = self.field_obj(u, i);
                    let fp = self.obj(fo).pos;
                    let m = format!(
                        "field and method with the same name {}\n\t{}: other declaration of {}",
                        name,
                        self.fmt_pos(fp),
                        name
                    );
                    self.error(fd.name.pos, m);
                }
            }
            if let Type::Named(n) = &mut self.tt.types[named.0 as usize] {
                n.methods.push(mo);
            }
        }
        self.obj_decl_if_pending(mo);
    }

    fn func_decl(&mut self, o: ObjId, fd: &'a ast::FuncDecl) {
        let saved = self.cur_scope;
        let fs = self.scopes.new_scope(Some(saved));
        self.cur_scope = fs;
        let mut recv_t = None;
        let mut recv_obj = None;
        if let Some(recv) = &fd.recv {
            if let Some(f) = recv.first() {
                let recv_pos = f
                    .names
                    .first()
                    .map_or(crate::exprstr::start_pos(&f.ty), |n| n.pos);
                let t = self.typ(&f.ty);
                // the receiver base type must be a defined type of this package
                let base = self
                    .tt
                    .pointer_elem(t)
                    .filter(|_| matches!(self.tt.get(t), Type::Pointer(_)))
                    .unwrap_or(t);
                let ok = match self.tt.get(base) {
                    Type::Named(n) => {
                        let bo = n.obj;
                        if self.obj(bo).pkg.as_deref() != Some(self.path.as_str()) {
                            self.error(
                                recv_pos,
                                format!(
                                    "cannot define new methods on non-local type {}",
                                    self.ts(base)
                                ),
                            );
                            false
                        } else if self.tt.is_pointer(base) || self.tt.is_interface(base) {
                            self.error(
                                recv_pos,
                                format!(
                                    "invalid receiver type {} (pointer or interface type)",
                                    self.ts(base)
                                ),
                            );
                            false
                        } else {
                            true
                        }
                    }
                    Type::Basic(k) if *k != crate::BasicKind::Invalid => {
                        self.error(
                            recv_pos,
                            format!(
                                "cannot define new methods on non-local type {}",
                                self.ts(base)
                            ),
                        );
                        false
                    }
                    _ => {
                        if t != INVALID {
                            self.error(recv_pos, format!("invalid receiver type {}", self.ts(t)));
                        }
                        false
                    }
                };
                if ok {
                    recv_t = Some(t);
                }
                let name = f.names.first().map(|n| n.name.clone()).unwrap_or_default();
                let ro = self.new_var(&name, f.names.first().map_or(f.pos, |n| n.pos), t, true);
                if let Some(n) = f.names.first() {
                    self.record_def(n, ro);
                }
                recv_obj = Some(ro);
                let tn = self.ts(base);
                let link = if matches!(self.tt.get(t), Type::Pointer(_)) {
                    format!("{}.(*{}).{}", self.path, tn, fd.name.name)
                } else {
                    format!("{}.{}.{}", self.path, tn, fd.name.name)
                };
                if let ObjKind::Func(fi) = &mut self.obj_mut(o).kind {
                    fi.link_name = link;
                }
            }
        }
        let (sig, params, results) = self.func_type(&fd.sig, None);
        if let ObjKind::Func(fi) = &mut self.obj_mut(o).kind {
            fi.sig = sig;
            fi.recv = recv_t;
        }
        self.cur_scope = saved;
        if fd.body.is_some() {
            let mut ps = vec![];
            if let Some(r) = recv_obj {
                ps.push(r);
            }
            ps.extend(params);
            self.pending_bodies.push((o, fd, ps, results));
        } else if matches!(&self.obj(o).kind, ObjKind::Func(f) if f.native.is_some()) {
            // The code generator gives it a body (externs.rs, cgo.rs).
            self.funcs.push(o);
        }
        self.check_directive_signature(o, fd, sig);
    }

    /// Checks all package-level objects, then the function bodies in source order.
    pub(crate) fn package_objects(&mut self) {
        let mut all: Vec<ObjId> = self.decls.keys().copied().collect();
        all.sort();
        for o in all {
            if matches!(self.obj(o).kind, ObjKind::Func(_)) {
                continue;
            }
            self.obj_decl_if_pending(o);
        }
        // methods declared through an alias of a local type: func (A) m() with type A = T
        let mut rest: Vec<(String, Vec<&'a ast::FuncDecl>)> = self.methods.drain().collect();
        rest.sort_by_key(|(_, fds)| fds.first().map(|f| f.pos));
        for (base, fds) in rest {
            let named = match self
                .scopes
                .lookup_local(self.pkg_scope, &base)
                .map(|o| self.obj(o).kind.clone())
            {
                Some(ObjKind::TypeName { ty }) if matches!(self.tt.get(ty), Type::Named(n) if self.obj(n.obj).pkg.as_deref() == Some(self.path.as_str())) => {
                    ty
                }
                _ => {
                    self.methods.insert(base, fds);
                    continue;
                }
            };
            for fd in fds {
                let mo = self.func_decl_objs[&(fd as *const _)];
                self.method_decl(mo, named, fd);
            }
        }
        // functions (and methods not yet attached) in source order
        let mut all: Vec<ObjId> = self.decls.keys().copied().collect();
        all.sort();
        for o in all {
            self.obj_decl_if_pending(o);
        }
        self.methods.clear();
        self.complete_interfaces();
        // bodies in source order
        let mut bodies = std::mem::take(&mut self.pending_bodies);
        bodies.sort_by_key(|b| b.1.pos);
        for (o, fd, params, results) in bodies {
            self.funcs.push(o);
            let sig = self.var_type(o);
            self.next_func_id += 1;
            let id = self.next_func_id;
            for &p in params.iter().chain(&results) {
                self.var_owner.insert(p, id);
            }
            self.fctx = Some(FuncCtx {
                sig,
                results: results.clone(),
                id,
            });
            self.cur_decl = Some(o);
            let file = match self.decls.get(&o) {
                Some(DeclInfo::Func { file, .. }) => *file,
                _ => 0,
            };
            self.cur_scope = self.file_scopes[file];
            self.func_body(&fd.sig, params, results, fd.body.as_ref().unwrap());
            self.fctx = None;
            self.cur_decl = None;
        }
        self.cur_scope = self.pkg_scope;
    }

    /// Records that the current package-level declaration refers to `o`.
    pub(crate) fn add_dep(&mut self, o: ObjId) {
        let Some(cur) = self.cur_decl else { return };
        if !self.decls.contains_key(&o) {
            return;
        }
        if !matches!(
            self.obj(o).kind,
            ObjKind::Var(_) | ObjKind::Const { .. } | ObjKind::Func(_)
        ) {
            return;
        }
        let v = self.deps.entry(cur).or_default();
        if !v.contains(&o) {
            v.push(o);
        }
    }

    pub(crate) fn note_ident_name(&mut self, _name: &str) {}

    pub(crate) fn unused_imports(&mut self) {
        for (o, pos, path) in self.imports.clone() {
            if !self.used_imports.contains(&o) {
                let name = self.obj(o).name.clone();
                let last = self.imported_name(&path);
                if name != last && name != "_" && name != "." {
                    self.soft_error(pos, format!("{:?} imported as {} and not used", path, name));
                } else if name != "_" {
                    self.soft_error(pos, format!("imported and not used: {:?}", path));
                }
            }
        }
    }
}

fn is_type_name(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Ident(_) | ExprKind::Selector(..) => true,
        ExprKind::Paren(x) => is_type_name(x),
        _ => false,
    }
}

/// The base type name of a receiver type expression (`T`, `*T`, `(T)`).
fn recv_base_name(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Ident(n) => Some(n.clone()),
        ExprKind::Star(x) | ExprKind::Paren(x) => recv_base_name(x),
        _ => None,
    }
}
