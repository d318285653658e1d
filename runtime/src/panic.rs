//! Panics and fatal errors: the entry points compiled code calls for run-time errors, and the
//! printing of an unrecovered panic (gc's message and traceback, exit status 2). Raising a
//! panic and recovering from it is defer.rs's business.
//!
//! The `gorc_panic_*` entry points are called by compiled code on the goroutine stack. They
//! capture their own frame pointer (the start of the frame-pointer walk to the Go frames) and
//! then do everything else — formatting, the traceback — on g0 through `systemstack`. Nothing
//! here allocates.

use crate::arch;
use crate::print::{gwrite, Buf};
use crate::sched::{self, G};
use crate::traceback;
use crate::types::*;

/// Exits the process at once, flushing nothing (Go writes unbuffered).
pub fn exit(code: i32) -> ! {
    unsafe { libc::_exit(code) }
}

/// Marks the M as dying; a second failure while dying (a fault while printing a panic) exits
/// immediately.
pub fn start_dying() {
    let m = sched::current_m();
    if m.is_null() {
        return;
    }
    unsafe {
        (*m).dying += 1;
        if (*m).dying > 1 {
            gwrite(b"fatal error: panic while printing panic\n");
            exit(2);
        }
        // One M prints the program's death; the others stop scheduling, and one that fails
        // at the same time waits for the first to exit the process.
        if !crate::proc::start_panicking() {
            crate::proc::wait_for_death();
        }
    }
}

/// Where a traceback starts: the frame executing `pc` whose frame pointer is `fp`.
#[derive(Clone, Copy)]
pub struct Origin {
    pub pc: usize,
    pub fp: usize,
    pub exact: bool,
}

impl Origin {
    /// The walk from a runtime function's own frame: the non-Go frames are skipped.
    pub fn here(fp: usize) -> Origin {
        Origin {
            pc: 0,
            fp,
            exact: false,
        }
    }
}

/// Prints `\n`, the goroutine header and traceback, and exits with status 2. On g0.
unsafe fn finish(g: *const G, o: Origin) -> ! {
    gwrite(b"\n");
    traceback::print_goroutine(g, o.pc, o.fp, o.exact);
    exit(2)
}

/// `panic(runtime error: msg)` from runtime code running on the goroutine stack.
#[inline(never)]
pub fn panic_runtime_error(msg: &[u8]) -> ! {
    crate::defer::panic_error(true, msg)
}

/// `panic(&TypeAssertionError{...})` with the message `build` writes (on g0).
#[inline(never)]
pub fn panic_type_assertion_with(
    build: impl FnOnce(&mut Buf<{ crate::defer::ERROR_MSG_MAX }>),
) -> ! {
    crate::defer::panic_error_with(&crate::defer::TYPE_ASSERTION_ERROR, false, build)
}

/// `panic(plainError(msg))`: a runtime error printed without the `runtime error: ` prefix.
#[inline(never)]
pub fn panic_plain(msg: &[u8]) -> ! {
    crate::defer::panic_error(false, msg)
}

/// A fatal runtime error (gc's `throw`): `fatal error: msg`, traceback, exit 2.
#[inline(never)]
pub fn throw(msg: &[u8]) -> ! {
    let o = Origin::here(arch::frame_pointer());
    sched::systemstack(move || unsafe {
        start_dying();
        gwrite(b"fatal error: ");
        gwrite(msg);
        gwrite(b"\n");
        finish(sched::current_g(), o)
    });
    exit(2)
}

/// `os.Exit`: exits at once with `code`, flushing nothing.
#[no_mangle]
pub extern "C" fn gorc_exit(code: i32) -> ! {
    exit(code)
}

/// Prints a preformatted line and exits (for failures where nothing else is safe).
pub fn throw_str(msg: &[u8]) -> ! {
    gwrite(msg);
    exit(2)
}

/// The stack of `g` would exceed `MAX_STACK`. Called by newstack on g0; the goroutine's
/// state is in `g.morestack`.
pub unsafe fn stack_overflow(g: *mut G) -> ! {
    start_dying();
    let ms = *(*g).morestack;
    let mut b = Buf::<160>::new();
    b.push_bytes(b"runtime: goroutine stack exceeds ");
    b.uint(crate::MAX_STACK as u64);
    b.push_bytes(b"-byte limit\nruntime: sp=");
    b.hex(ms.sp as u64);
    b.push_bytes(b" stack=[");
    b.hex((*g).stack_lo as u64);
    b.push_bytes(b", ");
    b.hex((*g).stack_hi as u64);
    b.push_bytes(b"]\n");
    gwrite(b.as_bytes());
    gwrite(b"fatal error: stack overflow\n\n");
    // The function that could not grow, then its callers.
    let mut hb = Buf::<48>::new();
    hb.push_bytes(b"goroutine ");
    hb.int((*g).goid);
    hb.push_bytes(b" [running]:\n");
    gwrite(hb.as_bytes());
    match traceback::find_func(ms.body) {
        Some(f) => {
            traceback::print_frame(f, ms.body, true);
            // Its caller: the return address is at [sp] and the caller's frame pointer is
            // still in rbp (the function had not pushed its own yet).
            traceback::traceback_n(g, *(ms.sp as *const usize), ms.bp, false, 1);
        }
        None => traceback::traceback(g, *(ms.sp as *const usize), ms.bp, false),
    }
    exit(2)
}

