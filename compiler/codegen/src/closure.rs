//! Function values (ARCHITECTURE.md, "Function values").
//!
//! A func value is one word: a pointer to a closure object whose first word is the code
//! pointer, followed by whatever the code needs (gc's layout). A call through a func value
//! stores the closure pointer in `g.ctxt` ([r15+56]) right before the indirect call; a closure
//! body loads it first thing. Top-level functions used as values get a static, read-only
//! closure `{code}` and need no wrapper: they ignore `g.ctxt`. Function literals capture the
//! enclosing variables they use by reference: captured variables already live on the heap
//! (the checker marks them addressed), so the closure object holds their addresses. Method
//! values bind a copy of the receiver in the closure and call through a wrapper
//! (`main.T.M-fm`, as gc names it).

use crate::func::{Fl, Local, Val};
use crate::{ice, Result};
use cranelift_codegen::ir::{self, types, InstBuilder, MemFlagsData, Value};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{DataDescription, DataId, FuncId, Linkage, Module};
use gorc_syntax::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use gorc_syntax::Pos;
use gorc_types::{ObjId, ObjKind, Selection, SelectionKind, Type, TypeId};
use std::collections::{HashMap, HashSet};

/// Offset of `ctxt` in the G (runtime/src/sched.rs).
pub(crate) const G_CTXT: i32 = 56;

/// Per-package caches.
#[derive(Default)]
pub(crate) struct GenState {
    /// Static closures `{code}` by function.
    statics: HashMap<FuncId, DataId>,
    /// Descriptors of closure objects by pointer bitmap (word 0, the code, is never a pointer).
    descs: HashMap<(u64, Vec<u64>), DataId>,
    /// Method-value wrappers by method.
    fm: HashMap<ObjId, FuncId>,
}

/// Per-function state for literals and defers.
#[derive(Default)]
pub(crate) struct FuncState {
    /// The function's link name; its literals are `name.funcN` (top level) or `name.N`.
    pub name: String,
    pub in_lit: bool,
    pub lits: u32,
    pub thunks: u32,
    pub defer: Option<crate::defer::DeferState>,
    /// Values already received by a select case, keyed by its `<-ch` expression: lowering
    /// the case's assignment reads them instead of receiving again (chan.rs).
    pub received: HashMap<gorc_syntax::ast::NodeId, Vec<crate::func::Val>>,
    /// The receiver arrives as a pointer to the value (the itab copy of a value method).
    pub recv_by_ref: bool,
}

impl FuncState {
    pub fn top(name: &str) -> FuncState {
        FuncState {
            name: name.to_string(),
            ..Default::default()
        }
    }

    fn next_lit_name(&mut self) -> String {
        self.lits += 1;
        if self.in_lit {
            format!("{}.{}", self.name, self.lits)
        } else {
            format!("{}.func{}", self.name, self.lits)
        }
    }

    /// A `return` must go through the deferred calls first.
    pub fn defers_pending(&self) -> bool {
        self.defer.as_ref().is_some_and(|d| !d.in_exit)
    }
}

impl<'g, 'a, 'b> Fl<'g, 'a, 'b> {
    /// The current G (r15, Cranelift's pinned register).
    pub fn g_reg(&mut self) -> Value {
        self.b.ins().get_pinned_reg(types::I64)
    }

    /// Entry of a function literal: the captured variables' addresses from the closure.
    pub fn bind_captures(&mut self, caps: &[ObjId]) {
        if caps.is_empty() {
            return;
        }
        let g = self.g_reg();
        let ctx = self
            .b
            .ins()
            .load(types::I64, MemFlagsData::trusted(), g, G_CTXT);
        for (i, &obj) in caps.iter().enumerate() {
            let p = self
                .b
                .ins()
                .load(types::I64, MemFlagsData::trusted(), ctx, 8 * (i as i32 + 1));
            let var = self.b.declare_var(types::I64);
            self.b.def_var(var, p);
            self.locals.insert(obj, Local::Mem(var));
        }
    }

