//! G and M, the current-M thread-local, and the stack-switching wrappers (`mcall`,
//! `systemstack`, `gogo`) around the per-architecture assembly. The scheduler that moves Gs
//! between Ms and Ps is `proc.rs`.
//!
//! Every M (OS thread) has its own g0 on its own thread stack and its own signal stack;
//! `CURRENT_M` is thread-local, and `m.curg` names the goroutine the M runs (null while it runs
//! g0 code only). G and M structures are never freed: a dead G waits on a free list for reuse
//! and an idle M sleeps, so a racy reader (sysmon looking at `p.m.curg`) never touches freed
//! memory.

use core::cell::Cell;
use core::ptr;
use core::sync::atomic::{AtomicBool, AtomicU32};

use crate::arch;
use crate::stack::{self, Segment};
use crate::STACK_GUARD;

/// Saved execution context of a goroutine that is not running (`g.sched`).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct Gobuf {
    pub sp: usize,
    pub pc: usize,
    pub bp: usize,
    /// Closure context (for goroutines started on a closure, later).
    pub ctxt: usize,
}

/// What `gorc_morestack` saves before it leaves the goroutine's stack: the argument registers
/// of the function being entered (restored before jumping to its body) and the request itself.
/// Only one morestack is in flight per goroutine; the record lives on its stack, just below the
/// entry sp (a G stays small: it shares its block with the first segment).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct MoreStack {
    pub gpr: [usize; 6],
    pub xmm: [[u64; 2]; 8],
    /// Address of the function body (after the check).
    pub body: usize,
    /// Bytes the body needs below its entry sp.
    pub frame: usize,
    /// Bytes of stack-passed arguments above the return address.
    pub args: usize,
    /// sp at the function's entry: `[sp]` is the return address into the caller.
    pub sp: usize,
    /// The caller's rbp (the function has not pushed its own yet).
    pub bp: usize,
    /// rbx, r12, r13, r14: Go code keeps nothing in them across calls, but a System V
    /// function with a prologue (an adapter called from Rust) may be entered with live
    /// callee-saved values, and a preemption there resumes after the scheduler used them.
    pub cs: [usize; 4],
}

/// How far below the entry sp `gorc_morestack` puts its MoreStack record: the record, and a
/// gap so that nothing pushed at that sp (gogo pushes nothing, but a resumed frame might)
/// overlaps it. Part of the guard area's budget (lib.rs, tests/stack_budget.rs).
pub const MORESTACK_RECORD: usize = 272;
const _: () = assert!(core::mem::size_of::<MoreStack>() + 16 <= MORESTACK_RECORD);

/// A goroutine. The first 56 bytes are the ABI compiled code and assembly rely on
/// (ARCHITECTURE.md); the rest is private to the runtime.
#[repr(C)]
pub struct G {
    pub stack_lo: usize,    // 0
    pub stack_hi: usize,    // 8: address of the current segment's header
    pub stackguard0: usize, // 16
    pub sched: Gobuf,       // 24..56
    /// The closure a call through a func value passes to its callee (gc passes it in rdx):
    /// compiled code stores the closure pointer here right before an indirect call, and a
    /// closure body loads it first thing, before anything else can call out.
    pub ctxt: usize, // 56
    // ---- private ----
    pub m: *mut M,
    /// The record `gorc_morestack` saved on this goroutine's stack (see arch), while a
    /// morestack is in flight or a goroutine preempted through one is parked.
    pub morestack: *mut MoreStack,
    pub goid: i64,
    /// The first (bottom) segment of the goroutine's stack; null for g0.
    pub first_seg: *mut Segment,
    /// Deferred calls, newest first (defer.rs), and free heap records.
    pub defer: *mut crate::defer::Defer,
    pub defer_pool: *mut crate::defer::Defer,
    /// Panics in progress, newest first.
    pub panic: *mut crate::defer::Panic,
    /// The signal behind the current panic (printed as `[signal ...]`), 0 if none.
    pub sig: i32,
    pub sigcode: i32,
    pub sigaddr: usize,
    pub sigpc: usize,
    // ---- scheduling (proc.rs) ----
    /// `G_IDLE`, `G_RUNNABLE`, `G_RUNNING`, `G_WAITING`, `G_DEAD` (proc.rs).
    pub status: AtomicU32,
    /// Why a waiting G waits (index into proc::WAIT_REASONS), for tracebacks.
    pub waitreason: u8,
    /// A preemption was asked for: `stackguard0` holds (or will again hold) STACK_PREEMPT.
    pub preempt: AtomicBool,
    /// Link in a run queue or free list (protected by whoever owns that list).
    pub schedlink: *mut G,
    /// Link in the list of all Gs (append-only, under the scheduler lock).
    pub alllink: *mut G,
    /// What woke a G parked in select: the sudog of the case that fired.
    pub param: usize,
    /// Select wakeup arbitration: the first waker to CAS 0→1 owns the wakeup.
    pub selectdone: AtomicU32,
    /// The M this G is locked to (runtime.LockOSThread, or a callback from C), or null.
    pub lockedm: *mut M,
    /// runtime.LockOSThread holds (the runtime's own locks, for callbacks, are counted by the
    /// M's `cgo_callbacks`).
    pub locked_by_user: bool,
    /// Where the `go` statement that created this goroutine is (the return address of its
    /// gorc_newproc call), for the traceback's `created by` line; 0 for the main goroutine.
    pub gopc: usize,
}

