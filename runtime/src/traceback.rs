//! Tracebacks in gc's format, by walking the frame-pointer chain.
//!
//! Every Go frame and every runtime frame keeps rbp: `[fp]` is the caller's fp and `[fp+8]`
//! the return address. A frame whose return address is `gorc_morestack_return` is the first
//! on its segment; its real return address is in the segment header and its saved rbp already
//! links to the caller on the previous segment.
//!
//! Runs on g0 or on the signal stack (it reads the goroutine's stack, it does not run on it).
//! Never allocates.

use crate::arch;
use crate::print::{gwrite, Buf};
use crate::sched::G;
use crate::stack;
use crate::types::{FuncInfo, GoString};

#[cfg(not(test))]
extern "C" {
    static gorc_functab: [FuncInfo; 0];
    static gorc_functab_len: usize;
}

/// The compiler's function table.
pub fn functab() -> &'static [FuncInfo] {
    #[cfg(not(test))]
    unsafe {
        core::slice::from_raw_parts(
            core::ptr::addr_of!(gorc_functab) as *const FuncInfo,
            gorc_functab_len,
        )
    }
    #[cfg(test)]
    {
        &[]
    }
}

/// The Go function containing `pc`.
pub fn find_func(pc: usize) -> Option<&'static FuncInfo> {
    functab().iter().find(|f| f.contains(pc))
}

/// gc's `_TracebackMaxFrames`.
const MAX_FRAMES: usize = 100;
/// Runtime frames skipped before the first Go frame, at most.
const MAX_SKIP: usize = 64;

/// Prints one frame: `main.f(...)` / `\t/path/file.go:LINE +0xOFF`. `exact` says `pc` is the
/// faulting or current instruction rather than a return address.
pub fn print_frame(f: &FuncInfo, pc: usize, exact: bool) {
    let off = pc - f.entry;
    let lookup = if exact || off == 0 { off } else { off - 1 };
    let mut b = Buf::<128>::new();
    gwrite(f.name());
    if f.name() == b"main.main" {
        gwrite(b"()\n\t");
    } else {
        gwrite(b"(...)\n\t");
    }
    gwrite(f.file());
    b.push(b':');
    b.uint(f.line_at(lookup) as u64);
    b.push_bytes(b" +");
    b.hex(off as u64);
    b.push(b'\n');
    gwrite(b.as_bytes());
}

/// Is `fp` a plausible frame pointer (on g's stack or on this thread's g0/signal stack)?
unsafe fn fp_ok(g: *const G, fp: usize) -> bool {
    if fp == 0 || !fp.is_multiple_of(8) {
        return false;
    }
    if !stack::segment_containing(g, fp).is_null() {
        return true;
    }
    let m = crate::sched::current_m();
    if !m.is_null() {
        let g0 = (*m).g0;
        if !g0.is_null() && fp >= (*g0).stack_lo && fp < (*g0).stack_hi {
            return true;
        }
        if fp >= (*m).gsignal_lo && fp < (*m).gsignal_hi {
            return true;
        }
    }
    false
}

/// Walks and prints the Go frames starting at the frame executing `pc` with frame pointer `fp`
/// (non-Go frames before the first Go frame are skipped; the walk stops at the first non-Go
/// frame after it).
pub unsafe fn traceback(g: *const G, pc: usize, fp: usize, exact: bool) {
    traceback_n(g, pc, fp, exact, 0)
}

/// `traceback` after `printed` frames were already printed (they count against the limit).
pub unsafe fn traceback_n(
    g: *const G,
    mut pc: usize,
    mut fp: usize,
    mut exact: bool,
    mut printed: usize,
) {
    let mut skipped = 0;
    loop {
        if let Some(f) = find_func(pc) {
            if printed == MAX_FRAMES {
                gwrite(b"...additional frames elided...\n");
                return;
            }
            print_frame(f, pc, exact);
            printed += 1;
        } else {
            // Runtime frames: before the first Go frame, and between Go frames during a
            // panic (deferred calls run on top of gopanic and calldeferred frames).
            skipped += 1;
            if skipped > MAX_SKIP {
                return;
            }
        }
        if !fp_ok(g, fp) {
            return;
        }
        let mut ret = *((fp + 8) as *const usize);
        let next_fp = *(fp as *const usize);
        if ret == arch::gorc_morestack_return as *const () as usize {
            let seg = stack::segment_containing(g, fp + 8);
            if seg.is_null() {
                return;
            }
            ret = (*seg).ret_pc;
        }
        exact = pc == arch::gorc_sigpanic_ret as *const () as usize;
        pc = ret;
        fp = next_fp;
    }
}