/// Index and slice bounds failures (gc's boundsError).
#[no_mangle]
pub extern "C" fn gorc_panic_bounds(code: u32, x: i64, y: i64, signed: bool) -> ! {
    crate::defer::panic_error_with(&crate::defer::BOUNDS_ERROR, true, |b| {
        format_bounds(b, code, x, y, signed)
    })
}

/// gc's boundsError messages.
pub fn format_bounds<const N: usize>(b: &mut Buf<N>, code: u32, x: i64, y: i64, signed: bool) {
    // (pieces before x, between x and y, after y) for the normal and the negative-x formats
    const FMT: [(&[u8], &[u8], &[u8]); 8] = [
        (b"index out of range [", b"] with length ", b""),
        (b"slice bounds out of range [:", b"] with length ", b""),
        (b"slice bounds out of range [:", b"] with capacity ", b""),
        (b"slice bounds out of range [", b":", b"]"),
        (b"slice bounds out of range [::", b"] with length ", b""),
        (b"slice bounds out of range [::", b"] with capacity ", b""),
        (b"slice bounds out of range [:", b":", b"]"),
        (b"slice bounds out of range [", b":", b":]"),
    ];
    const NEG: [(&[u8], &[u8]); 8] = [
        (b"index out of range [", b"]"),
        (b"slice bounds out of range [:", b"]"),
        (b"slice bounds out of range [:", b"]"),
        (b"slice bounds out of range [", b":]"),
        (b"slice bounds out of range [::", b"]"),
        (b"slice bounds out of range [::", b"]"),
        (b"slice bounds out of range [:", b":]"),
        (b"slice bounds out of range [", b"::]"),
    ];
    if code as usize >= FMT.len() {
        // boundsConvert: the slice's length (y) comes first.
        b.push_bytes(b"cannot convert slice with length ");
        b.int(y);
        b.push_bytes(b" to pointer to array with length ");
        if signed {
            b.int(x);
        } else {
            b.uint(x as u64);
        }
        return;
    }
    let code = code as usize;
    if signed && x < 0 {
        b.push_bytes(NEG[code].0);
        b.int(x);
        b.push_bytes(NEG[code].1);
        return;
    }
    let (a, m, z) = FMT[code];
    b.push_bytes(a);
    if signed {
        b.int(x);
    } else {
        b.uint(x as u64);
    }
    b.push_bytes(m);
    b.int(y);
    b.push_bytes(z);
}

#[no_mangle]
pub extern "C" fn gorc_panic_divide() -> ! {
    crate::defer::panic_error(true, b"integer divide by zero")
}

/// `x << y` or `x >> y` with a negative signed count.
#[no_mangle]
pub extern "C" fn gorc_panic_shift() -> ! {
    crate::defer::panic_error(true, b"negative shift amount")
}

pub fn signal_line(sig: i32, code: i32, addr: usize, pc: usize) {
    let mut b = Buf::<128>::new();
    b.push_bytes(b"[signal ");
    b.push_bytes(crate::signal::signame(sig));
    b.push_bytes(b" code=");
    b.hex(code as u32 as u64);
    b.push_bytes(b" addr=");
    b.hex(addr as u64);
    b.push_bytes(b" pc=");
    b.hex(pc as u64);
    b.push_bytes(b"]\n");
    gwrite(b.as_bytes());
}

/// The nil-dereference panic with its `[signal ...]` line. `pc` is the faulting pc.
pub fn panicmem(_o: Origin, sig: i32, code: i32, addr: usize, pc: usize) -> ! {
    let g = sched::current_g();
    if !g.is_null() {
        unsafe {
            (*g).sig = sig;
            (*g).sigcode = code;
            (*g).sigaddr = addr;
            (*g).sigpc = pc;
        }
    }
    crate::defer::panic_error(true, b"invalid memory address or nil pointer dereference")
}

