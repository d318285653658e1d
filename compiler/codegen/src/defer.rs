//! `defer`, `recover` and the exit path of functions that defer (ARCHITECTURE.md, "Defer,
//! panic and recover").
//!
//! `defer f(a, b)` evaluates f and the arguments at once and records a closure of no
//! arguments with the runtime: the closure is `f` itself when it takes and returns nothing
//! (`defer func() {...}()`), else a thunk `{code, f, a, b}` whose code makes the call (gc
//! wraps such calls the same way). The record and the thunk live in the frame unless the
//! defer statement is in a loop or the function has a goto (then on the heap).
//!
//! `gorc_deferproc` is called with Cranelift's winch convention, which preserves no register:
//! every value live across it is in the frame. That makes its return point a landing pad: when
//! a deferred call of this frame recovers a panic, the runtime "returns" 1 from that call with
//! the frame's sp and fp restored, and the code branches to the exit block, which runs the
//! frame's remaining deferred calls and returns the results, which such functions keep in
//! memory.

use crate::func::{Fl, Local, Val};
use crate::{ice, Result};
use cranelift_codegen::ir::{self, types, AbiParam, InstBuilder, MemFlagsData, StackSlotData};
use cranelift_codegen::ir::{StackSlotKind, Value};
use cranelift_codegen::isa::CallConv;
use cranelift_module::{FuncId, Linkage, Module};
use gorc_syntax::ast::{Expr, ExprKind, Stmt, StmtKind};
use gorc_types::{Builtin, Mode, ObjId, ObjKind, SelectionKind, Type, TypeId};

/// Bytes of the runtime's defer record (`Defer` in runtime/src/defer.rs).
const DEFER_RECORD: u32 = 64;

pub(crate) struct DeferState {
    /// Runs the frame's deferred calls and returns.
    pub exit: ir::Block,
    /// Lowering the exit block itself (returns really return).
    pub in_exit: bool,
    /// The function has a goto: frame allocation is unsafe (a backward goto is a loop).
    has_goto: bool,
}

/// Whether a function body has a defer statement (not counting function literals).
pub(crate) fn has_defer(stmts: &[Stmt]) -> bool {
    stmts
        .iter()
        .any(|s| stmt_has(s, &|k| matches!(k, StmtKind::Defer(_))))
}

fn stmt_has(s: &Stmt, p: &dyn Fn(&StmtKind) -> bool) -> bool {
    if p(&s.kind) {
        return true;
    }
    let blk = |b: &[Stmt]| b.iter().any(|x| stmt_has(x, p));
    match &s.kind {
        StmtKind::Labeled(_, x) => stmt_has(x, p),
        StmtKind::Block(b) => blk(&b.stmts),
        StmtKind::If {
            init, then, els, ..
        } => {
            init.as_ref().is_some_and(|i| stmt_has(i, p))
                || blk(&then.stmts)
                || els.as_ref().is_some_and(|e| stmt_has(e, p))
        }
        StmtKind::Switch { body, .. } => body.iter().any(|c| blk(&c.body)),
        StmtKind::TypeSwitch { body, .. } => body.iter().any(|c| blk(&c.body)),
        StmtKind::Select { body, .. } => body.iter().any(|c| blk(&c.body)),
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => blk(&body.stmts),
        _ => false,
    }
}

fn winch_sig(params: usize, rets: usize) -> ir::Signature {
    let mut s = ir::Signature::new(CallConv::Winch);
    for _ in 0..params {
        s.params.push(AbiParam::new(types::I64));
    }
    for _ in 0..rets {
        s.returns.push(AbiParam::new(types::I64));
    }
    s
}

fn sysv_sig(params: usize, rets: usize) -> ir::Signature {
    let mut s = ir::Signature::new(CallConv::SystemV);
    for _ in 0..params {
        s.params.push(AbiParam::new(types::I64));
    }
    for _ in 0..rets {
        s.returns.push(AbiParam::new(types::I64));
    }
    s
}

impl<'g, 'a, 'b> Fl<'g, 'a, 'b> {
    fn rt_fn(&mut self, name: &str, sig: ir::Signature) -> FuncId {
        self.g
            .module
            .declare_function(name, Linkage::Import, &sig)
            .expect("runtime function")
    }