const _: () = {
    assert!(core::mem::offset_of!(G, stack_lo) == 0);
    assert!(core::mem::offset_of!(G, stack_hi) == 8);
    assert!(core::mem::offset_of!(G, stackguard0) == 16);
    assert!(core::mem::offset_of!(G, sched) == 24);
    assert!(core::mem::offset_of!(G, ctxt) == 56);
    assert!(core::mem::offset_of!(Gobuf, sp) == 0);
    assert!(core::mem::offset_of!(Gobuf, pc) == 8);
    assert!(core::mem::offset_of!(Gobuf, bp) == 16);
    assert!(core::mem::offset_of!(Gobuf, ctxt) == 24);
};

impl G {
    pub fn zeroed() -> G {
        G {
            stack_lo: 0,
            stack_hi: 0,
            stackguard0: 0,
            sched: Gobuf {
                sp: 0,
                pc: 0,
                bp: 0,
                ctxt: 0,
            },
            ctxt: 0,
            m: ptr::null_mut(),
            morestack: ptr::null_mut(),
            goid: 0,
            first_seg: ptr::null_mut(),
            defer: ptr::null_mut(),
            defer_pool: ptr::null_mut(),
            panic: ptr::null_mut(),
            sig: 0,
            sigcode: 0,
            sigaddr: 0,
            sigpc: 0,
            status: AtomicU32::new(0),
            waitreason: 0,
            preempt: AtomicBool::new(false),
            schedlink: ptr::null_mut(),
            alllink: ptr::null_mut(),
            param: 0,
            selectdone: AtomicU32::new(0),
            lockedm: ptr::null_mut(),
            locked_by_user: false,
            gopc: 0,
        }
    }
}

/// An OS thread.
#[repr(C)]
pub struct M {
    /// The goroutine whose stack is this thread's own stack; runs the scheduler, `newstack`,
    /// panics and anything else deep.
    pub g0: *mut G,
    /// The goroutine this M is running (null when none).
    pub curg: *mut G,
    pub id: i64,
    /// Set once the program has started dying (a panic or fatal error is being printed); a
    /// second failure while dying exits at once.
    pub dying: u32,
    /// The last synchronous signal, recorded by the handler for `sigpanic`.
    pub sig: i32,
    pub sigcode: i32,
    pub sigaddr: usize,
    pub sigpc: usize,
    /// The signal stack (sigaltstack) of this thread.
    pub gsignal_lo: usize,
    pub gsignal_hi: usize,
    // ---- scheduling (proc.rs) ----
    /// The P this M holds (null when idle or without one).
    pub p: *mut crate::proc::P,
    /// The P handed to this M by whoever woke it.
    pub nextp: *mut crate::proc::P,
    /// Looking for work to steal (counted in `sched.nmspinning`).
    pub spinning: bool,
    /// Where this M sleeps when idle.
    pub park: crate::lock::Note,
    /// Link in the idle-M list (under the scheduler lock).
    pub schedlink: *mut M,
    /// The goroutine locked to this M (LockOSThread), or null.
    pub lockedg: *mut G,
    /// Free sudogs for select (only this M touches the list).
    pub sudogcache: *mut crate::chan::Sudog,
    /// Depth of print statements in progress (print.rs's lock).
    pub printlock: u32,
    // ---- cgo (cgocall.rs) ----
    /// Calls from Go into C made on this M (runtime.NumCgoCall); only this M writes it.
    pub ncgocall: u64,
    /// C → Go callbacks in progress on this M (nested ones count once each).
    pub cgo_callbacks: u32,
    /// This M was made for threads the runtime did not create (needm/dropm, cgocall.rs).
    pub extra: bool,
    /// The extra M has served a callback, and counts in `mcount` (cgocall.rs).
    pub extra_counted: bool,
    /// An extra M's pthread while it is lent out (its g0 describes that thread's stack).
    pub extra_thread: usize,
    /// The signal stack the thread had before needm installed the M's own (restored by dropm).
    pub extra_oldss: [usize; 3],
    /// Link in the list of all Ms (append-only: ALLM).
    pub alllink: *mut M,
}

