//! The code behind cgo's directives (checked in `types/src/directives.rs`); the cgo front end
//! generates the Go declarations that carry them.
//!
//! * `//gorc:cgocall SYMBOL [errno]`: a body-less Go function gets a body, compiled like any
//!   other (Go convention, stack check; calls, func values, defer and go need nothing
//!   special), that stores its parameters in an argument frame in its own stack frame, calls
//!   `gorc_cgocall(&SYMBOL, &frame)` (the runtime switches stacks and calls the C wrapper
//!   `SYMBOL(frame)`), then returns the results the wrapper stored in the frame. With `errno`
//!   the last result is `gorc_cgocall`'s return value instead (the wrapper returns errno).
//! * `//gorc:csymaddr SYMBOL`: a body-less `func() unsafe.Pointer` returns the address of the
//!   C symbol SYMBOL (declared as imported data, which a non-PIE link resolves for functions
//!   too: `movabs` with an absolute relocation; in position-independent code for a library,
//!   a load from the GOT, which works for functions and data alike).
//! * `//gorc:cgoexport SYMBOL`: an exported data word SYMBOL holding the address of the Go
//!   function, for C code to hand to crosscall2 (Go link names are not C identifiers).
//!
//! Each `*T` parameter whose T holds pointers is first handed to the runtime's
//! `gorc_cgocheck_pointer` (cgo's rule: Go memory passed to C holds no Go pointers). An
//! `unsafe.Pointer` parameter carries no type, so for those the call site checks: an argument
//! written `unsafe.Pointer(p)` with `p` of type `*T` is checked with T, as gc's cgo does.
//!
//! The frame layout is shared with the generated C wrappers (`frame_layout`): parameters in
//! order, each at the next multiple of its alignment; then the results likewise, starting at
//! the next multiple of 8; the total rounded up to 8. Values are stored as Go lays them out
//! (gc's amd64 sizes and alignments; a bool is one byte).

use crate::func::{define, Fl};
use crate::{ice, CodegenError, Gen, Result};
use cranelift_codegen::ir::{types, AbiParam, InstBuilder, Signature, StackSlotData};
use cranelift_codegen::ir::{StackSlotKind, UserFuncName, Value};
use cranelift_codegen::isa::CallConv;
use cranelift_codegen::Context;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{DataDescription, FuncOrDataId, Linkage, Module};
use gorc_types::{ObjId, ObjKind, TypeId};

/// Offsets of the parameters and results in a cgocall argument frame, and its size.
pub(crate) struct FrameLayout {
    pub(crate) params: Vec<u64>,
    pub(crate) results: Vec<u64>,
    pub(crate) size: u64,
}

/// The frame layout rule, over `(size, align)` of each parameter and result.
pub(crate) fn frame_layout(params: &[(u64, u64)], results: &[(u64, u64)]) -> FrameLayout {
    let mut off = 0u64;
    let place = |(size, align): (u64, u64), off: &mut u64| {
        *off = off.next_multiple_of(align.max(1));
        let at = *off;
        *off += size;
        at
    };
    let params = params.iter().map(|&p| place(p, &mut off)).collect();
    off = off.next_multiple_of(8);
    let results = results.iter().map(|&r| place(r, &mut off)).collect();
    FrameLayout {
        params,
        results,
        size: off.next_multiple_of(8).max(8),
    }
}

/// `gorc_cgocall(fn, frame) -> int32`, in the runtime.
fn cgocall_sig() -> Signature {
    let mut sig = Signature::new(CallConv::SystemV);
    sig.params.push(AbiParam::new(types::I64));
    sig.params.push(AbiParam::new(types::I64));
    sig.returns.push(AbiParam::new(types::I32));
    sig
}

/// A module error (a clashing symbol declaration) as an internal compiler error at `pos`.
fn module_err(
    pos: gorc_syntax::Pos,
    what: &str,
) -> impl FnOnce(cranelift_module::ModuleError) -> CodegenError + '_ {
    move |e| CodegenError {
        pos,
        msg: format!("{what}: {e}"),
    }
}

