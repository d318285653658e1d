//! cgo: calls from Go into C, callbacks from C into Go, Ms for threads the runtime did not
//! create (needm/dropm), and the helpers cgo-generated code calls (C.GoString, C.malloc...).
//! The assembly pieces are in arch/x86_64.rs ("cgo" section).
//!
//! # Go → C: `C.f(args)`
//!
//! The compiler lays out an argument frame in the calling Go function's frame (stacks never
//! move) and calls `gorc_cgocall(_cgo_xxx_Cfunc_f, frame)` (System V, r15 = g, on the
//! goroutine's stack). `_cgo_xxx_Cfunc_f` is C compiled by cc: it unpacks the frame, calls f,
//! stores the result and returns errno (or 0).
//!
//! 1. `gorc_cgocall` (assembly, goroutine stack): counts the call (`m.ncgocall`), records the
//!    Go caller's context in `g.sched` (sp: the lowest address the call uses on the goroutine
//!    stack; pc: the return address into the Go caller; bp: the Go caller's frame pointer),
//!    then **entersyscall**: `p.syscalltick += 1`, `g.status = G_SYSCALL`,
//!    `p.status = P_SYSCALL` — plain stores: from here on sysmon (after two ticks: see
//!    `proc::retake`) or a stop-the-world may take the P with a CAS, so a C call that blocks
//!    does not stop other goroutines, and a goroutine in C counts as stopped.
//! 2. **asmcgocall**: `gorc_switch_call(g0.sched.sp, fn, frame)` switches to the M's g0 stack
//!    (the thread's own stack: C runs only there), calls `fn(frame)` 16-byte aligned, and
//!    switches back.
//! 3. **exitsyscall**: reloads `m.p` (a callback inside the call may have moved the goroutine
//!    to another P), CASes it P_SYSCALL → P_RUNNING, sets `p.m = m`, `g.status = G_RUNNING`
//!    and returns fn's result. If the CAS fails (the P was taken) `exitsyscall_slow` (Rust,
//!    goroutine stack) `mcall`s `proc::exitsyscall0`: an idle P, or the goroutine is queued
//!    and the M sleeps (a goroutine locked to its M waits there for it).
//!
//! # C → Go: `//export F`
//!
//! The compiler writes, in C, `F` with F's C prototype: it packs the arguments into a frame
//! and calls `crosscall2(_cgoexp_F, frame, size, ctxt)`. `_cgoexp_F` is compiled Go (winch
//! convention, split-stack prologue): it reads the arguments, calls F, writes the results.
//!
//! 1. `crosscall2` (assembly, on the C stack: the g0 stack of an M inside `gorc_cgocall`, or
//!    a thread C created) saves rbx, rbp, r12-r15 and gets the thread's M (`cgo_getm`:
//!    `CURRENT_M`, or **needm** for a thread without one, below), counting the callback in
//!    `m.cgo_callbacks`.
//! 2. **cgocallback** (the rest of crosscall2): pushes the old `g0.sched.sp` on the g0 stack
//!    and sets `g0.sched.sp` to that sp, so that g0 work during the callback (mcall, newstack,
//!    a nested C call) goes below the C frames; moves to `m.curg`'s stack just below
//!    `g.sched.sp`, i.e. below the frames of the Go code that called C, builds a frame there
//!    whose saved rbp and return address are `g.sched.bp` and `g.sched.pc` (a traceback from
//!    the callback walks through it into those Go frames) and calls `cgocallbackg`.
//! 3. `cgocallbackg` (Rust, goroutine stack, leaf-sized: see the budget below): saves
//!    `g.sched` (the C call's context: a callback's mcalls overwrite it), locks the goroutine
//!    to the M (its C frames are on this thread's stack: it must come back here), **exitsyscall**
//!    (waiting for a P like any goroutine leaving a system call), pushes a defer record whose
//!    closure is `unwindm`, and calls `_cgoexp_F(frame)` through `cgocallback_callgo`
//!    (assembly: r15 = g, callee-saved registers saved). F may do anything: allocate, block
//!    (the goroutine parks; it is locked, so the M sleeps and gives its P away), stop the
//!    world, grow its stack, call C again (nested), panic.
//! 4. After F returns: the defer record is popped without running, the lock undone (unless
//!    the goroutine was locked already), `g.sched` restored, `g.status = G_SYSCALL` and
//!    **entersyscall** (the P marked P_SYSCALL again: the M goes back into C). An extra M's
//!    outermost callback instead gives its P away (`proc::releasep_handoff`): its thread
//!    leaves Go entirely.
//! 5. Back in crosscall2: `rsp = g0.sched.sp`, the old `g0.sched.sp` popped back,
//!    `cgo_done(m)` (dropm after an extra M's outermost callback), registers restored, return
//!    to C, which returns into `_cgo_xxx_Cfunc_f`, which returns to gorc_cgocall (step 3 of
//!    Go → C).
//!
//! **Panics** that unwind past a callback (`Go → C → Go → panic`, recovered in the outer Go
//! function) run `unwindm` like any deferred call: it restores `g0.sched.sp` from the value
//! cgocallback pushed (so the g0 stack unwinds in lock step with the goroutine's: the C
//! frames are simply abandoned), the callback depth and the thread lock. The recovery then
//! jumps to the outer frame's landing pad; that goroutine already holds a P (the callback's
//! exitsyscall), so nothing else needs undoing. 10^5 such recoveries leave nothing behind.
//! An unrecovered panic prints the traceback through the callback's frames into the Go
//! frames that called C.
//!
//! # Threads the runtime did not create (gc's needm/dropm)
//!
//! A program that uses cgo (the compiler defines `gorc_iscgo`) gets its first extra M at
//! start-up, right after the main goroutine, as gc's does, so the goroutine ids match gc's (the
//! extra M's goroutine is 17). `needm` (on the C thread's stack; no M, so nothing here may use
//! `current_m`) takes an M from the extra list, or makes one: an M whose g0 describes the
//! calling thread's stack (pthread_getattr_np), a signal stack, and a goroutine
//! (`sched::newg`, on allg, locked to the M for good, with one goroutine id for its life). It
//! installs the M as the thread's `CURRENT_M` and its signal stack, and gives the G the status
//! G_SYSCALL: the callback's exitsyscall then finds no P and waits for one in `exitsyscall0`
//! (locked, so through `stoplockedm_nop`). The G counts in NumGoroutine only during the
//! callback. `dropm` (after the outermost callback; gc 1.19 drops after every callback too)
//! marks the G dead, restores the thread's signal stack, clears `CURRENT_M` and puts the M
//! back on the extra list. From its first callback on, an extra M counts in `mcount`: a C
//! thread may then call into Go at any time, so `checkdead` no longer sees the program as
//! deadlocked. (gc counts its extra M from start-up and so never reports a deadlock in a cgo
//! program; gorc still does until a C thread has called in.)
//!
//! sysmon and stop-the-world see only Ps: an extra M holds one only while its callback runs
//! Go code (or is in a nested C call, where the P is P_SYSCALL and can be taken as usual).
//!
//! # Stack budget of a callback
//!
//! The callback's first frames go on the goroutine stack below the Go frame that called C.
//! That frame's prologue left at least STACK_GUARD - STACK_SMALL = 800 bytes above
//! `stack_lo`; gorc_cgocall and gorc_switch_call take 32 of them, and the Go function called
//! at the end may need MORESTACK_RECORD (272) bytes below its entry sp for its morestack
//! record. So cgocallback's frame (16), cgocallbackg's frame with everything it calls before
//! the Go function, and cgocallback_callgo's frame (64) must fit in about 480 bytes:
//! cgocallbackg keeps its state in one small struct and moves anything deep (handing off the
//! P, throws) to g0.