/// `goroutine N [running]:` and the traceback.
pub unsafe fn print_goroutine(g: *const G, pc: usize, fp: usize, exact: bool) {
    let mut b = Buf::<48>::new();
    b.push_bytes(b"goroutine ");
    b.int(if g.is_null() { 0 } else { (*g).goid });
    b.push_bytes(b" [running]:\n");
    gwrite(b.as_bytes());
    traceback(g, pc, fp, exact);
}

/// `runtime.Callers`: the return addresses of the Go frames from `(pc, fp)` outwards, after
/// skipping `skip` of them, into `buf`. Runtime frames (a panic's, morestack's) are left out,
/// as the traceback leaves them out. Returns how many were stored.
pub unsafe fn callers(g: *const G, mut pc: usize, mut fp: usize, mut skip: usize, buf: &mut [usize]) -> usize {
    let mut n = 0;
    let mut seen = 0;
    // The frame that faulted (its callee is sigpanic) is at the faulting instruction itself,
    // not after a call: it is recorded one byte further on, as gc records it, since readers
    // look up pc-1.
    let mut exact = false;
    while n < buf.len() && seen < MAX_FRAMES + MAX_SKIP {
        seen += 1;
        if find_func(pc).is_some() {
            if skip > 0 {
                skip -= 1;
            } else {
                buf[n] = if exact { pc + 1 } else { pc };
                n += 1;
            }
        }
        if !fp_ok(g, fp) {
            break;
        }
        let mut ret = *((fp + 8) as *const usize);
        let next_fp = *(fp as *const usize);
        if ret == arch::gorc_morestack_return as *const () as usize {
            let seg = stack::segment_containing(g, fp + 8);
            if seg.is_null() {
                break;
            }
            ret = (*seg).ret_pc;
        }
        exact = pc == arch::gorc_sigpanic_ret as *const () as usize;
        pc = ret;
        fp = next_fp;
    }
    n
}

/// Backs `runtime.callers` (stdlib/runtime/symtab.go, through `//gorc:extern`): called from
/// that Go wrapper, which runtime.Callers or runtime.Caller called; the walk starts in the
/// latter, so `skip` 0 is the function that called the wrapper.
#[no_mangle]
#[inline(never)]
pub unsafe extern "C" fn gorc_callers(skip: i64, buf: *mut usize, n: i64) -> i64 {
    if n <= 0 || skip < 0 {
        return 0;
    }
    // Our frame, then the extern wrapper's: its return address is in the Go caller.
    let wrapper_fp = *(arch::frame_pointer() as *const usize);
    let pc = *((wrapper_fp + 8) as *const usize);
    let fp = *(wrapper_fp as *const usize);
    let out = core::slice::from_raw_parts_mut(buf, n as usize);
    callers(crate::sched::current_g(), pc, fp, skip as usize, out) as i64
}

/// What `runtime.FuncForPC` and `Frames` need to know of the function containing `pc`
/// (laid out as stdlib/runtime's `funcInfo`).
#[repr(C)]
pub struct GoFuncInfo {
    pub entry: usize,
    pub name: GoString,
    pub file: GoString,
    pub line: i64,
}

/// Fills `out` for the Go function containing `pc` (the line of the instruction at `pc`);
/// false when `pc` is in no Go function.
#[no_mangle]
pub unsafe extern "C" fn gorc_funcinfo(pc: usize, out: *mut GoFuncInfo) -> bool {
    let Some(f) = find_func(pc) else {
        return false;
    };
    let name = f.name();
    let file = f.file();
    *out = GoFuncInfo {
        entry: f.entry,
        name: GoString {
            ptr: name.as_ptr(),
            len: name.len(),
        },
        file: GoString {
            ptr: file.as_ptr(),
            len: file.len(),
        },
        line: f.line_at(pc - f.entry) as i64,
    };
    true
}
