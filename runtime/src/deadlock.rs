//! Deadlock detection (gc's checkdead) and the goroutine dumps: the deadlock report's, and
//! runtime.Stack's with all = true.
//!
//! When an M goes idle (`stopm` → `mput`, or an M parking for its locked goroutine:
//! `stoplockedm`), `checkdead` counts the Ms that are neither idle nor parked for a locked
//! goroutine (`LOCKED_IDLE`); if none is left and no timer is pending (`timer::pending`),
//! nothing can ever run again: gc's `fatal error: all goroutines are asleep - deadlock!`, then
//! every waiting goroutine's header with gc's wait reason (`goroutine 1 [chan receive]:`) and
//! traceback from its saved context, the main goroutine first, exit status 2. It sets
//! `PANICKING` first, so the other Ms stop scheduling while it prints. sysmon runs the same
//! check (`checkdead_sysmon`) when firing its last pending timer made nothing runnable: every
//! M may be idle already, and no M would look again. A library's C program may call into Go at
//! any time (libinit.rs), and so may a thread C created while it has an extra M (cgocall.rs,
//! counted among the running Ms): neither is ever deadlocked.
//!
//! Who runs where: `checkdead` runs under `SCHED.lock`, on an M's g0 or on sysmon's thread, and
//! prints and exits while holding it. `print_goroutines_except` runs on g0 with the world
//! stopped (stw.rs). The dumps read each G's saved context, format into a small buffer on their
//! own frame and write with `print::gwrite`: they take no lock and allocate nothing
//! (traceback.rs never allocates).

use core::sync::atomic::Ordering;

use crate::proc::{
    sched, wait, G_DEAD, G_IDLE, G_RUNNABLE, G_SYSCALL, LOCKED_IDLE, MAIN_G, PANICKING,
    WAIT_REASONS,
};
use crate::sched::G;

/// Under SCHED.lock, when an M goes idle: if no M is running Go code or looking for it and no
/// timer is pending, nothing can ever happen again.
pub(crate) unsafe fn checkdead() {
    // A library's C program may call into Go at any time (gc's islibrary/isarchive).
    #[cfg(not(test))]
    if crate::libinit::is_library() {
        return;
    }
    let s = sched();
    let run = s.mcount as isize - s.nmidle as isize - LOCKED_IDLE.load(Ordering::Relaxed) as isize;
    if run > 0 || PANICKING.load(Ordering::Relaxed) != 0 {
        return;
    }
    if crate::timer::pending() {
        return;
    }
    if PANICKING.swap(1, Ordering::SeqCst) != 0 {
        return;
    }
    // The main goroutine's G is recycled when it exits through runtime.Goexit.
    if (*MAIN_G).status.load(Ordering::Relaxed) == G_DEAD || (*MAIN_G).goid != 1 {
        crate::print::gwrite(
            b"fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n",
        );
        crate::panic::exit(2);
    }
    crate::print::gwrite(b"fatal error: all goroutines are asleep - deadlock!\n");
    print_all_goroutines();
    crate::panic::exit(2)
}

/// sysmon fired the last pending timer: if every M is idle by now, nothing else will look.
pub fn checkdead_sysmon() {
    let s = sched();
    s.lock.lock();
    unsafe { checkdead() };
    s.lock.unlock();
}

/// The waiting goroutines' headers and tracebacks, the main goroutine first (gc's order).
unsafe fn print_all_goroutines() {
    if !MAIN_G.is_null() {
        print_waiting(MAIN_G);
    }
    let mut g = sched().allg;
    while !g.is_null() {
        if g != MAIN_G && (*g).status.load(Ordering::Relaxed) != G_DEAD {
            print_waiting(g);
        }
        g = (*g).alllink;
    }
}

/// Every goroutine but `except` that is not dead, in creation order (runtime.Stack with
/// all = true, after the caller's own). The world is stopped.
pub(crate) unsafe fn print_goroutines_except(except: *mut G) {
    let mut g = sched().allg;
    while !g.is_null() {
        if g != except {
            print_waiting(g);
        }
        g = (*g).alllink;
    }
}

unsafe fn print_waiting(g: *mut G) {
    let st = (*g).status.load(Ordering::Relaxed);
    if st == G_DEAD || st == G_IDLE {
        return;
    }
    let mut b = crate::print::Buf::<96>::new();
    b.push_bytes(b"\ngoroutine ");
    b.int((*g).goid);
    b.push_bytes(b" [");
    let r = if st == G_RUNNABLE {
        wait::RUNNABLE
    } else if st == G_SYSCALL {
        wait::SYSCALL
    } else {
        (*g).waitreason
    };
    b.push_bytes(WAIT_REASONS[r as usize]);
    if !(*g).lockedm.is_null() {
        b.push_bytes(b", locked to thread");
    }
    b.push_bytes(b"]:\n");
    crate::print::gwrite(b.as_bytes());
    crate::traceback::traceback(g, (*g).sched.pc, (*g).sched.bp, false);
    crate::traceback::print_created_by(&*g);
}