use core::ptr;
use core::sync::atomic::Ordering;

use crate::arch;
use crate::defer::Defer;
use crate::lock::Mutex;
use crate::print::gwrite;
use crate::proc::{self, G_DEAD, G_SYSCALL};
use crate::sched::{self, current_m, Gobuf, G, M};
use crate::types::GoString;

// ---------------------------------------------------------------------------------------------
// Go → C
// ---------------------------------------------------------------------------------------------

pub use crate::arch::gorc_cgocall;

/// gorc_cgocall's slow path: its CAS failed (the P was taken while in C) or the M has no P.
/// On the goroutine stack; may return on another M.
pub(crate) unsafe extern "C" fn exitsyscall_slow() {
    crate::syscall::exitsyscall();
}

/// runtime.NumCgoCall: calls from Go into C so far, on every M.
#[no_mangle]
pub extern "C" fn gorc_numcgocall() -> i64 {
    let mut n: u64 = 0;
    let mut m = sched::ALLM.load(Ordering::Acquire);
    while !m.is_null() {
        unsafe {
            n = n.wrapping_add(ptr::read_volatile(&(*m).ncgocall));
            m = (*m).alllink;
        }
    }
    n as i64
}

// ---------------------------------------------------------------------------------------------
// C → Go
// ---------------------------------------------------------------------------------------------

