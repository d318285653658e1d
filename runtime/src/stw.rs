//! Stop the world (seed 004): `stop_the_world`/`start_the_world`, for runtime.GC (there is no
//! collector yet, but the stop is real), runtime.GOMAXPROCS(n) and runtime.Stack with all =
//! true (traceback.rs).
//!
//! `GCWAITING` is set, idle Ps are moved to a stopped list at once, Ps whose M is in a system
//! call are taken with a CAS (the M waits for a P when back), and the running ones are asked to
//! yield (`stackguard0 = STACK_PREEMPT`) every 100 µs until each has come through the
//! scheduler, which parks its M instead of finding work (`gcstopm`); a P given up meanwhile goes
//! to the stopped list (`pidleput_or_stop`). Restarting may change the number of Ps (created on
//! demand up to `MAX_PROCS`, never freed, since sysmon reads them without a lock; Ps beyond the
//! new count move their goroutines to the global queue; the caller trades its P for P0 if its
//! own is retired).
//!
//! Who runs where: `stop_the_world`, `start_the_world` and `gcstopm` run on g0; the first two
//! hold a P. `pidleput_or_stop` runs wherever an M gives up a P: on g0, or on sysmon's thread
//! when `retake` hands off the P of an M blocked in a system call.
//!
//! Requests for the world queue (gc's `worldsema`): a goroutine takes the world semaphore
//! with `world_acquire` on its own stack, before it switches to g0 to stop the world, and
//! gives it back with `world_release` after the restart. Waiting there, it parks like any
//! goroutine blocked on a semaphore, and its P is free to be stopped by the request in
//! progress; a lock taken on g0 instead would keep the waiter's P running, and the world
//! could never stop (two goroutines calling runtime.GC at once deadlocked that way).
//!
//! Lock order: the world semaphore is held from the stop to the end of the restart;
//! `SCHED.lock` is taken under it, and guards `STOPWAIT` and `PSTOPPED`. Only `start_the_world` allocates (on g0): the
//! Ps that GOMAXPROCS asks for the first time.

use core::ptr;
use core::sync::atomic::{AtomicU32, Ordering};

use crate::lock::Note;
use crate::proc::{
    acquirep, allp, gomaxprocs, newp, pidleget, pidleput, preemptone, releasep, sched, startm,
    stopm, wakep, ALLP, GOMAXPROCS, MAX_PROCS, P, P_IDLE, P_SYSCALL,
};
use crate::runq::{globrunqput, runqempty, runqget};
use crate::sched::{self, current_m, M};

/// runtime.GC. There is no collector yet, but a collection's stop-the-world is done for real:
/// every other P is stopped and started again.
#[no_mangle]
pub unsafe extern "C" fn gorc_gc() {
    world_acquire();
    sched::systemstack(|| {
        let m = current_m();
        stop_the_world(m);
        start_the_world(m, gomaxprocs());
    });
    world_release();
}

/// The world semaphore (gc's `worldsema`): 1 when nobody is stopping the world.
static mut WORLDSEMA: u32 = 1;

/// Waits for the right to stop the world, parked as a goroutine blocked on a semaphore. On the
/// goroutine's stack, before switching to g0 for `stop_the_world`.
pub(crate) unsafe fn world_acquire() {
    crate::sema::semacquire(ptr::addr_of_mut!(WORLDSEMA), crate::proc::wait::SEMACQUIRE);
}

/// Hands the right to stop the world to the next goroutine waiting for it, after
/// `start_the_world`. On the goroutine's stack.
pub(crate) unsafe fn world_release() {
    crate::sema::semrelease(ptr::addr_of_mut!(WORLDSEMA));
}

/// Set while a stop-the-world is in progress: Ms entering the scheduler give up their P.
pub(crate) static GCWAITING: AtomicU32 = AtomicU32::new(0);
/// Ps still to stop (under SCHED.lock).
static mut STOPWAIT: usize = 0;
/// Stopped Ps (under SCHED.lock), linked through `P.link`.
static mut PSTOPPED: *mut P = ptr::null_mut();
static STOPNOTE: Note = Note::new();