    /// Calls the func value `fv` (a closure pointer); a nil one faults on loading the code
    /// pointer, which becomes gc's nil-dereference panic.
    pub fn call_value(&mut self, fv: Value, abi: &crate::Abi, argv: &[Value]) -> Vec<Value> {
        let code = self.b.ins().load(types::I64, MemFlagsData::new(), fv, 0);
        let g = self.g_reg();
        self.b.ins().store(MemFlagsData::trusted(), fv, g, G_CTXT);
        let sig = self.b.import_signature(abi.sig.clone());
        let inst = self.b.ins().call_indirect(sig, code, argv);
        self.b.inst_results(inst).to_vec()
    }

    /// The address of function `id`'s code.
    pub fn func_addr(&mut self, id: FuncId) -> Value {
        let fr = self.func_ref(id);
        self.b.ins().func_addr(types::I64, fr)
    }

    /// A static closure `{code}` for function `id`.
    pub fn static_closure(&mut self, id: FuncId) -> Value {
        let did = match self.g.fv.statics.get(&id) {
            Some(&d) => d,
            None => {
                let name = self.g.anon_name("go:closure");
                let did = self
                    .g
                    .module
                    .declare_data(&name, Linkage::Local, false, false)
                    .expect("static closure");
                let mut d = DataDescription::new();
                d.set_align(8);
                d.define(vec![0u8; 8].into_boxed_slice());
                let fr = self.g.module.declare_func_in_data(id, &mut d);
                d.write_function_addr(0, fr);
                self.g.module.define_data(did, &d).expect("static closure");
                self.g.fv.statics.insert(id, did);
                did
            }
        };
        self.data_addr(did)
    }

    /// A top-level function used as a value.
    pub fn func_value(&mut self, obj: ObjId, pos: Pos) -> Result<Val> {
        let Some((id, _)) = self.g.funcs.get(&obj).cloned() else {
            return ice(pos, "function without code");
        };
        Ok(Val::Parts(vec![self.static_closure(id)]))
    }

    /// The descriptor of a closure object of `size` bytes whose pointer words are at
    /// `ptrs` (byte offsets).
    fn closure_desc(&mut self, size: u64, ptrs: Vec<u64>) -> DataId {
        let key = (size, ptrs.clone());
        if let Some(&d) = self.g.fv.descs.get(&key) {
            return d;
        }
        let sym = self.g.anon_name("type:closure");
        let id = self
            .g
            .module
            .declare_data(&sym, Linkage::Local, false, false)
            .expect("closure desc");
        let ptrdata = ptrs.iter().max().map(|m| m + 8).unwrap_or(0);
        let mut bytes = vec![0u8; 64];
        bytes[0..8].copy_from_slice(&size.to_le_bytes());
        bytes[8..16].copy_from_slice(&ptrdata.to_le_bytes());
        bytes[20] = 25; // struct
        bytes[21] = 8;
        let name = b"closure";
        bytes[40..48].copy_from_slice(&(name.len() as u64).to_le_bytes());
        let mut d = DataDescription::new();
        d.set_align(8);
        if ptrdata > 0 {
            let words = (ptrdata / 8) as usize;
            let mut bits = vec![0u8; words.div_ceil(8)];
            for &o in &ptrs {
                let w = (o / 8) as usize;
                bits[w / 8] |= 1 << (w % 8);
            }
            let bm = self.g.string_data(&bits);
            let gv = self.g.module.declare_data_in_data(bm, &mut d);
            d.write_data_addr(24, gv, 0);
        }
        let nid = self.g.string_data(name);
        let gv = self.g.module.declare_data_in_data(nid, &mut d);
        d.write_data_addr(32, gv, 0);
        d.define(bytes.into_boxed_slice());
        self.g.module.define_data(id, &d).expect("closure desc");
        self.g.fv.descs.insert(key, id);
        id
    }

    /// Offsets of `fields` laid out after the code word, and the object's size.
    pub fn closure_layout(&mut self, fields: &[TypeId]) -> (Vec<u64>, u64, Vec<u64>) {
        let mut off = 8u64;
        let mut offs = Vec::new();
        let mut ptrs = Vec::new();
        for &t in fields {
            let l = self.g.layout(t);
            let a = l.align.max(1);
            off = off.div_ceil(a) * a;
            offs.push(off);
            for &p in &l.ptr_words {
                ptrs.push(off + p);
            }
            off += l.size;
        }
        (offs, off.div_ceil(8) * 8, ptrs)
    }