/// What cgocallbackg keeps for the duration of a callback, in its frame: the `unwindm` defer
/// record and its closure (`code`, whose address is the closure value), and what unwindm and
/// the normal return restore.
#[repr(C)]
struct Callback {
    d: Defer,
    /// The closure object of the deferred call: its code pointer, then its data.
    code: usize,
    m: *mut M,
}

/// crosscall2's first step, on the C stack: the thread's M, made for it if it has none.
pub(crate) unsafe extern "C" fn cgo_getm() -> *mut M {
    let mut m = current_m();
    if m.is_null() {
        m = needm();
    }
    (*m).cgo_callbacks += 1;
    m
}

/// crosscall2's last step, on the C stack (g0): an extra M's outermost callback is over.
pub(crate) unsafe extern "C" fn cgo_done(m: *mut M) {
    (*m).cgo_callbacks -= 1;
    if (*m).extra && (*m).cgo_callbacks == 0 {
        dropm(m);
    }
}

/// The Go half of a callback, on the goroutine's stack below the frames that called C
/// (cgocallback put it there). See the module comment, steps 3 and 4.
pub(crate) unsafe extern "C" fn cgocallbackg(f: usize, frame: *mut u8, m: *mut M) {
    let g = (*m).curg;
    if g.is_null() || (*g).status.load(Ordering::Relaxed) != G_SYSCALL {
        gwrite(b"runtime: bad g in cgocallback\n");
        crate::panic::exit(2);
    }
    let saved: Gobuf = (*g).sched;
    let mut cb = Callback {
        d: Defer {
            link: ptr::null_mut(),
            fn_: 0,
            sp: 0,
            pc: 0,
            // No Go frame has fp 0: gorc_deferreturn never pops this record.
            fp: 0,
            panic: ptr::null_mut(),
            started: false,
            heap: false,
        },
        code: unwindm as *const () as usize,
        m,
    };
    // Locked to the M for the callback (the runtime's lock: UnlockOSThread leaves it).
    (*m).lockedg = g;
    (*g).lockedm = m;
    crate::syscall::exitsyscall();
    // Locked: still on `m`.
    cb.d.fn_ = ptr::addr_of!(cb.code) as usize;
    cb.d.link = (*g).defer;
    (*g).defer = ptr::addr_of_mut!(cb.d);
    arch::cgocallback_callgo(g, f, frame);
    // Pop the record without running it (F's own defers are gone: it returned).
    (*g).defer = cb.d.link;
    unlock_after_callback(m, g, 1);
    (*g).sched = saved;
    if (*m).extra && (*m).cgo_callbacks == 1 {
        // The thread leaves Go: no system call to come back from, give the P away.
        (*g).status.store(G_SYSCALL, Ordering::Relaxed);
        sched::systemstack(|| proc::releasep_handoff(m));
    } else {
        (*g).status.store(G_SYSCALL, Ordering::Relaxed);
        crate::syscall::entersyscall();
    }
}

/// The deferred call a callback registers, run only by a panic (or runtime.Goexit) unwinding
/// past the callback: the C frames on g0 are abandoned, so g0.sched.sp goes back to its value
/// before the callback (pushed by cgocallback at `*g0.sched.sp`), and the callback's depth
/// and thread lock are undone. Called like any deferred closure (gorc_calldeferred: the
/// closure in g.ctxt); on the goroutine stack.
unsafe extern "C" fn unwindm() {
    let g = sched::current_g();
    let cb = ((*g).ctxt - core::mem::offset_of!(Callback, code)) as *mut Callback;
    let m = (*cb).m;
    if (*m).extra && (*m).cgo_callbacks == 1 && (*g).panic.is_null() {
        // runtime.Goexit in the outermost callback of a C thread: nothing to go back to.
        crate::panic::throw(
            b"runtime.Goexit called in a thread that was not created by the Go runtime",
        );
    }
    let g0 = (*m).g0;
    let outer = *((*g0).sched.sp as *const usize);
    // 0: an extra M's outermost callback, which had no g0 context before it. Nothing below
    // can recover the panic (the goroutine has no other frames): it prints and exits, on g0
    // below the abandoned C frames, so g0.sched.sp stays.
    if outer != 0 {
        (*g0).sched.sp = outer;
    }
    (*m).cgo_callbacks -= 1;
    unlock_after_callback(m, g, 0);
}

