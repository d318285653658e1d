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

use crate::proc::{P_RUNNING, P_SYSCALL};
use crate::sched::{self, current_m};

/// The goroutine is about to block in the kernel. On the goroutine stack.
pub unsafe fn entersyscall() {
    let m = current_m();
    let p = (*m).p;
    (*p).syscalltick.fetch_add(1, Ordering::SeqCst);
    (*p).status.store(P_SYSCALL, Ordering::SeqCst);
}

/// Back from the kernel: keep the P if nobody took it, else wait for one. On the goroutine
/// stack; may return on another M.
pub unsafe fn exitsyscall() {
    let m = current_m();
    let p = (*m).p;
    if (*p)
        .status
        .compare_exchange(P_SYSCALL, P_RUNNING, Ordering::SeqCst, Ordering::SeqCst)
        .is_ok()
    {
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