impl M {
    pub fn zeroed() -> M {
        M {
            g0: ptr::null_mut(),
            curg: ptr::null_mut(),
            id: 0,
            dying: 0,
            sig: 0,
            sigcode: 0,
            sigaddr: 0,
            sigpc: 0,
            gsignal_lo: 0,
            gsignal_hi: 0,
            p: ptr::null_mut(),
            nextp: ptr::null_mut(),
            spinning: false,
            park: crate::lock::Note::new(),
            schedlink: ptr::null_mut(),
            lockedg: ptr::null_mut(),
            sudogcache: ptr::null_mut(),
            printlock: 0,
            ncgocall: 0,
            cgo_callbacks: 0,
            extra: false,
            extra_counted: false,
            extra_thread: 0,
            extra_oldss: [0; 3],
            alllink: ptr::null_mut(),
        }
    }
}

/// Every M ever created (Ms are never freed), newest first: runtime.NumCgoCall sums their
/// counters. Pushed with a CAS, read without a lock.
pub static ALLM: core::sync::atomic::AtomicPtr<M> =
    core::sync::atomic::AtomicPtr::new(ptr::null_mut());

/// Adds `m` to ALLM. Any stack (a few instructions).
pub unsafe fn allm_add(m: *mut M) {
    use core::sync::atomic::Ordering;
    let mut head = ALLM.load(Ordering::Acquire);
    loop {
        (*m).alllink = head;
        match ALLM.compare_exchange_weak(head, m, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => return,
            Err(h) => head = h,
        }
    }
}

thread_local! {
    // A const-initialised Cell of a raw pointer: no destructor, no lazy registration, so it is
    // safe to read from a signal handler.
    static CURRENT_M: Cell<*mut M> = const { Cell::new(ptr::null_mut()) };
}

/// The M of the calling thread (null before the runtime set it up, and on sysmon's thread).
///
/// Never inlined: a goroutine can park in one M and resume in another in the middle of a
/// Rust function (`gopark`), and LLVM would otherwise be free to reuse a thread-local address
/// computed before the switch. A call computes it afresh.
#[inline(never)]
pub fn current_m() -> *mut M {
    CURRENT_M.with(|m| m.get())
}

pub fn set_current_m(m: *mut M) {
    CURRENT_M.with(|c| c.set(m));
}

/// The goroutine the current M runs (null if none).
#[inline]
pub fn current_g() -> *mut G {
    let m = current_m();
    if m.is_null() {
        ptr::null_mut()
    } else {
        unsafe { (*m).curg }
    }
}

/// Whether the stack pointer `sp` is on this M's g0 stack.
fn on_g0(m: *mut M, sp: usize) -> bool {
    unsafe {
        let g0 = (*m).g0;
        g0.is_null() || (sp >= (*g0).stack_lo && sp < (*g0).stack_hi)
    }
}

/// Runs `f(arg)` on the current M's g0 stack and returns. Callable from Go code and from
/// runtime code on a goroutine stack; when already on g0 (or the signal stack, or before the
/// runtime is set up) it just calls `f`.
///
/// Runs on the caller's stack until the switch: a few words.
#[no_mangle]
pub unsafe extern "C" fn gorc_systemstack(f: unsafe extern "C" fn(*mut u8), arg: *mut u8) {
    let m = current_m();
    let sp = arch::stack_pointer();
    if m.is_null()
        || on_g0(m, sp)
        || (sp >= (*m).gsignal_lo && sp < (*m).gsignal_hi)
        || (*m).curg.is_null()
    {
        f(arg);
        return;
    }
    arch::gorc_switch_call((*(*m).g0).sched.sp, f, arg);
}

