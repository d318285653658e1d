//! Run queues: the global one in `SCHED` and each P's local one (gc's proc.go run-queue
//! functions).
//!
//! * A P's local queue is gc's lock-free ring of `RUNQ` slots: only the owner pushes (tail),
//!   anyone pops (CAS on head) and thieves (`runqsteal`, from `findrunnable`) take half.
//!   `runnext` holds the goroutine just readied by the running one (a channel partner), so a
//!   ping-pong pair stays on one P and hands off without queueing.
//! * The global queue is a list through `g.schedlink`, under `SCHED.lock`; its size is an
//!   atomic, read on fast paths without the lock.
//!
//! Who runs where: `runqput` runs on its caller's stack, and `ready` runs on goroutine stacks,
//! so it must fit in the guard area (tests/stack_budget.rs). When the local queue is full,
//! `runqputslow` moves half of it and the new G to the global queue: its batch is a 1 KiB
//! array, too big for the guard area of a goroutine stack, so it runs on g0 (`systemstack`).
//! The other functions run on g0, or on sysmon's thread, which has no M or P (its timers put
//! goroutines on the global queue; `retake` looks at local queues).
//!
//! Lock order: `SCHED.lock` is the only lock here. `globrunqput` and `globrunqget` run under it
//! (the caller's); `runqputslow` takes it itself. `globrunqget` moves its share with `runqput`,
//! into a local queue that `findrunnable` has just found empty (at most `RUNQ / 2` Gs), so that
//! never reaches the slow path. Nothing here allocates.

use core::ptr;
use core::sync::atomic::Ordering;

use crate::proc::{gomaxprocs, sched, Sched, P};
use crate::sched::{self, G};

/// Slots in a P's local run queue.
pub(crate) const RUNQ: usize = 256;

/// Under SCHED.lock.
pub(crate) unsafe fn globrunqput(g: *mut G) {
    let s = sched();
    (*g).schedlink = ptr::null_mut();
    if s.runqtail.is_null() {
        s.runqhead = g;
    } else {
        (*s.runqtail).schedlink = g;
    }
    s.runqtail = g;
    s.runqsize.fetch_add(1, Ordering::SeqCst);
}

/// Under SCHED.lock: one G for `p`, and a fair share more moved to its local queue.
pub(crate) unsafe fn globrunqget(p: *mut P, max: usize) -> *mut G {
    let s = sched();
    let size = s.runqsize.load(Ordering::Relaxed);
    if size == 0 {
        return ptr::null_mut();
    }
    let mut n = (size / gomaxprocs() + 1).min(size).min(RUNQ / 2);
    if max > 0 {
        n = n.min(max);
    }
    let pop = |s: &mut Sched| {
        let g = s.runqhead;
        s.runqhead = (*g).schedlink;
        if s.runqhead.is_null() {
            s.runqtail = ptr::null_mut();
        }
        s.runqsize.fetch_sub(1, Ordering::SeqCst);
        g
    };
    let g = pop(s);
    for _ in 1..n {
        let g2 = pop(s);
        runqput(p, g2, false);
    }
    g
}

/// Puts `g` on `p`'s local queue (as runnext if `next`). Only `p`'s owner calls this.
pub unsafe fn runqput(p: *mut P, mut g: *mut G, next: bool) {
    let p = &*p;
    if next {
        let old = p.runnext.swap(g, Ordering::AcqRel);
        if old.is_null() {
            return;
        }
        g = old;
    }
    loop {
        let h = p.runqhead.load(Ordering::Acquire);
        let t = p.runqtail.load(Ordering::Relaxed);
        if t.wrapping_sub(h) < RUNQ as u32 {
            p.runq[t as usize % RUNQ].store(g, Ordering::Relaxed);
            p.runqtail.store(t.wrapping_add(1), Ordering::Release);
            return;
        }
        // The batch runqputslow moves is a 1 KiB array: too big for the guard area of a
        // goroutine stack (ready() runs there), so it runs on g0.
        let mut moved = false;
        sched::systemstack(|| moved = runqputslow(p, g, h, t));
        if moved {
            return;
        }
    }
}