/// Gives the body-less Go function `obj` the body `body` builds (called with the function's
/// parameters in its entry block; it ends the function), and defines it: the common frame of
/// the directives' bodies.
fn define_body(
    g: &mut Gen,
    obj: ObjId,
    body: impl FnOnce(&mut Fl, &[Value]) -> Result<()>,
) -> Result<()> {
    let (id, abi) = g.funcs[&obj].clone();
    let o = g.pkg.obj(obj);
    let ObjKind::Func(fi) = &o.kind else {
        return ice(o.pos, "function object expected");
    };
    let (name, pos) = (fi.link_name.clone(), o.pos);
    let mut ctx = Context::new();
    ctx.func.signature = abi.sig.clone();
    ctx.func.name = UserFuncName::user(0, id.as_u32());
    let mut fctx = FunctionBuilderContext::new();
    let cfg = g.module.isa().frontend_config();
    {
        let b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
        let mut fl = Fl::new(g, b, abi.clone());
        fl.set_line(pos);
        let entry = fl.b.create_block();
        fl.b.append_block_params_for_function_params(entry);
        fl.b.switch_to_block(entry);
        let args: Vec<Value> = fl.b.block_params(entry).to_vec();
        body(&mut fl, &args)?;
        fl.b.seal_all_blocks();
        fl.b.finalize(cfg);
    }
    let file = crate::func::source_file_name(g, pos);
    define(g, id, &mut ctx, name, file, pos, &abi)
}

/// Defines the body-less Go function `obj` as a call of the C wrapper `symbol` through
/// `gorc_cgocall`.
pub(crate) fn compile_cgocall(g: &mut Gen, obj: ObjId, symbol: &str, errno: bool) -> Result<()> {
    let abi = g.funcs[&obj].1.clone();
    let pos = g.pkg.obj(obj).pos;
    let in_frame = abi.results.len() - usize::from(errno);
    let size_align = |g: &mut Gen, ts: &[TypeId]| -> Vec<(u64, u64)> {
        ts.iter()
            .map(|&t| {
                let l = g.layout(t);
                (l.size, l.align)
            })
            .collect()
    };
    let pl = size_align(g, &abi.params);
    let rl = size_align(g, &abi.results[..in_frame]);
    let frame = frame_layout(&pl, &rl);
    let cgocall = g
        .module
        .declare_function("gorc_cgocall", Linkage::Import, &cgocall_sig())
        .map_err(module_err(pos, "gorc_cgocall"))?;
    // The wrapper's signature does not matter: only its address is taken.
    let mut wsig = Signature::new(CallConv::SystemV);
    wsig.params.push(AbiParam::new(types::I64));
    wsig.returns.push(AbiParam::new(types::I32));
    let wrapper = g
        .module
        .declare_function(symbol, Linkage::Import, &wsig)
        .map_err(module_err(pos, &format!("gorc:cgocall {symbol}")))?;

    define_body(g, obj, |fl, args| {
        // An explicit slot: the frame's address goes to C, and stacks never move.
        let slot = fl.b.create_sized_stack_slot(StackSlotData::new(
            StackSlotKind::ExplicitSlot,
            frame.size as u32,
            3,
        ));
        let mut ai = 0;
        for (i, &ty) in abi.params.iter().enumerate() {
            // cgo's pointer-passing rule: a `*T` argument where T holds pointers is checked
            // by the runtime (GODEBUG=cgocheck) before the call goes to C.
            if let gorc_types::Type::Pointer(elem) = fl.g.under(ty) {
                let elem = *elem;
                if fl.g.layout(elem).ptrdata() > 0 {
                    let td = fl.g.typedesc(elem);
                    let tdv = fl.data_addr(td);
                    fl.call(fl.g.rt.cgocheck_pointer, &[tdv, args[ai]]);
                }
            }
            let l = fl.g.layout(ty);
            let at =
                fl.b.ins()
                    .stack_addr(types::I64, slot, frame.params[i] as i32);
            if l.mem {
                // The caller's private copy.
                fl.copy_mem(at, args[ai], l.size);
                ai += 1;
            } else {
                let n = l.parts.len();
                let parts = crate::func::Val::Parts(args[ai..ai + n].to_vec());
                fl.store(at, ty, parts)?;
                ai += n;
            }
        }
        let result_ptrs = args[ai..].to_vec();
        let fnaddr = {
            let r = fl.func_ref(wrapper);
            fl.b.ins().func_addr(types::I64, r)
        };
        let frame_addr = fl.b.ins().stack_addr(types::I64, slot, 0);
        let ret = fl.call(cgocall, &[fnaddr, frame_addr])[0];
        let mut rets = Vec::new();
        let mut ptrs = result_ptrs.into_iter();
        for (i, &ty) in abi.results[..in_frame].iter().enumerate() {
            let l = fl.g.layout(ty);
            let at =
                fl.b.ins()
                    .stack_addr(types::I64, slot, frame.results[i] as i32);
            if abi.result_by_ptr[i] {
                let Some(dst) = ptrs.next() else {
                    return ice(pos, "missing result pointer");
                };
                fl.copy_mem(dst, at, l.size);
            } else {
                rets.extend(fl.load_parts(at, ty));
            }
        }
        if errno {
            rets.push(ret);
        }
        fl.b.ins().return_(&rets);
        Ok(())
    })
}