    /// A closure object `{code, fields...}`: on the heap, or at `at` (frame memory that
    /// outlives every use, for defers).
    pub fn make_closure(
        &mut self,
        code: FuncId,
        fields: Vec<(Val, TypeId)>,
        at: Option<Value>,
    ) -> Result<Value> {
        let tys: Vec<TypeId> = fields.iter().map(|f| f.1).collect();
        let (offs, size, ptrs) = self.closure_layout(&tys);
        let p = match at {
            Some(p) => p,
            None => {
                let desc = self.closure_desc(size, ptrs);
                let dv = self.data_addr(desc);
                self.call(self.g.rt.alloc, &[dv])[0]
            }
        };
        let c = self.func_addr(code);
        self.b.ins().store(MemFlagsData::trusted(), c, p, 0);
        for ((v, t), off) in fields.into_iter().zip(offs) {
            let a = self.b.ins().iadd_imm_s(p, off as i64);
            self.store(a, t, v)?;
        }
        Ok(p)
    }

    /// The fields of the running closure (loaded from `g.ctxt`), by value.
    pub fn closure_fields(&mut self, tys: &[TypeId]) -> Vec<Val> {
        let (offs, _, _) = self.closure_layout(tys);
        let g = self.g_reg();
        let ctx = self
            .b
            .ins()
            .load(types::I64, MemFlagsData::trusted(), g, G_CTXT);
        tys.iter()
            .zip(offs)
            .map(|(&t, off)| {
                let a = self.b.ins().iadd_imm_s(ctx, off as i64);
                self.load(a, t)
            })
            .collect()
    }

    /// A function literal: compiles its body (now, as a separate function) and builds its
    /// closure.
    pub fn func_lit(&mut self, e: &Expr) -> Result<Val> {
        let ExprKind::FuncLit { sig, body } = &e.kind else {
            unreachable!()
        };
        let mut used = Vec::new();
        let mut seen = HashSet::new();
        collect_block(self.g.pkg, &body.stmts, &mut used, &mut seen);
        let caps: Vec<ObjId> = used
            .into_iter()
            .filter(|o| matches!(self.locals.get(o), Some(Local::Mem(_))))
            .collect();
        let name = self.fx.next_lit_name();
        let ty = self.ty(e);
        let abi = self.g.abi(None, ty);
        let id = self
            .g
            .module
            .declare_function(&name, Linkage::Local, &abi.sig)
            .map_err(|er| crate::CodegenError {
                pos: e.pos,
                msg: er.to_string(),
            })?;
        let fx = FuncState {
            name: name.clone(),
            in_lit: true,
            ..Default::default()
        };
        crate::func::compile_body(self.g, id, abi, name, None, sig, body, e.pos, &caps, fx)?;
        if caps.is_empty() {
            return Ok(Val::Parts(vec![self.static_closure(id)]));
        }
        let uptr = self.g.unsafe_pointer();
        let mut fields = Vec::new();
        for &o in &caps {
            let Some(Local::Mem(var)) = self.locals.get(&o) else {
                unreachable!()
            };
            let var = *var;
            let p = self.b.use_var(var);
            fields.push((Val::Parts(vec![p]), uptr));
        }
        let p = self.make_closure(id, fields, None)?;
        Ok(Val::Parts(vec![p]))
    }