/// The local queue is full: moves half of it and `g` to the global queue. On g0.
#[inline(never)]
unsafe fn runqputslow(p: &P, g: *mut G, h: u32, t: u32) -> bool {
    let n = t.wrapping_sub(h) / 2;
    let mut batch: [*mut G; RUNQ / 2 + 1] = [ptr::null_mut(); RUNQ / 2 + 1];
    for (i, b) in batch.iter_mut().enumerate().take(n as usize) {
        *b = p.runq[(h as usize + i) % RUNQ].load(Ordering::Relaxed);
    }
    if p.runqhead
        .compare_exchange(h, h.wrapping_add(n), Ordering::AcqRel, Ordering::Relaxed)
        .is_err()
    {
        return false;
    }
    batch[n as usize] = g;
    let s = sched();
    s.lock.lock();
    for &b in batch.iter().take(n as usize + 1) {
        globrunqput(b);
    }
    s.lock.unlock();
    true
}

/// Takes a G from `p`'s local queue (runnext first). Only the owner calls this.
pub(crate) unsafe fn runqget(p: *mut P) -> *mut G {
    let p = &*p;
    let next = p.runnext.load(Ordering::Relaxed);
    if !next.is_null()
        && p.runnext
            .compare_exchange(next, ptr::null_mut(), Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
    {
        return next;
    }
    loop {
        let h = p.runqhead.load(Ordering::Acquire);
        let t = p.runqtail.load(Ordering::Relaxed);
        if t == h {
            return ptr::null_mut();
        }
        let g = p.runq[h as usize % RUNQ].load(Ordering::Relaxed);
        if p.runqhead
            .compare_exchange(h, h.wrapping_add(1), Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
        {
            return g;
        }
    }
}

pub(crate) unsafe fn runqempty(p: *mut P) -> bool {
    let p = &*p;
    let h = p.runqhead.load(Ordering::SeqCst);
    let t = p.runqtail.load(Ordering::SeqCst);
    t == h && p.runnext.load(Ordering::SeqCst).is_null()
}

/// Steals half of `from`'s queue into `to`'s (whose owner is the caller); returns one of the
/// stolen Gs. `runnext` is taken only in the last round (it is usually about to run).
pub(crate) unsafe fn runqsteal(to: *mut P, from: *mut P, steal_next: bool) -> *mut G {
    let top = &*to;
    let f = &*from;
    let t = top.runqtail.load(Ordering::Relaxed);
    let n = loop {
        let h = f.runqhead.load(Ordering::Acquire);
        let ft = f.runqtail.load(Ordering::Acquire);
        let mut n = ft.wrapping_sub(h);
        n -= n / 2;
        if n == 0 {
            if steal_next {
                let next = f.runnext.load(Ordering::Acquire);
                if !next.is_null()
                    && f.runnext
                        .compare_exchange(
                            next,
                            ptr::null_mut(),
                            Ordering::AcqRel,
                            Ordering::Relaxed,
                        )
                        .is_ok()
                {
                    return next;
                }
            }
            return ptr::null_mut();
        }
        if n > (RUNQ / 2) as u32 {
            continue; // read an inconsistent h/t pair
        }
        for i in 0..n {
            let g = f.runq[(h.wrapping_add(i)) as usize % RUNQ].load(Ordering::Relaxed);
            top.runq[(t.wrapping_add(i)) as usize % RUNQ].store(g, Ordering::Relaxed);
        }
        if f.runqhead
            .compare_exchange(h, h.wrapping_add(n), Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
        {
            break n;
        }
    };
    let n = n - 1;
    let g = top.runq[(t.wrapping_add(n)) as usize % RUNQ].load(Ordering::Relaxed);
    if n > 0 {
        top.runqtail.store(t.wrapping_add(n), Ordering::Release);
    }
    g
}