/// Under SCHED.lock: a P that its M gives up goes to the idle list, or, while the world is
/// being stopped, to the stopped list.
pub(crate) unsafe fn pidleput_or_stop(p: *mut P) {
    if GCWAITING.load(Ordering::SeqCst) != 0 {
        (*p).link = PSTOPPED;
        PSTOPPED = p;
        STOPWAIT -= 1;
        if STOPWAIT == 0 {
            STOPNOTE.wakeup();
        }
    } else {
        pidleput(p);
    }
}

/// The world is stopping: give up the P and sleep until the world starts again (then some M
/// hands us a P). On g0.
pub(crate) unsafe fn gcstopm(m: *mut M) {
    if (*m).spinning {
        (*m).spinning = false;
        sched().nmspinning.fetch_sub(1, Ordering::SeqCst);
    }
    let p = releasep(m);
    let s = sched();
    s.lock.lock();
    pidleput_or_stop(p);
    s.lock.unlock();
    stopm(m);
}

/// Stops every P but the caller's: idle Ps at once, running ones by preemption requests,
/// repeated every 100 µs until all have stopped. On g0, holding a P and the world semaphore
/// (`world_acquire`).
pub(crate) unsafe fn stop_the_world(m: *mut M) {
    let s = sched();
    s.lock.lock();
    GCWAITING.store(1, Ordering::SeqCst);
    STOPWAIT = gomaxprocs() - 1;
    loop {
        let p = pidleget();
        if p.is_null() {
            break;
        }
        (*p).link = PSTOPPED;
        PSTOPPED = p;
        STOPWAIT -= 1;
    }
    let mut wait = STOPWAIT > 0;
    s.lock.unlock();
    while wait {
        for i in 0..gomaxprocs() {
            let p = allp(i);
            if p == (*m).p {
                continue;
            }
            if (*p)
                .status
                .compare_exchange(P_SYSCALL, P_IDLE, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
            {
                // Its M is in a system call: the P stops now, the M waits for a P when back.
                (*p).m.store(ptr::null_mut(), Ordering::Release);
                s.lock.lock();
                pidleput_or_stop(p);
                s.lock.unlock();
                continue;
            }
            preemptone(p);
        }
        STOPNOTE.sleep_for(100_000);
        STOPNOTE.clear();
        s.lock.lock();
        wait = STOPWAIT > 0;
        s.lock.unlock();
    }
}

/// Restarts the world with `procs` Ps: Ps beyond that hand their queued goroutines to the
/// global queue and stay stopped; the others go back to the idle list or, with work queued,
/// to an M. On g0, holding a P.
pub(crate) unsafe fn start_the_world(m: *mut M, procs: usize) {
    let s = sched();
    s.lock.lock();
    let mut stopped = PSTOPPED;
    PSTOPPED = ptr::null_mut();
    // Growing: new Ps, or ones retired by an earlier shrink (their queues are empty), join
    // the stopped ones.
    for i in gomaxprocs()..procs {
        if allp(i).is_null() {
            *ALLP.add(i) = newp(i);
        }
        let p = allp(i);
        (*p).link = stopped;
        stopped = p;
    }
    GOMAXPROCS = procs;
    // Our own P may be beyond the new count: trade it for P0 (stopped, so in the list).
    let mine = (*m).p;
    if (*mine).id >= procs {
        let p0 = allp(0);
        let mut link: *mut *mut P = &mut stopped;
        while *link != p0 {
            link = &mut (**link).link;
        }
        *link = (*p0).link;
        (*mine).link = stopped;
        stopped = mine;
        releasep(m);
        acquirep(m, p0);
    }
    let mut start: [*mut P; MAX_PROCS] = [ptr::null_mut(); MAX_PROCS];
    let mut nstart = 0;
    while !stopped.is_null() {
        let p = stopped;
        stopped = (*p).link;
        if (*p).id >= procs {
            // Retired: its goroutines go to the global queue.
            loop {
                let g = runqget(p);
                if g.is_null() {
                    break;
                }
                globrunqput(g);
            }
        } else if runqempty(p) {
            pidleput(p);
        } else {
            start[nstart] = p;
            nstart += 1;
        }
    }
    GCWAITING.store(0, Ordering::SeqCst);
    s.lock.unlock();
    for &p in &start[..nstart] {
        startm(p, false);
    }
    wakep();
}