/// Defines the body-less `func() unsafe.Pointer` `obj` as returning the address of the C
/// symbol `symbol`.
pub(crate) fn compile_csymaddr(g: &mut Gen, obj: ObjId, symbol: &str) -> Result<()> {
    let pos = g.pkg.obj(obj).pos;
    // A C function the module already calls (memmove, ...) keeps its function declaration.
    let target = match g.module.get_name(symbol) {
        Some(FuncOrDataId::Func(f)) => FuncOrDataId::Func(f),
        _ => FuncOrDataId::Data(
            g.module
                .declare_data(symbol, Linkage::Import, false, false)
                .map_err(module_err(pos, &format!("gorc:csymaddr {symbol}")))?,
        ),
    };
    define_body(g, obj, |fl, _| {
        let addr = match target {
            FuncOrDataId::Func(f) => {
                let r = fl.func_ref(f);
                fl.b.ins().func_addr(types::I64, r)
            }
            FuncOrDataId::Data(d) => fl.data_addr(d),
        };
        fl.b.ins().return_(&[addr]);
        Ok(())
    })
}

/// Emits the exported data word `symbol` holding the address of the Go function `obj`.
pub(crate) fn emit_export(g: &mut Gen, obj: ObjId, symbol: &str) -> Result<()> {
    let (fid, _) = g.funcs[&obj].clone();
    let pos = g.pkg.obj(obj).pos;
    // In a library, only the C side is exported (lib.rs, declare_funcs).
    let linkage = if g.opts.pic {
        Linkage::Hidden
    } else {
        Linkage::Export
    };
    let data = g
        .module
        .declare_data(symbol, linkage, false, false)
        .map_err(module_err(pos, &format!("gorc:cgoexport {symbol}")))?;
    let mut d = DataDescription::new();
    // Not zeroinit: that would be .bss, where the relocation could not go.
    d.define(vec![0u8; 8].into_boxed_slice());
    d.set_align(8);
    let fref = g.module.declare_func_in_data(fid, &mut d);
    d.write_function_addr(0, fref);
    g.module
        .define_data(data, &d)
        .map_err(module_err(pos, &format!("gorc:cgoexport {symbol}")))
}

#[cfg(test)]
mod tests {
    use super::frame_layout;

    #[test]
    fn layout_rule() {
        // (int8, int64, bool) -> (int16, float32): params at 0, 8, 16; results from 24.
        let f = frame_layout(&[(1, 1), (8, 8), (1, 1)], &[(2, 2), (4, 4)]);
        assert_eq!(f.params, [0, 8, 16]);
        assert_eq!(f.results, [24, 28]);
        assert_eq!(f.size, 32);
        // Nothing at all still has a word.
        let f = frame_layout(&[], &[]);
        assert_eq!(f.size, 8);
        // Results start at a multiple of 8 even when they need less.
        let f = frame_layout(&[(4, 4)], &[(1, 1)]);
        assert_eq!((f.results[0], f.size), (8, 16));
        // A 12-byte struct of int32s, then an int32.
        let f = frame_layout(&[(12, 4), (4, 4)], &[]);
        assert_eq!((f.params[1], f.size), (12, 16));
    }
}