/// `unsafe.Slice(ptr, len)` with elements of `elem_size` bytes: panics as gc's `unsafeslice`
/// does when `len` is negative, the slice would wrap around the address space, or `ptr` is
/// nil with a non-zero `len`.
#[no_mangle]
pub extern "C" fn gorc_unsafeslice(elem_size: usize, ptr: usize, len: i64) {
    if len < 0 {
        crate::defer::panic_error(true, b"unsafe.Slice: len out of range");
    }
    let (mem, overflow) = elem_size.overflowing_mul(len as usize);
    if overflow || mem > ptr.wrapping_neg() {
        if ptr == 0 {
            crate::defer::panic_error(true, b"unsafe.Slice: ptr is nil and len is not zero");
        }
        crate::defer::panic_error(true, b"unsafe.Slice: len out of range");
    }
}

/// A wrapper `(*T).M` of a value method was called with a nil `*T` (gc's `panicwrap`).
/// `msg` is the whole message, built by the compiler.
#[no_mangle]
pub unsafe extern "C" fn gorc_panicwrap(msg: *const u8, len: usize) -> ! {
    panic_plain(std::slice::from_raw_parts(msg, len))
}

/// An explicit nil check failed (compiled code checks before dereferencing where it cannot
/// rely on the fault). Reported as gc reports the fault: SIGSEGV, code 1, address 0.
#[no_mangle]
pub extern "C" fn gorc_panic_nilderef() -> ! {
    let fp = arch::frame_pointer();
    let pc = unsafe { *((fp + 8) as *const usize) };
    panicmem(Origin::here(fp), libc::SIGSEGV, 1, 0, pc)
}

/// `unexpected fault address` / `unexpected signal` fatal errors, from the signal paths.
pub fn fatal_signal(o: Origin, fault: bool, sig: i32, code: i32, addr: usize, pc: usize) -> ! {
    unsafe {
        start_dying();
        if fault {
            let mut b = Buf::<64>::new();
            b.push_bytes(b"unexpected fault address ");
            b.hex(addr as u64);
            b.push_bytes(b"\nfatal error: fault\n");
            gwrite(b.as_bytes());
        } else {
            gwrite(b"fatal error: unexpected signal during runtime execution\n");
        }
        signal_line(sig, code, addr, pc);
        finish(sched::current_g(), o)
    }
}

/// gc's crash on a signal that throws (`SIGTRAP: trace trap`, `PC=... m=N sigcode=C`, then
/// the traceback), from the signal handler.
pub fn fatal_sigtrap(o: Origin, code: i32, pc: usize) -> ! {
    unsafe {
        start_dying();
        let m = sched::current_m();
        let mut b = Buf::<96>::new();
        b.push_bytes(crate::signal::signame(libc::SIGTRAP));
        b.push_bytes(b"\nPC=");
        b.hex(pc as u64);
        b.push_bytes(b" m=");
        b.int(if m.is_null() { 0 } else { (*m).id });
        b.push_bytes(b" sigcode=");
        b.int(code as i64);
        b.push(b'\n');
        gwrite(b.as_bytes());
        finish(sched::current_g(), o)
    }
}

/// gc's printpanicval / printanycustomtype, written to fd 2.
pub unsafe fn printpanicval(t: &TypeDesc, data: *const u8) {
    if crate::defer::is_runtime_error(t) {
        gwrite((*(data as *const GoString)).as_bytes());
        return;
    }
    format_panicval(t, data, &mut |b| gwrite(b));
}

/// gc's printpanicval / printanycustomtype: unnamed basic values as `print` prints them,
/// strings raw, named basic types as `main.T(v)` (`main.S("x")`), anything else as
/// `(T) 0xADDR`.
pub unsafe fn format_panicval(t: &TypeDesc, data: *const u8, out: &mut dyn FnMut(&[u8])) {
    let named = t.flags & TFLAG_NAMED != 0;
    if t.kind == KIND_STRING {
        let s = &*(data as *const GoString);
        if named {
            out(t.name());
            out(b"(\"");
            out(s.as_bytes());
            out(b"\")");
        } else {
            out(s.as_bytes());
        }
        return;
    }
    let mut b = Buf::<64>::new();
    if format_basic(&mut b, t.kind, data) {
        if named {
            out(t.name());
            if t.kind != KIND_COMPLEX64 && t.kind != KIND_COMPLEX128 {
                out(b"(");
                out(b.as_bytes());
                out(b")");
                return;
            }
        }
        out(b.as_bytes());
        return;
    }
    out(b"(");
    out(t.name());
    out(b") ");
    let mut p = Buf::<24>::new();
    p.hex(data as u64);
    out(p.as_bytes());
}

