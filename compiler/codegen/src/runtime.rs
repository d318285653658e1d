//! The runtime entry points compiled code calls (all `extern "C"` in runtime/, System V ABI),
//! declared once per module.

use cranelift_codegen::ir::{types, AbiParam, Signature};
use cranelift_codegen::isa::CallConv;
use cranelift_module::{FuncId, Linkage, Module};
use cranelift_object::ObjectModule;

/// bools (I8) are passed zero-extended, as the C ABI the runtime is compiled with expects.
fn param(t: cranelift_codegen::ir::Type) -> AbiParam {
    if t == types::I8 {
        AbiParam::new(t).uext()
    } else {
        AbiParam::new(t)
    }
}

macro_rules! runtime_fns {
    ($( $field:ident = $sym:literal ( $($p:ident),* ) -> ( $($r:ident),* ); )*) => {
        /// FuncIds of the runtime functions.
        #[allow(dead_code)]
        pub struct Runtime { $( pub $field: FuncId, )* }

        impl Runtime {
            pub fn declare(m: &mut ObjectModule) -> Runtime {
                Runtime { $( $field: {
                    #[allow(unused_mut)]
                    let mut sig = Signature::new(CallConv::SystemV);
                    $( sig.params.push(param(types::$p)); )*
                    $( sig.returns.push(AbiParam::new(types::$r)); )*
                    m.declare_function($sym, Linkage::Import, &sig)
                        .expect(concat!("declaring ", $sym))
                }, )* }
            }
        }
    };
}

runtime_fns! {
    morestack = "gorc_morestack"() -> ();
    alloc = "gorc_alloc"(I64) -> (I64);
    cgocheck_pointer = "gorc_cgocheck_pointer"(I64, I64) -> ();
    cgocheck_slice = "gorc_cgocheck_slice"(I64, I64, I64) -> ();
    makeslice = "gorc_makeslice"(I64, I64, I64) -> (I64);
    growslice = "gorc_growslice"(I64, I64, I64, I64, I64) -> (I64, I64);
    printbool = "gorc_printbool"(I8) -> ();
    printint = "gorc_printint"(I64) -> ();
    printuint = "gorc_printuint"(I64) -> ();
    printfloat = "gorc_printfloat"(F64) -> ();
    printcomplex = "gorc_printcomplex"(F64, F64) -> ();
    printstring = "gorc_printstring"(I64, I64) -> ();
    printpointer = "gorc_printpointer"(I64) -> ();
    printslice = "gorc_printslice"(I64, I64, I64) -> ();
    printeface = "gorc_printeface"(I64, I64) -> ();
    printsp = "gorc_printsp"() -> ();
    printnl = "gorc_printnl"() -> ();
    printlock = "gorc_printlock"() -> ();
    printunlock = "gorc_printunlock"() -> ();
    panic_bounds = "gorc_panic_bounds"(I32, I64, I64, I8) -> ();
    panic_divide = "gorc_panic_divide"() -> ();
    panic_nilderef = "gorc_panic_nilderef"() -> ();
    panic_shift = "gorc_panic_shift"() -> ();
    panicwrap = "gorc_panicwrap"(I64, I64) -> ();
    unsafeslice = "gorc_unsafeslice"(I64, I64, I64) -> ();
    gopanic = "gorc_gopanic"(I64, I64) -> ();
    concatstrings = "gorc_concatstrings"(I64, I64) -> (I64, I64);
    cmpstring = "gorc_cmpstring"(I64, I64, I64, I64) -> (I64);
    intstring = "gorc_intstring"(I64) -> (I64, I64);
    slicebytetostring = "gorc_slicebytetostring"(I64, I64) -> (I64, I64);
    stringtoslicebyte = "gorc_stringtoslicebyte"(I64, I64) -> (I64, I64);
    stringtoslicerune = "gorc_stringtoslicerune"(I64, I64) -> (I64, I64);
    slicerunetostring = "gorc_slicerunetostring"(I64, I64) -> (I64, I64);
    decoderune = "gorc_decoderune"(I64, I64, I64) -> (I64, I64);
    conv_itab = "gorc_conv_itab"(I64, I64) -> (I64);
    assert_itab = "gorc_assert_itab"(I64, I64) -> (I64);
    assert_itab2 = "gorc_assert_itab2"(I64, I64) -> (I64);
    panic_dottype = "gorc_panic_dottype"(I64, I64, I64) -> ();
    efaceeq = "gorc_efaceeq"(I64, I64, I64) -> (I8);
    makemap = "gorc_makemap"(I64, I64) -> (I64);
    mapaccess1 = "gorc_mapaccess1"(I64, I64, I64) -> (I64);
    mapaccess2 = "gorc_mapaccess2"(I64, I64, I64) -> (I64, I64);
    mapassign = "gorc_mapassign"(I64, I64, I64) -> (I64);
    mapdelete = "gorc_mapdelete"(I64, I64, I64) -> ();
    mapiterinit = "gorc_mapiterinit"(I64, I64, I64) -> ();
    mapiternext = "gorc_mapiternext"(I64) -> ();
    newproc = "gorc_newproc"(I64) -> ();
    preempt_yield = "gorc_preempt_yield"() -> ();
    makechan = "gorc_makechan"(I64, I64) -> (I64);
    chansend = "gorc_chansend"(I64, I64) -> ();
    chanrecv = "gorc_chanrecv"(I64, I64) -> (I8);
    closechan = "gorc_closechan"(I64) -> ();
    chanlen = "gorc_chanlen"(I64) -> (I64);
    chancap = "gorc_chancap"(I64) -> (I64);
    selectgo = "gorc_selectgo"(I64, I64, I64, I8) -> (I64, I64);
    block = "gorc_block"() -> ();
    memmove = "memmove"(I64, I64, I64) -> (I64);
    memset = "memset"(I64, I32, I64) -> (I64);
    memcmp = "memcmp"(I64, I64, I64) -> (I32);
}

/// Bounds-failure codes of `gorc_panic_bounds` (gc's boundsError codes).
pub mod bounds {
    pub const INDEX: i64 = 0;
    pub const SLICE_ALEN: i64 = 1;
    pub const SLICE_ACAP: i64 = 2;
    pub const SLICE_B: i64 = 3;
    pub const SLICE3_ALEN: i64 = 4;
    pub const SLICE3_ACAP: i64 = 5;
    pub const SLICE3_B: i64 = 6;
    pub const SLICE3_C: i64 = 7;
    /// `(*[N]T)(s)` with `len(s) < N`.
    pub const CONVERT: i64 = 8;
}
