//! Blocking system calls must not stop Go (seed 003's entersyscall/exitsyscall contract).
//!
//! A goroutine about to block in the kernel calls `entersyscall`: its P is marked P_SYSCALL
//! but stays with the M. If the call is quick, `exitsyscall` takes it back with a CAS
//! (P_SYSCALL → P_RUNNING) and nothing else happened. If sysmon sees the P in the same system
//! call on two consecutive ticks (`proc::retake`), or a stop-the-world needs it, it takes the
//! P with the opposite CAS (P_SYSCALL → P_IDLE) and hands it to another M, so the other
//! goroutines keep running. `exitsyscall` then fails its CAS and `mcall`s
//! `proc::exitsyscall0`, which finds an idle P or queues the goroutine and parks the M.
//!
//! Between the two calls the goroutine must not touch its P or allocate from the scheduler's
//! structures; it runs only the system call itself.

use core::sync::atomic::Ordering;

use crate::proc::{G_RUNNING, P_RUNNING, P_SYSCALL};
use crate::sched::{self, current_m};

// Memory ordering. Only the M holding a P writes its `syscalltick` and stores its status
// (P_RUNNING → P_SYSCALL here); anyone else changes the status only with a CAS from P_SYSCALL
// (sysmon's `retake`, `stop_the_world`), which succeeds for exactly one of them or for our
// CAS back to P_RUNNING. So entering needs no read-modify-write: a plain increment of the
// tick and a release store of the status (a plain `mov` on x86, as in cgocall's assembly fast
// path) — the release orders the tick before the status, so sysmon, which loads the status
// and then the tick, never pairs P_SYSCALL with the tick of an earlier call (which would make
// it hand the P off too early; even that would only cost a handoff). Leaving is one CAS.
//
// A P taken from us may be handed to another M that enters a system call with it before we
// come back (ABA): our CAS then succeeds and takes the P from that M — exactly what sysmon
// could have done to it, and its own exitsyscall fails and waits. `p.m` is rewritten after
// a successful CAS for that reason.

/// The goroutine is about to block in the kernel. On the goroutine stack.
#[inline]
pub unsafe fn entersyscall() {
    let m = current_m();
    let p = (*m).p;
    let t = (*p).syscalltick.load(Ordering::Relaxed);
    (*p).syscalltick.store(t.wrapping_add(1), Ordering::Relaxed);
    (*p).status.store(P_SYSCALL, Ordering::Release);
}

/// Back from the kernel (or from C): keep the P if nobody took it, else wait for one. On the
/// goroutine stack; may return on another M (unless the goroutine is locked to this one). An
/// M without a P (an extra M entering Go for a cgo callback) takes the slow path.
pub unsafe fn exitsyscall() {
    let m = current_m();
    let p = (*m).p;
    if !p.is_null()
        && (*p)
            .status
            .compare_exchange(P_SYSCALL, P_RUNNING, Ordering::SeqCst, Ordering::Relaxed)
            .is_ok()
    {
        (*p).m.store(m, Ordering::Relaxed);
        (*(*m).curg).status.store(G_RUNNING, Ordering::Relaxed);
        return;
    }
    // The P belongs to someone else now.
    (*m).p = core::ptr::null_mut();
    sched::mcall(crate::proc::exitsyscall0);
}

/// A system call that may block (syscall.Syscall6): the result, or -errno.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn gorc_syscall6(
    n: i64,
    a1: usize,
    a2: usize,
    a3: usize,
    a4: usize,
    a5: usize,
    a6: usize,
) -> i64 {
    entersyscall();
    let r = libc::syscall(n, a1, a2, a3, a4, a5, a6);
    let r = if r == -1 {
        -(*libc::__errno_location()) as i64
    } else {
        r
    };
    exitsyscall();
    r
}

/// A system call that never blocks (syscall.RawSyscall6): no P handoff.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn gorc_rawsyscall6(
    n: i64,
    a1: usize,
    a2: usize,
    a3: usize,
    a4: usize,
    a5: usize,
    a6: usize,
) -> i64 {
    let r = libc::syscall(n, a1, a2, a3, a4, a5, a6);
    if r == -1 {
        -(*libc::__errno_location()) as i64
    } else {
        r
    }
}