/// A callback ends (`depth`: the callbacks of `m` still counted, this one included or not):
/// the goroutine stays locked to the M while an outer callback is in progress, while
/// runtime.LockOSThread holds, and for good on an extra M; otherwise it is free again.
unsafe fn unlock_after_callback(m: *mut M, g: *mut G, depth: u32) {
    if (*m).cgo_callbacks <= depth && !(*g).locked_by_user && !(*m).extra {
        (*m).lockedg = ptr::null_mut();
        (*g).lockedm = ptr::null_mut();
    }
}

// ---------------------------------------------------------------------------------------------
// Extra Ms: needm / dropm
// ---------------------------------------------------------------------------------------------

/// Idle extra Ms, linked through `schedlink`, under EXTRA_LOCK.
static EXTRA_LOCK: Mutex = Mutex::new();
static mut EXTRA_M: *mut M = ptr::null_mut();

/// A thread without an M calls into Go: give it one. On that thread's (C) stack.
unsafe fn needm() -> *mut M {
    // A library's C threads may call in before its initialisers have run (libinit.rs).
    #[cfg(not(test))]
    crate::libinit::wait_init_done();
    if !proc::sched_ready() {
        gwrite(b"fatal error: cgo callback before cgo call\n");
        crate::panic::exit(1);
    }
    EXTRA_LOCK.lock();
    let mut m = EXTRA_M;
    if !m.is_null() {
        EXTRA_M = (*m).schedlink;
        (*m).schedlink = ptr::null_mut();
    }
    EXTRA_LOCK.unlock();
    if m.is_null() {
        m = new_extra_m();
    }
    // g0 is this thread's stack (an M lent to another thread before gets the new bounds).
    let me = libc::pthread_self() as usize;
    if (*m).extra_thread != me {
        let (lo, hi) = thread_stack(me);
        let g0 = (*m).g0;
        (*g0).stack_lo = lo;
        (*g0).stack_hi = hi;
        (*g0).stackguard0 = lo + crate::STACK_GUARD;
        (*m).extra_thread = me;
    }
    // The M's signal stack, keeping the thread's own to give back in dropm.
    let ss = libc::stack_t {
        ss_sp: (*m).gsignal_lo as *mut libc::c_void,
        ss_flags: 0,
        ss_size: (*m).gsignal_hi - (*m).gsignal_lo,
    };
    let mut old: libc::stack_t = core::mem::zeroed();
    libc::sigaltstack(&ss, &mut old);
    (*m).extra_oldss = [old.ss_sp as usize, old.ss_flags as usize, old.ss_size];
    if !(*m).extra_counted {
        // From its first callback on, the M counts as one that may run Go code at any time
        // (checkdead: a C thread may call in whenever it likes, as gc counts its extra Ms).
        (*m).extra_counted = true;
        proc::mcount_add_extra();
    }
    let g = (*m).curg;
    proc::ngoroutines_add(1);
    (*g).status.store(G_SYSCALL, Ordering::Release);
    sched::set_current_m(m);
    m
}

/// The bounds of thread `t`'s stack (its g0 stack).
unsafe fn thread_stack(t: usize) -> (usize, usize) {
    let mut attr: libc::pthread_attr_t = core::mem::zeroed();
    let mut addr: *mut libc::c_void = ptr::null_mut();
    let mut size: usize = 0;
    if libc::pthread_getattr_np(t as libc::pthread_t, &mut attr) == 0 {
        libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
        libc::pthread_attr_destroy(&mut attr);
    }
    if addr.is_null() || size == 0 {
        // Unknown: assume 64 KiB below the current sp (gc assumes 32 KiB).
        let sp = arch::stack_pointer();
        return (sp - (64 << 10), sp + 1024);
    }
    (addr as usize, addr as usize + size)
}