impl crate::func::Fl<'_, '_, '_> {
    /// At a call of a `//gorc:cgocall` function, the checks cgo makes at the call site, before
    /// the call: an argument `&x[i]` (or `unsafe.Pointer(&x[i])`), with `x` a slice or array
    /// variable, stands for all of `x`, whose elements go to `gorc_cgocheck_slice`; another
    /// argument `unsafe.Pointer(p)` with `p` a `*T` goes to `gorc_cgocheck_pointer(T, p)` (an
    /// unsafe.Pointer parameter carries no type of its own). Only element types with pointers
    /// are checked. `argv` holds the arguments' values already.
    pub(crate) fn cgocheck_unsafe_pointer_args(
        &mut self,
        callee: ObjId,
        args: &[gorc_syntax::ast::Expr],
        abi: &crate::Abi,
        argv: &[Value],
    ) -> Result<()> {
        use gorc_syntax::ast::{ExprKind, UnaryOp};
        use gorc_types::{BasicKind, Mode, Type};
        let pkg = self.g.pkg;
        let is_cgocall = matches!(
            &pkg.obj(callee).kind,
            ObjKind::Func(fi) if matches!(fi.native, Some(gorc_types::Native::CgoCall { .. }))
        );
        // f(g()) spreads results; cgo's calls have one argument per parameter.
        if !is_cgocall || args.len() != abi.params.len() {
            return Ok(());
        }
        let mut at = 0;
        for (arg, &pty) in args.iter().zip(&abi.params) {
            let l = self.g.layout(pty);
            let here = at;
            at += if l.mem { 1 } else { l.parts.len() };
            let unsafe_param = matches!(self.g.under(pty), Type::Basic(BasicKind::UnsafePointer));
            if !unsafe_param && !matches!(self.g.under(pty), Type::Pointer(_)) {
                continue;
            }
            // The pointer as written, inside an unsafe.Pointer conversion if any.
            let mut p = unparen(arg);
            if unsafe_param {
                match &p.kind {
                    ExprKind::Call {
                        func, args: conv, ..
                    } if conv.len() == 1 && matches!(self.mode(func), Some(Mode::Type)) => {
                        p = unparen(&conv[0]);
                    }
                    _ => continue,
                }
            }
            if let ExprKind::Unary(UnaryOp::Addr, x) = &p.kind {
                if let ExprKind::Index(base, _) = &unparen(x).kind {
                    if self.is_pure_variable(base) {
                        let (len, elem) = match self.g.under(self.ty(base)) {
                            Type::Slice(e) => (None, *e),
                            Type::Array(n, e) => (Some(*n), *e),
                            _ => continue,
                        };
                        if self.g.layout(elem).ptrdata() == 0 {
                            continue;
                        }
                        let bt = self.ty(base);
                        let v = self.expr(base)?;
                        let (ptr, n) = match (len, v) {
                            (Some(n), crate::func::Val::Mem(addr)) => {
                                (addr, self.b.ins().iconst(types::I64, n as i64))
                            }
                            (None, v) => {
                                let parts = self.parts(v, bt);
                                (parts[0], parts[1])
                            }
                            _ => continue,
                        };
                        let td = self.g.typedesc(elem);
                        let tdv = self.data_addr(td);
                        self.call(self.g.rt.cgocheck_slice, &[tdv, ptr, n]);
                        continue;
                    }
                }
            }
            if !unsafe_param {
                // A *T parameter: the _Cfunc_ body checks T itself.
                continue;
            }
            let Type::Pointer(elem) = self.g.under(self.ty(p)) else {
                continue;
            };
            let elem = *elem;
            if self.g.layout(elem).ptrdata() == 0 {
                continue;
            }
            let td = self.g.typedesc(elem);
            let tdv = self.data_addr(td);
            self.call(self.g.rt.cgocheck_pointer, &[tdv, argv[here]]);
        }
        Ok(())
    }

    /// A variable or a field of one (`x`, `s.f.g`): evaluating it again has no effect.
    fn is_pure_variable(&self, e: &gorc_syntax::ast::Expr) -> bool {
        use gorc_syntax::ast::ExprKind;
        match &e.kind {
            ExprKind::Paren(x) => self.is_pure_variable(x),
            ExprKind::Ident(_) => matches!(
                self.g
                    .pkg
                    .info
                    .uses
                    .get(&e.id)
                    .map(|&o| &self.g.pkg.obj(o).kind),
                Some(ObjKind::Var(_))
            ),
            ExprKind::Selector(x, _) => {
                let field =
                    self.g.pkg.info.selections.get(&e.id).is_some_and(|s| {
                        s.kind == gorc_types::SelectionKind::FieldVal && !s.indirect
                    });
                field && self.is_pure_variable(x)
            }
            _ => false,
        }
    }
}

/// `e` without its parentheses.
fn unparen(mut e: &gorc_syntax::ast::Expr) -> &gorc_syntax::ast::Expr {
    while let gorc_syntax::ast::ExprKind::Paren(inner) = &e.kind {
        e = inner;
    }
    e
}

/// A program that uses cgo defines `gorc_iscgo` = 1 (the runtime's weak definition is 0): the
/// runtime then prepares an M for callbacks from C threads at start-up, as gc's does.
pub(crate) fn emit_iscgo(g: &mut Gen) -> Result<()> {
    let pkg = g.pkg;
    let uses_cgo = pkg.funcs.iter().any(|&o| match &pkg.obj(o).kind {
        ObjKind::Func(fi) => {
            matches!(fi.native, Some(gorc_types::Native::CgoCall { .. })) || fi.cgo_export.is_some()
        }
        _ => false,
    });
    if !uses_cgo {
        return Ok(());
    }
    let pos = gorc_syntax::Pos::NONE;
    let id = g
        .module
        .declare_data("gorc_iscgo", Linkage::Export, false, false)
        .map_err(module_err(pos, "gorc_iscgo"))?;
    let mut d = DataDescription::new();
    d.define(vec![1u8].into_boxed_slice());
    g.module
        .define_data(id, &d)
        .map_err(module_err(pos, "gorc_iscgo"))?;
    Ok(())
}