    /// `x.M` as a value (method value) or `T.M` / `(*T).M` (method expression).
    pub fn method_value(&mut self, e: &Expr, x: &Expr, sel: &Selection) -> Result<Val> {
        let ObjKind::Func(fi) = &self.g.pkg.obj(sel.obj).kind else {
            return ice(e.pos, "method is not a function");
        };
        let recv_ty = fi.recv.expect("method has a receiver");
        let is_iface_method = self.g.is_iface(recv_ty);
        if sel.kind == SelectionKind::MethodExpr && (is_iface_method || !sel.index.is_empty()) {
            return self.method_expr_wrapper(e, x, sel);
        }
        if is_iface_method {
            return self.iface_method_value(e, x, sel, recv_ty);
        }
        let Some((mid, mabi)) = self.g.funcs.get(&sel.obj).cloned() else {
            return ice(e.pos, "method without code");
        };
        let ptr_recv = matches!(self.g.pkg.types.get(recv_ty), Type::Pointer(_));
        if sel.kind == SelectionKind::MethodExpr {
            // T.M has the method's own signature (receiver first) when the receiver types
            // agree; (*T).M of a value method needs a dereferencing wrapper.
            let xt = self.ty(x);
            if xt == recv_ty {
                return Ok(Val::Parts(vec![self.static_closure(mid)]));
            }
            let w = self.deref_wrapper(sel.obj, mid, &mabi, recv_ty, self.ty(e))?;
            return Ok(Val::Parts(vec![self.static_closure(w)]));
        }
        // A method value: the receiver is evaluated (and copied) now.
        let rv = self.receiver(x, &sel.index, ptr_recv, recv_ty, sel.indirect)?;
        let rv = self.materialize(rv, recv_ty);
        let w = self.fm_wrapper(sel.obj, mid, &mabi, recv_ty, self.ty(e))?;
        let p = self.make_closure(w, vec![(rv, recv_ty)], None)?;
        Ok(Val::Parts(vec![p]))
    }

    /// `x.M` where M is a method of interface type `iface` (x is the interface, or a struct
    /// embedding it): the code pointer is looked up now, so a nil interface panics here as
    /// in gc, and the closure binds it with the data word.
    fn iface_method_value(
        &mut self,
        e: &Expr,
        x: &Expr,
        sel: &Selection,
        iface: TypeId,
    ) -> Result<Val> {
        let Type::Interface(ms) = self.g.under(iface).clone() else {
            unreachable!()
        };
        let name = &self.g.pkg.obj(sel.obj).name;
        let Some(k) = ms.iter().position(|m| &m.name == name) else {
            return ice(e.pos, "method not in interface");
        };
        let iv = if sel.index.is_empty() {
            self.expr(x)?
        } else {
            match self.walk_fields(x, &sel.index)? {
                (crate::expr::Cur::Addr(a), _) => self.load(a, iface),
                (crate::expr::Cur::Parts(p), _) => Val::Parts(p),
            }
        };
        let w = self.parts(iv, iface);
        self.set_line(e.pos);
        let fnp = self
            .b
            .ins()
            .load(types::I64, MemFlagsData::new(), w[0], (16 + 8 * k) as i32);
        let (uptr, code_ty) = (self.g.unsafe_pointer(), self.g.uintptr());
        let fty = self.ty(e);
        let abi = self.g.abi(None, fty);
        let dispatch_abi = self.g.iface_method_abi(ms[k].sig);
        let name = format!(
            "{}.{}-fm",
            crate::typedesc::type_string(self.g, iface),
            name
        );
        let name = self.g.anon_name(&name);
        let code = wrapper(self.g, &name, &abi, |fl, params| {
            let mut f = fl.closure_fields(&[code_ty, uptr]);
            let data = fl.parts(f.pop().unwrap(), uptr)[0];
            let fnp = fl.parts(f.pop().unwrap(), code_ty)[0];
            let mut argv = vec![data];
            argv.extend_from_slice(params);
            let sigref = fl.b.import_signature(dispatch_abi.sig.clone());
            let inst = fl.b.ins().call_indirect(sigref, fnp, &argv);
            let rets = fl.b.inst_results(inst).to_vec();
            fl.b.ins().return_(&rets);
            Ok(())
        })?;
        let fields = vec![
            (Val::Parts(vec![fnp]), code_ty),
            (Val::Parts(vec![w[1]]), uptr),
        ];
        let p = self.make_closure(code, fields, None)?;
        Ok(Val::Parts(vec![p]))
    }