    /// A result variable of a function that defers: in frame memory (or on the heap when a
    /// closure captures it), so that the exit path finds it after a recovery.
    pub fn define_result_slot(&mut self, obj: ObjId, ty: TypeId) -> Result<()> {
        if self.is_addressed(obj) {
            return self.define_local(obj, ty, None);
        }
        let l = self.g.layout(ty);
        let slot = self.b.create_sized_stack_slot(StackSlotData::new(
            StackSlotKind::ExplicitSlot,
            l.size.max(1) as u32,
            (l.align.max(1).trailing_zeros() as u8).max(3),
        ));
        let addr = self.b.ins().stack_addr(types::I64, slot, 0);
        self.zero_mem(addr, l.size.div_ceil(8) * 8);
        let var = self.b.declare_var(types::I64);
        self.b.def_var(var, addr);
        self.locals.insert(obj, Local::Mem(var));
        Ok(())
    }

    pub fn start_defers(&mut self, body: &[Stmt]) {
        let exit = self.b.create_block();
        let has_goto = body
            .iter()
            .any(|s| stmt_has(s, &|k| matches!(k, StmtKind::Goto(_))));
        self.fx.defer = Some(DeferState {
            exit,
            in_exit: false,
            has_goto,
        });
    }

    /// `return` in a function that defers: set the results, then the exit path.
    pub fn return_via_defers(&mut self, vals: Option<Vec<Val>>) -> Result<()> {
        if let Some(vals) = vals {
            let objs = self.results.clone();
            for (i, v) in vals.into_iter().enumerate() {
                let ty = self.abi.results[i];
                let place = self.var_place(objs[i])?;
                self.write_place(&place, ty, v)?;
            }
        }
        let exit = self.fx.defer.as_ref().unwrap().exit;
        self.b.ins().jump(exit, &[]);
        let dead = self.b.create_block();
        self.b.switch_to_block(dead);
        Ok(())
    }

    /// Lowers the exit block: pops and calls this frame's deferred calls, then returns.
    pub fn finish_defers(&mut self) -> Result<()> {
        let Some(d) = self.fx.defer.as_mut() else {
            return Ok(());
        };
        d.in_exit = true;
        let exit = d.exit;
        if !self.b.is_unreachable() {
            self.b.ins().jump(exit, &[]);
        }
        self.b.switch_to_block(exit);
        let head = self.b.create_block();
        let run = self.b.create_block();
        let done = self.b.create_block();
        self.b.ins().jump(head, &[]);
        self.b.switch_to_block(head);
        let fp = self.b.ins().get_frame_pointer(types::I64);
        let dr = self.rt_fn("gorc_deferreturn", sysv_sig(1, 1));
        let c = self.call(dr, &[fp])[0];
        self.b.ins().brif(c, run, &[], done, &[]);
        self.b.switch_to_block(run);
        let abi = crate::Abi {
            sig: winch_sig(0, 0),
            params: vec![],
            results: vec![],
            result_by_ptr: vec![],
            stack_arg_bytes: 0,
        };
        self.call_value(c, &abi, &[]);
        self.b.ins().jump(head, &[]);
        self.b.switch_to_block(done);
        self.emit_return(None)
    }

    /// `recover()`. In a defer thunk (`defer recover()`) the thunk is transparent: the
    /// recover counts as called by the thunk's caller.
    pub fn recover_call(&mut self, in_thunk: bool) -> Val {
        let mut fp = self.b.ins().get_frame_pointer(types::I64);
        if in_thunk {
            fp = self
                .b
                .ins()
                .load(types::I64, MemFlagsData::trusted(), fp, 0);
        }
        let f = self.rt_fn("gorc_gorecover", sysv_sig(1, 2));
        let r = self.call(f, &[fp]);
        Val::Parts(vec![r[0], r[1]])
    }

    fn in_loop(&self) -> bool {
        self.targets.iter().any(|t| t.cont.is_some())
            || self.fx.defer.as_ref().is_some_and(|d| d.has_goto)
    }

