//! Functions the runtime implements: a body-less Go declaration marked `//gorc:extern SYMBOL`
//! (used by stdlib/ packages: `os.Exit`, `os.Args`, ...).
//!
//! The Go function gets an ordinary body, compiled like any other function (same Go calling
//! convention, same stack-check prologue), that calls `SYMBOL` with the C convention and
//! returns its result. So direct calls, function values, `defer` and `go` need nothing
//! special, and the runtime function runs on the goroutine stack with at least the guard area
//! to spare, like every other runtime call from compiled code. The checker has made sure that
//! every parameter and the result are single scalars.

use crate::func::define;
use crate::{ice, Gen, Result};
use cranelift_codegen::ir::{types, AbiParam, InstBuilder, Signature, UserFuncName};
use cranelift_codegen::isa::CallConv;
use cranelift_codegen::Context;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{Linkage, Module};
use gorc_types::{ObjId, ObjKind};

/// Defines the Go function `obj` as a call of its runtime symbol.
pub(crate) fn compile_extern(g: &mut Gen, obj: ObjId, symbol: &str) -> Result<()> {
    let (id, abi) = g.funcs[&obj].clone();
    let o = g.pkg.obj(obj);
    let ObjKind::Func(fi) = &o.kind else {
        return ice(o.pos, "function object expected");
    };
    let (name, pos) = (fi.link_name.clone(), o.pos);
    // Every Go parameter and result is one scalar part; the C signature has the same
    // parts, bools zero-extended as the C ABI expects.
    let mut csig = Signature::new(CallConv::SystemV);
    let c_param = |t| {
        if t == types::I8 {
            AbiParam::new(t).uext()
        } else {
            AbiParam::new(t)
        }
    };
    for &t in abi.params.iter() {
        let l = g.layout(t);
        if l.mem || l.parts.len() != 1 {
            return ice(pos, "gorc:extern parameter is not a scalar");
        }
        csig.params.push(c_param(l.parts[0].ty));
    }
    for &t in abi.results.iter() {
        let l = g.layout(t);
        if l.mem || l.parts.len() != 1 {
            return ice(pos, "gorc:extern result is not a scalar");
        }
        csig.returns.push(c_param(l.parts[0].ty));
    }
    let callee = g
        .module
        .declare_function(symbol, Linkage::Import, &csig)
        .map_err(|e| crate::CodegenError {
            pos,
            msg: format!("gorc:extern {symbol}: {e}"),
        })?;
    let mut ctx = Context::new();
    ctx.func.signature = abi.sig.clone();
    ctx.func.name = UserFuncName::user(0, id.as_u32());
    let mut fctx = FunctionBuilderContext::new();
    let cfg = g.module.isa().frontend_config();
    {
        let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let params = b.block_params(entry).to_vec();
        let fr = g.module.declare_func_in_func(callee, b.func);
        let call = b.ins().call(fr, &params);
        let rets = b.inst_results(call).to_vec();
        b.ins().return_(&rets);
        b.seal_all_blocks();
        b.finalize(cfg);
    }
    let file = crate::func::source_file_name(g, pos);
    define(g, id, &mut ctx, name, file, pos, &abi)
}