    /// `X.M` for a method of an interface type X (dispatching through the receiver's itab) or
    /// a method promoted through X's embedded fields: a wrapper taking the receiver first.
    fn method_expr_wrapper(&mut self, e: &Expr, x: &Expr, sel: &Selection) -> Result<Val> {
        let xt = self.ty(x);
        let fty = self.ty(e);
        let o = self.g.pkg.obj(sel.obj);
        let ObjKind::Func(fi) = &o.kind else {
            unreachable!()
        };
        let is_iface_method = self.g.is_iface(fi.recv.expect("method"));
        let entry = crate::iface::MethodEntry {
            name: o.name.clone(),
            sig: fi.sig,
            obj: (!is_iface_method).then_some(sel.obj),
            path: sel.index.clone(),
        };
        let abi = self.g.abi(None, fty);
        let name = format!("{}.{}", crate::typedesc::type_string(self.g, xt), o.name);
        let name = self.g.anon_name(&name);
        let xl = self.g.layout(xt);
        let x_is_iface = self.g.is_iface(xt);
        let x_is_ptr = matches!(self.g.under(xt), Type::Pointer(_));
        let code = wrapper(self.g, &name, &abi, |fl, params| {
            if x_is_iface {
                // The receiver is the interface value itself: (itab, data), then the rest.
                return fl.iface_dispatch_body(xt, &entry.name, params[0], params[1], &params[2..]);
            }
            // The itab-code body takes the receiver's address (or the pointer itself).
            let (addr, rest) = if x_is_ptr || xl.mem {
                (params[0], &params[1..])
            } else {
                let n = xl.parts.len();
                let t = fl.temp(xt);
                fl.store(t, xt, Val::Parts(params[..n].to_vec()))?;
                (t, &params[n..])
            };
            let mut ps = vec![addr];
            ps.extend_from_slice(rest);
            fl.wrapper_body(xt, &entry, &ps)
        })?;
        Ok(Val::Parts(vec![self.static_closure(code)]))
    }

    /// `main.T.M-fm`: calls method `mid` with the receiver bound in the closure.
    fn fm_wrapper(
        &mut self,
        mobj: ObjId,
        mid: FuncId,
        mabi: &crate::Abi,
        recv_ty: TypeId,
        fty: TypeId,
    ) -> Result<FuncId> {
        if let Some(&w) = self.g.fv.fm.get(&mobj) {
            return Ok(w);
        }
        let ObjKind::Func(fi) = &self.g.pkg.obj(mobj).kind else {
            unreachable!()
        };
        let name = format!("{}-fm", fi.link_name);
        let abi = self.g.abi(None, fty);
        let _ = mabi;
        let w = wrapper(self.g, &name, &abi, |fl, params| {
            let rv = fl.closure_fields(&[recv_ty]).pop().unwrap();
            let mut argv = Vec::new();
            fl.push_arg(&mut argv, rv, recv_ty);
            argv.extend_from_slice(params);
            let rets = fl.call(mid, &argv);
            fl.b.ins().return_(&rets);
            Ok(())
        })?;
        self.g.fv.fm.insert(mobj, w);
        Ok(w)
    }

    /// `(*T).M` for a method with a value receiver: loads `*p` and calls M.
    fn deref_wrapper(
        &mut self,
        mobj: ObjId,
        mid: FuncId,
        _mabi: &crate::Abi,
        recv_ty: TypeId,
        fty: TypeId,
    ) -> Result<FuncId> {
        let ObjKind::Func(fi) = &self.g.pkg.obj(mobj).kind else {
            unreachable!()
        };
        let o_name = self.g.pkg.obj(mobj).name.clone();
        let name = self.g.anon_name(&format!("{}·deref", fi.link_name));
        let abi = self.g.abi(None, fty);
        // gc's message names the method by its package path and the receiver's type name.
        let (pkg, meth) = (fi.link_name.rsplit_once('.').map_or("", |p| p.0), &o_name);
        let tname = pkg.rsplit_once('.').map_or(pkg, |p| p.1).to_string();
        let pkg_path = pkg.rsplit_once('.').map_or("", |p| p.0);
        let msg =
            format!("value method {pkg_path}.{tname}.{meth} called using nil *{tname} pointer");
        wrapper(self.g, &name, &abi, |fl, params| {
            let nil = fl.b.create_block();
            let ok = fl.b.create_block();
            fl.b.ins().brif(params[0], ok, &[], nil, &[]);
            fl.b.switch_to_block(nil);
            let sd = fl.g.string_data(msg.as_bytes());
            let p = fl.data_addr(sd);
            let n = fl.b.ins().iconst(types::I64, msg.len() as i64);
            fl.call_noreturn(fl.g.rt.panicwrap, &[p, n]);
            fl.b.switch_to_block(ok);
            let v = fl.load(params[0], recv_ty);
            let mut argv = Vec::new();
            fl.push_arg(&mut argv, v, recv_ty);
            argv.extend_from_slice(&params[1..]);
            let rets = fl.call(mid, &argv);
            fl.b.ins().return_(&rets);
            Ok(())
        })
    }
}