/// Formats a value of a basic kind as `print` does; false for other kinds.
unsafe fn format_basic<const N: usize>(b: &mut Buf<N>, kind: u8, d: *const u8) -> bool {
    match kind {
        KIND_BOOL => b.push_bytes(if *d != 0 { b"true" } else { b"false" }),
        KIND_INT | KIND_INT64 => b.int(*(d as *const i64)),
        KIND_INT8 => b.int(*(d as *const i8) as i64),
        KIND_INT16 => b.int(*(d as *const i16) as i64),
        KIND_INT32 => b.int(*(d as *const i32) as i64),
        KIND_UINT | KIND_UINT64 | KIND_UINTPTR => b.uint(*(d as *const u64)),
        KIND_UINT8 => b.uint(*d as u64),
        KIND_UINT16 => b.uint(*(d as *const u16) as u64),
        KIND_UINT32 => b.uint(*(d as *const u32) as u64),
        KIND_FLOAT32 => b.float(*(d as *const f32) as f64),
        KIND_FLOAT64 => b.float(*(d as *const f64)),
        KIND_COMPLEX64 => {
            let c = d as *const f32;
            b.complex(*c as f64, *c.add(1) as f64)
        }
        KIND_COMPLEX128 => {
            let c = d as *const f64;
            b.complex(*c, *c.add(1))
        }
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desc(kind: u8, named: bool, name: &'static str) -> TypeDesc {
        let mut t = crate::types::basic(8, kind, b"");
        t.flags = named as u8;
        t.name = name.as_ptr();
        t.name_len = name.len();
        t
    }

    fn pv<T>(kind: u8, named: bool, name: &'static str, v: &T) -> String {
        let t = desc(kind, named, name);
        let mut out = Vec::new();
        unsafe {
            format_panicval(&t, v as *const T as *const u8, &mut |b| {
                out.extend_from_slice(b)
            })
        };
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn panic_values_like_gc() {
        assert_eq!(pv(KIND_BOOL, true, "main.B", &true), "main.B(true)");
        assert_eq!(
            pv(KIND_FLOAT64, true, "main.F", &1.5f64),
            "main.F(+1.500000e+000)"
        );
        assert_eq!(
            pv(KIND_COMPLEX128, true, "main.C", &[1.0f64, 2.0]),
            "main.C(+1.000000e+000+2.000000e+000i)"
        );
        let s = GoString {
            ptr: b"x".as_ptr(),
            len: 1,
        };
        assert_eq!(pv(KIND_STRING, true, "main.S", &s), "main.S(\"x\")");
        assert_eq!(pv(KIND_STRING, false, "string", &s), "x");
        assert_eq!(pv(KIND_UINT8, true, "main.U8", &7u8), "main.U8(7)");
        assert_eq!(
            pv(KIND_FLOAT64, false, "float64", &2.5f64),
            "+2.500000e+000"
        );
        assert_eq!(
            pv(KIND_COMPLEX64, false, "complex64", &[1.0f32, -1.0]),
            "(+1.000000e+000-1.000000e+000i)"
        );
        assert_eq!(pv(KIND_INT8, false, "int8", &-3i8), "-3");
        assert_eq!(pv(KIND_UINTPTR, false, "uintptr", &9usize), "9");
        assert_eq!(pv(KIND_INT, true, "main.MyInt", &5i64), "main.MyInt(5)");
        let v = [0u64; 2];
        let got = pv(KIND_SLICE, false, "[]int", &v);
        assert!(got.starts_with("([]int) 0x"), "{got}");
        let got = pv(KIND_STRUCT, true, "main.T", &v);
        assert!(got.starts_with("(main.T) 0x"), "{got}");
    }

    fn bounds(code: u32, x: i64, y: i64, signed: bool) -> String {
        let mut b = Buf::<128>::new();
        format_bounds(&mut b, code, x, y, signed);
        String::from_utf8(b.as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn bounds_messages() {
        assert_eq!(
            bounds(0, 5, 3, true),
            "index out of range [5] with length 3"
        );
        assert_eq!(bounds(0, -1, 3, true), "index out of range [-1]");
        assert_eq!(
            bounds(0, -1, 3, false),
            "index out of range [18446744073709551615] with length 3"
        );
        assert_eq!(
            bounds(1, 5, 3, true),
            "slice bounds out of range [:5] with length 3"
        );
        assert_eq!(
            bounds(2, 5, 3, true),
            "slice bounds out of range [:5] with capacity 3"
        );
        assert_eq!(bounds(3, 4, 2, true), "slice bounds out of range [4:2]");
        assert_eq!(bounds(3, -4, 2, true), "slice bounds out of range [-4:]");
        assert_eq!(
            bounds(4, 9, 3, true),
            "slice bounds out of range [::9] with length 3"
        );
        assert_eq!(
            bounds(5, 9, 3, true),
            "slice bounds out of range [::9] with capacity 3"
        );
        assert_eq!(bounds(6, 4, 2, true), "slice bounds out of range [:4:2]");
        assert_eq!(bounds(7, 4, 2, true), "slice bounds out of range [4:2:]");
        assert_eq!(bounds(7, -4, 2, true), "slice bounds out of range [-4::]");
        assert_eq!(
            bounds(8, 4, 2, true),
            "cannot convert slice with length 2 to pointer to array with length 4"
        );
    }
}