/// A new extra M with its g0, signal stack and goroutine. On the C thread's stack.
unsafe fn new_extra_m() -> *mut M {
    let m = Box::into_raw(Box::new(M::zeroed()));
    let g0 = Box::into_raw(Box::new(G::zeroed()));
    (*g0).m = m;
    (*m).g0 = g0;
    (*m).id = proc::next_mid();
    (*m).extra = true;
    let p = libc::mmap(
        ptr::null_mut(),
        crate::signal::SIGNAL_STACK_SIZE,
        libc::PROT_READ | libc::PROT_WRITE,
        libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
        -1,
        0,
    );
    if p == libc::MAP_FAILED {
        crate::panic::throw_str(b"runtime: cannot allocate the signal stack\n");
    }
    (*m).gsignal_lo = p as usize;
    (*m).gsignal_hi = p as usize + crate::signal::SIGNAL_STACK_SIZE;
    // The goroutine its callbacks run on: locked to it for good, dead while the M is idle,
    // with one goroutine id for its whole life (gc's).
    let g = sched::newg();
    sched::reset_g(g, proc::fresh_goid(), 0, 0);
    (*g).status.store(G_DEAD, Ordering::Relaxed);
    (*g).m = m;
    (*g).lockedm = m;
    (*m).lockedg = g;
    (*m).curg = g;
    proc::allgadd(g);
    sched::allm_add(m);
    m
}

extern "C" {
    /// Non-zero when the program uses cgo: the code generator defines it then; the runtime's
    /// weak definition (arch) is 0.
    static gorc_iscgo: u8;
}

/// At start-up, after the main goroutine: a program that uses cgo gets its first extra M now,
/// as gc's does (so its goroutine id is gc's too: the first after the main goroutine's batch).
/// On M0's g0, before any goroutine runs.
pub(crate) unsafe fn newextram_at_start() {
    if ptr::read_volatile(ptr::addr_of!(gorc_iscgo)) == 0 {
        return;
    }
    let m = new_extra_m();
    EXTRA_LOCK.lock();
    (*m).schedlink = EXTRA_M;
    EXTRA_M = m;
    EXTRA_LOCK.unlock();
}

/// The outermost callback of an extra M is over: back to the extra list. On the C stack.
unsafe fn dropm(m: *mut M) {
    let g = (*m).curg;
    (*g).status.store(G_DEAD, Ordering::Release);
    proc::ngoroutines_add(-1);
    // From here a signal on this thread finds no M (signal.rs forwards the fatal ones).
    sched::set_current_m(ptr::null_mut());
    let [sp, flags, size] = (*m).extra_oldss;
    let old = libc::stack_t {
        ss_sp: sp as *mut libc::c_void,
        ss_flags: if flags as i32 & libc::SS_DISABLE != 0 {
            libc::SS_DISABLE
        } else {
            0
        },
        ss_size: size,
    };
    libc::sigaltstack(&old, ptr::null_mut());
    EXTRA_LOCK.lock();
    (*m).schedlink = EXTRA_M;
    EXTRA_M = m;
    EXTRA_LOCK.unlock();
}

// ---------------------------------------------------------------------------------------------
// Helpers for cgo-generated code (called from Go code, on the goroutine stack: leaf-sized)
// ---------------------------------------------------------------------------------------------

/// C.GoString: a new Go string holding the NUL-terminated C string `p` ("" for NULL).
#[no_mangle]
pub unsafe extern "C" fn gorc_cgo_gostring(p: *const libc::c_char) -> GoString {
    if p.is_null() {
        return GoString::EMPTY;
    }
    let n = libc::strlen(p);
    crate::string::gorc_slicebytetostring(p as *const u8, n)
}

/// C.GoStringN: a new Go string of the `n` bytes at `p` ("" for n ≤ 0).
#[no_mangle]
pub unsafe extern "C" fn gorc_cgo_gostringn(p: *const libc::c_char, n: i32) -> GoString {
    if n <= 0 {
        return GoString::EMPTY;
    }
    crate::string::gorc_slicebytetostring(p as *const u8, n as usize)
}