    pub fn defer_stmt(&mut self, call: &Expr) -> Result<()> {
        let frame = !self.in_loop();
        let closure = self.call_closure(call, frame, "deferwrap")?;
        self.register_defer(closure, frame)
    }

    /// `go f(a, b)`: the same closure of no arguments as a deferred call, always on the heap,
    /// handed to the runtime, which runs it on a new goroutine (runtime/src/proc.rs).
    pub fn go_stmt(&mut self, call: &Expr) -> Result<()> {
        let closure = self.call_closure(call, false, "gowrap")?;
        self.call(self.g.rt.newproc, &[closure]);
        Ok(())
    }

    /// Evaluates the function and arguments of `call` now and returns a closure of no
    /// arguments that makes the call (`defer` and `go`): the callee itself when it takes
    /// and returns nothing, else a thunk `{code, f, a, b}` (in the frame if `frame`).
    fn call_closure(&mut self, call: &Expr, frame: bool, thunk: &str) -> Result<Value> {
        let mut call = call;
        while let ExprKind::Paren(x) = &call.kind {
            call = x;
        }
        let ExprKind::Call {
            func,
            args,
            ellipsis,
            ..
        } = &call.kind
        else {
            return ice(call.pos, "defer or go of a non-call");
        };
        let mut f: &Expr = func;
        while let ExprKind::Paren(inner) = &f.kind {
            f = inner;
        }
        let uptr = self.g.unsafe_pointer();
        let mode = self.g.pkg.info.types.get(&f.id).map(|tv| tv.mode.clone());
        // (thunk code, fields) or a closure deferred as is.
        let closure: Value;
        if let Some(Mode::Builtin(b)) = mode {
            let (fields, kind): (Vec<(Val, TypeId)>, Builtin) = match b {
                Builtin::Print | Builtin::Println => {
                    let mut vs = Vec::new();
                    for a in args {
                        let v = self.expr(a)?;
                        let t = self.ty(a);
                        let v = self.materialize(v, t);
                        vs.push((v, t));
                    }
                    (vs, b)
                }
                Builtin::Recover => (vec![], b),
                Builtin::Close => {
                    let t = self.ty(&args[0]);
                    let v = self.expr(&args[0])?;
                    (vec![(v, t)], b)
                }
                Builtin::Panic => {
                    let at = self.ty(&args[0]);
                    let v = self.expr(&args[0])?;
                    let (t, d) = self.to_eface(v, at, call.pos)?;
                    (
                        vec![(Val::Parts(vec![t]), uptr), (Val::Parts(vec![d]), uptr)],
                        b,
                    )
                }
                Builtin::Delete | Builtin::Copy => {
                    // The operands, evaluated now (the key converted to the key type).
                    let mt = self.ty(&args[0]);
                    let m = self.expr(&args[0])?;
                    let m = self.materialize(m, mt);
                    let (second, st) = if b == Builtin::Delete {
                        let (kt, _) = self.map_kv(mt);
                        (self.expr_to(&args[1], Some(kt))?, kt)
                    } else {
                        let st = self.ty(&args[1]);
                        (self.expr(&args[1])?, st)
                    };
                    let second = self.materialize(second, st);
                    (vec![(m, mt), (second, st)], b)
                }
                _ => return ice(call.pos, "defer or go of this builtin is not supported yet"),
            };
            let tys: Vec<TypeId> = fields.iter().map(|f| f.1).collect();
            let name = self.thunk_name(thunk);
            let abi = std::rc::Rc::new(crate::Abi {
                sig: winch_sig(0, 0),
                params: vec![],
                results: vec![],
                result_by_ptr: vec![],
                stack_arg_bytes: 0,
            });
            let code = crate::closure::wrapper(self.g, &name, &abi, |fl, _| {
                let vals = fl.closure_fields(&tys);
                match kind {
                    Builtin::Print | Builtin::Println => {
                        fl.call(fl.g.rt.printlock, &[]);
                        for (i, (v, &t)) in vals.into_iter().zip(&tys).enumerate() {
                            if kind == Builtin::Println && i > 0 {
                                fl.call(fl.g.rt.printsp, &[]);
                            }
                            fl.print_value(v, t)?;
                        }
                        if kind == Builtin::Println {
                            fl.call(fl.g.rt.printnl, &[]);
                        }
                        fl.call(fl.g.rt.printunlock, &[]);
                    }
                    Builtin::Recover => {
                        fl.recover_call(true);
                    }
                    Builtin::Close => {
                        let c = fl.parts(vals[0].clone(), tys[0])[0];
                        fl.call(fl.g.rt.closechan, &[c]);
                    }
                    Builtin::Delete => {
                        let m = fl.parts(vals[0].clone(), tys[0])[0];
                        let ka = fl.temp(tys[1]);
                        fl.store(ka, tys[1], vals[1].clone())?;
                        fl.map_delete_at(tys[0], m, ka);
                    }
                    Builtin::Copy => {
                        let d = fl.parts(vals[0].clone(), tys[0]);
                        let s = fl.parts(vals[1].clone(), tys[1]);
                        fl.copy_slice(tys[0], &d, &s)?;
                    }
                    _ => {
                        let t = fl.parts(vals[0].clone(), tys[0])[0];
                        let d = fl.parts(vals[1].clone(), tys[1])[0];
                        fl.call(fl.g.rt.gopanic, &[t, d]);
                    }
                }
                fl.b.ins().return_(&[]);
                Ok(())
            })?;
            closure = self.thunk_closure(code, fields, frame)?;
        } else {
            // The callee: a function or method called directly, or a func value.
            let direct = match &f.kind {
                ExprKind::Selector(x, _) => match self.g.pkg.info.selections.get(&f.id).cloned() {
                    Some(sel) if sel.kind == SelectionKind::MethodVal => {
                        Some((sel.obj, Some((x, sel))))
                    }
                    Some(_) => None,
                    None => self.g.pkg.info.uses.get(&f.id).map(|&o| (o, None)),
                },
                ExprKind::Ident(_) => self.g.pkg.info.uses.get(&f.id).map(|&o| (o, None)),
                _ => None,
            };
            let direct = direct.and_then(|(o, r)| self.g.funcs.get(&o).cloned().map(|c| (c, r)));
            let fty = self.ty(f);
            let Type::Func(sig) = self.g.under(fty).clone() else {
                return ice(f.pos, "callee is not a function");
            };
            let mut fields: Vec<(Val, TypeId)> = Vec::new();
            let (target, abi) = match direct {
                Some(((fid, abi), recv)) => {
                    if recv.is_none() && args.is_empty() && sig.results.is_empty() {
                        // `defer f()`: the function itself, through its static closure.
                        return Ok(self.static_closure(fid));
                    }
                    if let Some((x, sel)) = recv {
                        let ObjKind::Func(fi) = &self.g.pkg.obj(sel.obj).kind else {
                            return ice(f.pos, "method is not a function");
                        };
                        let recv_ty = fi.recv.expect("receiver");
                        let ptr_recv = matches!(self.g.pkg.types.get(recv_ty), Type::Pointer(_));
                        let v = self.receiver(x, &sel.index, ptr_recv, recv_ty, sel.indirect)?;
                        let v = self.materialize(v, recv_ty);
                        fields.push((v, recv_ty));
                    }
                    (Ok(fid), abi)
                }
                None => {
                    let fv = self.expr(f)?;
                    let fv = self.parts(fv, fty)[0];
                    if args.is_empty() && sig.results.is_empty() {
                        // A func() value is deferred as is; a nil one panics when the deferred
                        // call runs, not at the defer statement (the spec's rule).
                        return Ok(fv);
                    }
                    fields.push((Val::Parts(vec![fv]), uptr));
                    (Err(()), self.g.abi(None, fty))
                }
            };
            // Arguments, evaluated now (as call_expr does).
            let mut vals: Vec<(Val, TypeId)> = Vec::new();
            if args.len() == 1 && matches!(self.g.pkg.types.get(self.ty(&args[0])), Type::Tuple(_))
            {
                let Type::Tuple(ts) = self.g.pkg.types.get(self.ty(&args[0])).clone() else {
                    unreachable!()
                };
                let vs = self.expr_multi(&args[0])?;
                for (v, t) in vs.into_iter().zip(ts) {
                    let v = self.materialize(v, t);
                    vals.push((v, t));
                }
            } else {
                let spread = ellipsis.is_some();
                vals = self.eval_args(&sig, args, spread)?;
            }
            if sig.variadic && ellipsis.is_none() {
                let nfixed = sig.params.len() - 1;
                let slice_ty = *sig.params.last().unwrap();
                let extra: Vec<(Val, TypeId)> = vals.drain(nfixed.min(vals.len())..).collect();
                let packed = self.pack_slice(slice_ty, extra)?;
                vals.push((packed, slice_ty));
            }
            // Parameters take the declared types (untyped nil became zero values above).
            let off = if target.is_ok() { fields.len() } else { 0 };
            for (i, (v, _)) in vals.into_iter().enumerate() {
                let pty = abi.params[off + i];
                fields.push((v, pty));
            }
            let tys: Vec<TypeId> = fields.iter().map(|f| f.1).collect();
            let name = self.thunk_name(thunk);
            let tabi = std::rc::Rc::new(crate::Abi {
                sig: winch_sig(0, 0),
                params: vec![],
                results: vec![],
                result_by_ptr: vec![],
                stack_arg_bytes: 0,
            });
            let code = crate::closure::wrapper(self.g, &name, &tabi, |fl, _| {
                let vals = fl.closure_fields(&tys);
                let mut argv = Vec::new();
                let mut it = vals.into_iter().zip(tys.iter().copied());
                let fv = if target.is_err() {
                    let (v, t) = it.next().unwrap();
                    Some(fl.parts(v, t)[0])
                } else {
                    None
                };
                for (v, t) in it {
                    fl.push_arg(&mut argv, v, t);
                }
                for (i, &by_ptr) in abi.result_by_ptr.iter().enumerate() {
                    if by_ptr {
                        let t = fl.temp(abi.results[i]);
                        argv.push(t);
                    }
                }
                match (target, fv) {
                    (Ok(fid), _) => {
                        fl.call(fid, &argv);
                    }
                    (Err(()), Some(fv)) => {
                        fl.call_value(fv, &abi, &argv);
                    }
                    _ => unreachable!(),
                }
                fl.b.ins().return_(&[]);
                Ok(())
            })?;
            closure = self.thunk_closure(code, fields, frame)?;
        }
        Ok(closure)
    }