/// Defines a small generated function with signature `abi` whose body `f` builds (given the
/// entry block's parameters).
pub(crate) fn wrapper(
    g: &mut crate::Gen,
    name: &str,
    abi: &std::rc::Rc<crate::Abi>,
    f: impl FnOnce(&mut Fl, &[Value]) -> Result<()>,
) -> Result<FuncId> {
    let id = g
        .module
        .declare_function(name, Linkage::Local, &abi.sig)
        .map_err(|er| crate::CodegenError {
            pos: Pos::NONE,
            msg: er.to_string(),
        })?;
    let mut ctx = cranelift_codegen::Context::new();
    ctx.func.signature = abi.sig.clone();
    ctx.func.name = ir::UserFuncName::user(0, id.as_u32());
    let mut fctx = FunctionBuilderContext::new();
    let cfg = g.module.isa().frontend_config();
    {
        let b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
        let mut fl = Fl::new(g, b, abi.clone());
        let entry = fl.b.create_block();
        fl.b.append_block_params_for_function_params(entry);
        fl.b.switch_to_block(entry);
        let params = fl.b.block_params(entry).to_vec();
        f(&mut fl, &params)?;
        fl.b.seal_all_blocks();
        fl.b.finalize(cfg);
    }
    // Wrappers are `<autogenerated>`, as in gc; recover looks through them.
    crate::func::define(
        g,
        id,
        &mut ctx,
        name.to_string(),
        "<autogenerated>".to_string(),
        Pos::NONE,
        abi,
    )?;
    Ok(id)
}

// ----- free variables of a function literal -----

fn collect_block(
    pkg: &gorc_types::Program,
    stmts: &[Stmt],
    out: &mut Vec<ObjId>,
    seen: &mut HashSet<ObjId>,
) {
    for s in stmts {
        collect_stmt(pkg, s, out, seen);
    }
}

fn use_ident(
    pkg: &gorc_types::Program,
    id: ast::NodeId,
    out: &mut Vec<ObjId>,
    seen: &mut HashSet<ObjId>,
) {
    if let Some(&o) = pkg.info.uses.get(&id) {
        if let ObjKind::Var(v) = &pkg.obj(o).kind {
            if !v.global && !v.field && seen.insert(o) {
                out.push(o);
            }
        }
    }
}