/// C.GoBytes: a new []byte holding the `n` bytes at `p`. Returns the array; the slice is
/// (that pointer, n, n) — the compiler builds it (n ≤ 0 gives an empty non-nil slice: the
/// zero-size base, as gc's make([]byte, 0)).
#[no_mangle]
pub unsafe extern "C" fn gorc_cgo_gobytes(p: *const u8, n: i32) -> *mut u8 {
    if n <= 0 {
        return ptr::addr_of_mut!(crate::malloc::gorc_zerobase) as *mut u8;
    }
    let d = crate::malloc::mallocgc(n as usize, &crate::types::TYPE_UINT8);
    ptr::copy_nonoverlapping(p, d, n as usize);
    d
}

/// C.malloc (and C.CString, C.CBytes): `malloc(n)` from the C allocator, run on g0 (C code
/// never runs on a goroutine stack); malloc(1) for 0. Out of memory is gc's fatal error.
#[no_mangle]
pub unsafe extern "C" fn gorc_cgo_cmalloc(n: u64) -> *mut u8 {
    let mut p: *mut u8 = ptr::null_mut();
    sched::systemstack(|| {
        p = libc::malloc(if n == 0 { 1 } else { n as usize }) as *mut u8;
    });
    if p.is_null() {
        crate::panic::throw(b"runtime: C malloc failed");
    }
    p
}

// ---------------------------------------------------------------------------------------------
// cgocheck: Go memory passed to C must not hold Go pointers
// ---------------------------------------------------------------------------------------------

/// `GODEBUG=cgocheck=N`: 0 turns the check off; unset or any other value leaves gc's default
/// (1) on. Read once, at the first check.
fn cgocheck_enabled() -> bool {
    use core::sync::atomic::AtomicU8;
    // 0: not read yet, 1: on, 2: off.
    static STATE: AtomicU8 = AtomicU8::new(0);
    match STATE.load(Ordering::Relaxed) {
        1 => return true,
        2 => return false,
        _ => {}
    }
    let mut on = true;
    // getenv is libc: on g0.
    sched::systemstack(|| unsafe {
        let v = libc::getenv(c"GODEBUG".as_ptr());
        if !v.is_null() {
            let s = core::ffi::CStr::from_ptr(v).to_bytes();
            for kv in s.split(|&b| b == b',') {
                if let Some(val) = kv.strip_prefix(b"cgocheck=") {
                    on = val != b"0";
                }
            }
        }
    });
    STATE.store(if on { 1 } else { 2 }, Ordering::Relaxed);
    on
}

/// cgo's pointer-passing rule for an argument `p` of type `*T` (`elem` = T's descriptor; the
/// compiler calls this only when T holds pointers): if `p` points into the Go heap, none of
/// T's pointer words there may point into the Go heap either, or the call panics as gc's does
/// (`runtime error: cgo argument has Go pointer to Go pointer`). On the goroutine stack, before
/// the call goes to C; leaf-sized (the panic message is built on g0).
#[no_mangle]
pub unsafe extern "C" fn gorc_cgocheck_pointer(elem: *const crate::TypeDesc, p: *const u8) {
    if elem.is_null() || !crate::malloc::is_heap_pointer(p as usize) || !cgocheck_enabled() {
        return;
    }
    let t = &*elem;
    let words = t.ptrdata / 8;
    for i in 0..words {
        if *t.gcdata.add(i / 8) & (1 << (i % 8)) == 0 {
            continue;
        }
        let w = *(p.add(i * 8) as *const usize);
        if crate::malloc::is_heap_pointer(w) {
            crate::defer::panic_error(true, b"cgo argument has Go pointer to Go pointer");
        }
    }
}

/// cgo's rule for `&x[i]` passed to C: the whole slice or array `x` (`n` elements of type
/// `elem` from `p`) must hold no Go pointers, if it is Go memory (gc checks the whole of it).
#[no_mangle]
pub unsafe extern "C" fn gorc_cgocheck_slice(elem: *const crate::TypeDesc, p: *const u8, n: i64) {
    if elem.is_null() || !crate::malloc::is_heap_pointer(p as usize) || !cgocheck_enabled() {
        return;
    }
    let size = (*elem).size;
    for k in 0..n.max(0) as usize {
        gorc_cgocheck_pointer(elem, p.add(k * size));
    }
}