    fn thunk_name(&mut self, kind: &str) -> String {
        // Thunks do not take literal numbers (gc's wrappers do not either).
        self.fx.thunks += 1;
        format!("{}.{}{}", self.fx.name, kind, self.fx.thunks)
    }

    fn thunk_closure(
        &mut self,
        code: FuncId,
        fields: Vec<(Val, TypeId)>,
        frame: bool,
    ) -> Result<Value> {
        let at = if frame {
            let tys: Vec<TypeId> = fields.iter().map(|f| f.1).collect();
            let (_, size, _) = self.closure_layout(&tys);
            let slot = self.b.create_sized_stack_slot(StackSlotData::new(
                StackSlotKind::ExplicitSlot,
                size as u32,
                3,
            ));
            Some(self.b.ins().stack_addr(types::I64, slot, 0))
        } else {
            None
        };
        self.make_closure(code, fields, at)
    }

    /// Calls `gorc_deferproc(record, closure)` and branches to the exit path when it returns
    /// 1 (a recovered panic resumes here).
    fn register_defer(&mut self, closure: Value, frame: bool) -> Result<()> {
        let rec = if frame {
            let slot = self.b.create_sized_stack_slot(StackSlotData::new(
                StackSlotKind::ExplicitSlot,
                DEFER_RECORD,
                3,
            ));
            self.b.ins().stack_addr(types::I64, slot, 0)
        } else {
            self.b.ins().iconst(types::I64, 0)
        };
        let dp = self.rt_fn("gorc_deferproc", winch_sig(2, 1));
        let r = self.call(dp, &[rec, closure])[0];
        let Some(d) = self.fx.defer.as_ref() else {
            return ice(
                gorc_syntax::Pos::NONE,
                "defer outside a function that defers",
            );
        };
        let exit = d.exit;
        let cont = self.b.create_block();
        self.b.ins().brif(r, exit, &[], cont, &[]);
        self.b.switch_to_block(cont);
        Ok(())
    }
}