fn collect_stmt(
    pkg: &gorc_types::Program,
    s: &Stmt,
    out: &mut Vec<ObjId>,
    seen: &mut HashSet<ObjId>,
) {
    let e =
        |x: &Expr, out: &mut Vec<ObjId>, seen: &mut HashSet<ObjId>| collect_expr(pkg, x, out, seen);
    match &s.kind {
        StmtKind::Empty | StmtKind::Break(_) | StmtKind::Continue(_) | StmtKind::Goto(_) => {}
        StmtKind::Fallthrough => {}
        StmtKind::Expr(x) | StmtKind::Go(x) | StmtKind::Defer(x) | StmtKind::IncDec(x, _) => {
            e(x, out, seen)
        }
        StmtKind::Send(a, b) => {
            e(a, out, seen);
            e(b, out, seen);
        }
        StmtKind::Assign { lhs, rhs, .. } => {
            for x in lhs.iter().chain(rhs) {
                e(x, out, seen);
            }
        }
        StmtKind::Define { lhs, rhs } => {
            for i in lhs {
                use_ident(pkg, i.id, out, seen);
            }
            for x in rhs {
                e(x, out, seen);
            }
        }
        StmtKind::Decl(d) => {
            if let ast::Decl::Var(specs) = d {
                for sp in specs {
                    for v in &sp.values {
                        e(v, out, seen);
                    }
                }
            }
        }
        StmtKind::Labeled(_, st) => collect_stmt(pkg, st, out, seen),
        StmtKind::Return(xs) => {
            for x in xs {
                e(x, out, seen);
            }
        }
        StmtKind::Block(b) => collect_block(pkg, &b.stmts, out, seen),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            if let Some(i) = init {
                collect_stmt(pkg, i, out, seen);
            }
            e(cond, out, seen);
            collect_block(pkg, &then.stmts, out, seen);
            if let Some(x) = els {
                collect_stmt(pkg, x, out, seen);
            }
        }
        StmtKind::Switch {
            init, tag, body, ..
        } => {
            if let Some(i) = init {
                collect_stmt(pkg, i, out, seen);
            }
            if let Some(t) = tag {
                e(t, out, seen);
            }
            for c in body {
                for x in c.exprs.iter().flatten() {
                    e(x, out, seen);
                }
                collect_block(pkg, &c.body, out, seen);
            }
        }
        StmtKind::TypeSwitch { init, x, body, .. } => {
            if let Some(i) = init {
                collect_stmt(pkg, i, out, seen);
            }
            e(x, out, seen);
            for c in body {
                collect_block(pkg, &c.body, out, seen);
            }
        }
        StmtKind::Select { body, .. } => {
            for c in body {
                if let Some(st) = &c.comm {
                    collect_stmt(pkg, st, out, seen);
                }
                collect_block(pkg, &c.body, out, seen);
            }
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            if let Some(i) = init {
                collect_stmt(pkg, i, out, seen);
            }
            if let Some(c) = cond {
                e(c, out, seen);
            }
            if let Some(p) = post {
                collect_stmt(pkg, p, out, seen);
            }
            collect_block(pkg, &body.stmts, out, seen);
        }
        StmtKind::Range {
            key,
            value,
            x,
            body,
            ..
        } => {
            for k in key.iter().chain(value.iter()) {
                e(k, out, seen);
            }
            e(x, out, seen);
            collect_block(pkg, &body.stmts, out, seen);
        }
    }
}

fn collect_expr(
    pkg: &gorc_types::Program,
    x: &Expr,
    out: &mut Vec<ObjId>,
    seen: &mut HashSet<ObjId>,
) {
    match &x.kind {
        ExprKind::Ident(_) => use_ident(pkg, x.id, out, seen),
        ExprKind::BasicLit(_) | ExprKind::Bad => {}
        ExprKind::CompositeLit { elts, .. } => {
            for el in elts {
                if let Some(k) = &el.key {
                    // Struct literal keys are field names, not variables.
                    if !matches!(k.kind, ExprKind::Ident(_)) {
                        collect_expr(pkg, k, out, seen);
                    } else {
                        use_ident(pkg, k.id, out, seen);
                    }
                }
                collect_expr(pkg, &el.value, out, seen);
            }
        }
        ExprKind::FuncLit { body, .. } => collect_block(pkg, &body.stmts, out, seen),
        ExprKind::Paren(a) | ExprKind::Star(a) | ExprKind::Unary(_, a) => {
            collect_expr(pkg, a, out, seen)
        }
        ExprKind::Selector(a, _) => collect_expr(pkg, a, out, seen),
        ExprKind::Index(a, b) | ExprKind::Binary(_, a, b) => {
            collect_expr(pkg, a, out, seen);
            collect_expr(pkg, b, out, seen);
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            collect_expr(pkg, x, out, seen);
            for p in [lo, hi, max].into_iter().flatten() {
                collect_expr(pkg, p, out, seen);
            }
        }
        ExprKind::TypeAssert(a, _) => collect_expr(pkg, a, out, seen),
        ExprKind::Call { func, args, .. } => {
            collect_expr(pkg, func, out, seen);
            for a in args {
                collect_expr(pkg, a, out, seen);
            }
        }
        // Types mention no variables (array lengths are constants).
        _ => {}
    }
}