/// Rust-side `systemstack`: runs the closure on g0.
pub fn systemstack<F: FnOnce()>(f: F) {
    let mut slot = Some(f);
    // Never inlined: on g0 already, `systemstack` calls it directly, and the stack-budget test
    // (tests/stack_budget.rs) must see where g0's code starts.
    #[inline(never)]
    unsafe extern "C" fn tramp<F: FnOnce()>(arg: *mut u8) {
        let slot = &mut *(arg as *mut Option<F>);
        if let Some(f) = slot.take() {
            f();
        }
    }
    unsafe {
        gorc_systemstack(tramp::<F>, &mut slot as *mut Option<F> as *mut u8);
    }
}

/// Saves the calling goroutine's state in `g.sched` (callee-saved registers are pushed on its
/// stack), switches to g0's stack and calls `f(g)`. `f` runs on g0 and must never return; it
/// resumes the goroutine, if ever, with `gogo(&g.sched)`, which makes this call return.
///
/// Must be called on a goroutine stack (never on g0).
pub unsafe fn mcall(f: unsafe extern "C" fn(*mut G) -> !) {
    let m = current_m();
    let g = (*m).curg;
    if g.is_null() || on_g0(m, arch::stack_pointer()) {
        crate::panic::throw(b"runtime: mcall called on m->g0 stack");
    }
    arch::gorc_mcall_switch(g, (*(*m).g0).sched.sp, f);
}

/// `mcall` for compiled code: `f(g)` on g0, with the calling goroutine's state in `g.sched`.
#[no_mangle]
pub unsafe extern "C" fn gorc_mcall(f: unsafe extern "C" fn(*mut G) -> !) {
    mcall(f)
}

/// Self-test of the mcall/gogo round trip, for the runtime's integration test: switches to
/// g0 with `mcall`, checks that it runs there, and resumes the caller with `gogo`. Returns 1
/// if the callback ran on g0. The caller's callee-saved registers must survive.
#[no_mangle]
pub unsafe extern "C" fn gorc_selftest_mcall() -> i64 {
    static mut RAN_ON_G0: i64 = 0;
    unsafe extern "C" fn back(g: *mut G) -> ! {
        // On g0: the goroutine's stack is saved in g.sched.
        let m = current_m();
        RAN_ON_G0 = (on_g0(m, arch::stack_pointer()) && (*g).sched.sp != 0) as i64;
        gogo(g)
    }
    RAN_ON_G0 = 0;
    mcall(back);
    RAN_ON_G0
}

/// Makes `g` the running goroutine of the current M and jumps to its saved context. Never
/// returns. Called on g0 (or during startup, on the thread stack that becomes g0's).
pub unsafe fn gogo(g: *mut G) -> ! {
    let m = current_m();
    (*m).curg = g;
    (*g).m = m;
    arch::gorc_gogo(&mut (*g).sched)
}

/// Allocates a goroutine with a first segment from the stack pool; the G itself sits right
/// above the segment's header, in the same block (neither is ever freed: a dead G keeps its
/// segment on the free list). Runs on g0 (or during startup). `reset_g` then gives it its
/// starting context.
pub unsafe fn newg() -> *mut G {
    let seg = stack::alloc_first_segment(core::mem::size_of::<G>());
    let g = (seg as usize + stack::HEADER) as *mut G;
    g.write(G::zeroed());
    (*seg).total = (*seg).size;
    (*g).first_seg = seg;
    g
}

/// Prepares `g` (new or reused) to start at `pc` with `ctxt` in rdx, on its first segment
/// (the cached segments above it are freed), as if called with a zero return address (the end
/// of every traceback).
pub unsafe fn reset_g(g: *mut G, goid: i64, pc: usize, ctxt: usize) {
    let seg = (*g).first_seg;
    if !(*seg).next.is_null() {
        stack::free_chain((*seg).next);
        (*seg).next = ptr::null_mut();
    }
    (*g).stack_lo = (*seg).lo;
    (*g).stack_hi = seg as usize;
    (*g).stackguard0 = (*seg).lo + STACK_GUARD;
    (*g).goid = goid;
    (*g).ctxt = 0;
    (*g).param = 0;
    (*g).panic = ptr::null_mut();
    (*g).defer = ptr::null_mut();
    (*g).preempt
        .store(false, core::sync::atomic::Ordering::Relaxed);
    // The segment header is 16-byte aligned; leave a zero "return address" below it so the
    // entry function sees sp ≡ 8 (mod 16), as after a call.
    let sp = seg as usize - 16 + 8;
    *(sp as *mut usize) = 0;
    (*g).sched = Gobuf {
        sp,
        pc,
        bp: 0,
        ctxt,
    };
}
