//! Timers (gc's runtime/time.go, with one global heap instead of one per P).
//!
//! A timer is a record `Timer { when, period, f, arg, i, status }` that lives in its owner's
//! memory: inside package time's `Timer`/`Ticker` (their `runtimeTimer` field, on the Go heap),
//! or in `gorc_sleep`'s frame on the sleeping goroutine's stack (stacks never move). The runtime
//! keeps pointers to the started records in a binary min-heap ordered by `when`, under one lock;
//! nothing is allocated per timer (the heap's vector grows on g0, amortised).
//!
//! **Who fires them.** sysmon (sysmon.rs) sleeps until the earliest `when` (or less), then
//! `run`s the due timers: a one-shot timer leaves the heap, a periodic one is pushed forward by
//! whole periods past `now` (gc's catch-up rule: ticks a slow reader misses are dropped), and
//! its callback `f(arg)` is called with the lock released. A goroutine adding a timer earlier
//! than every other one wakes sysmon.
//!
//! **Callback contract.** `f` runs on sysmon's thread: its own pthread stack (256 KiB), with no
//! M, no P and no current goroutine, so it never runs Go code and must not block (runtime
//! mutexes for short sections are fine). The callbacks are: `ready_g` (time.Sleep: `proc::ready`
//! puts the sleeper on the global run queue), `send_time` (time.Timer/Ticker: a non-blocking send
//! of `time.Now()` on the timer's 1-element channel, gc's `sendTime`), and `go_func`
//! (time.AfterFunc: starts a goroutine running the func, gc's `goFunc`, via
//! `proc::newproc_nop`). The record must not be touched once the lock is released: a sleeper
//! may return (and its frame vanish) as soon as it is readied, so `f` and `arg` are copied first.
//!
//! **Entry points from Go** (`gorc_starttimer`, `gorc_stoptimer`, `gorc_resettimer`,
//! `gorc_modtimer`, `gorc_sleep`) run on the goroutine stack; anything that may grow the heap's
//! vector runs on g0 (`sched::systemstack`). Stop and Reset never wait for a callback: the
//! record's status changes under the lock before `f` runs (as in gc), so Stop of a timer whose
//! callback is in flight returns false.
//!
//! **Deadlock detection.** `pending()` is true while some timer is in the heap or a callback is
//! in flight; `deadlock::checkdead` then keeps quiet. Stopped timers leave the heap at once, so
//! they no longer count. When sysmon's firing empties the heap, it runs `checkdead` itself (every M
//! may be idle already, and no M would look again).
//!
//! Lock order: no runtime lock is taken under `TIMERS.lock` (callbacks run without it; growing
//! the heap's vector may take the C allocator's). A
//! sleeper holds it from pushing its timer until it is parked (gopark's unlock function), so
//! sysmon can never ready a goroutine that has not finished parking.
//!
//! A future collector must treat the heap as roots: a started timer fires even when nothing
//! else references its `time.Timer`.

use core::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

use crate::lock::Mutex;
use crate::proc::{self, wait};
use crate::sched::{self, G};

/// A timer callback: `f(arg)` with the data word of the record's `arg`. On sysmon's thread.
pub type TimerFn = unsafe extern "C" fn(arg: usize);

/// Not in the heap: never started, fired (one-shot), or stopped.
const T_IDLE: u32 = 0;
/// In the heap at index `i`.
const T_WAITING: u32 = 1;

/// The timer record; package time's `runtimeTimer` has the same layout.
#[repr(C)]
pub struct Timer {
    pub when: i64,
    /// > 0: fire again every `period` ns (a Ticker).
    pub period: i64,
    /// A `TimerFn`; 0 in a Go Timer that was never initialised.
    pub f: usize,
    /// Go's `arg any`: its type word (unused here) and data word (passed to `f`).
    pub arg_type: usize,
    pub arg: usize,
    /// Index in the heap while `status == T_WAITING` (under the lock).
    pub i: usize,
    pub status: u32,
}

const _: () = {
    assert!(core::mem::offset_of!(Timer, f) == 16);
    assert!(core::mem::offset_of!(Timer, arg) == 32);
    assert!(core::mem::offset_of!(Timer, status) == 48);
    assert!(core::mem::size_of::<Timer>() == 56);
};

struct Timers {
    lock: Mutex,
    /// Started timers, a binary min-heap by `when`; each knows its index. Under `lock`.
    heap: core::cell::UnsafeCell<Vec<*mut Timer>>,
    /// The heap's length, readable without the lock.
    len: AtomicUsize,
    /// The earliest `when` (i64::MAX: none), readable without the lock (sysmon reads it every
    /// round).
    head: AtomicI64,
    /// Callbacks taken from the heap and not finished yet.
    running: AtomicUsize,
}

unsafe impl Sync for Timers {}

static TIMERS: Timers = Timers {
    lock: Mutex::new(),
    heap: core::cell::UnsafeCell::new(Vec::new()),
    len: AtomicUsize::new(0),
    head: AtomicI64::new(i64::MAX),
    running: AtomicUsize::new(0),
};

/// Whether some timer may still fire (deadlock detection must wait for it).
pub fn pending() -> bool {
    TIMERS.running.load(Ordering::SeqCst) > 0 || TIMERS.len.load(Ordering::SeqCst) > 0
}

/// Under the lock.
unsafe fn heap() -> &'static mut Vec<*mut Timer> {
    &mut *TIMERS.heap.get()
}

/// Publishes the heap's length and earliest `when`. Under the lock, after every change.
unsafe fn published(h: &[*mut Timer]) {
    TIMERS.len.store(h.len(), Ordering::SeqCst);
    let w = h.first().map_or(i64::MAX, |&t| (*t).when);
    TIMERS.head.store(w, Ordering::SeqCst);
}

/// Whether `t` is in the heap. The index is checked too: a copy of a started Timer (Go lets
/// one copy the struct) claims to be waiting, at its original's index.
unsafe fn waiting(t: *mut Timer) -> bool {
    let h = heap();
    (*t).status == T_WAITING && (*t).i < h.len() && h[(*t).i] == t
}

#[inline]
unsafe fn when(h: &[*mut Timer], i: usize) -> i64 {
    (*h[i]).when
}

#[inline]
unsafe fn set(h: &mut [*mut Timer], i: usize, t: *mut Timer) {
    h[i] = t;
    (*t).i = i;
}

unsafe fn sift_up(h: &mut [*mut Timer], mut i: usize) {
    let t = h[i];
    let w = (*t).when;
    while i > 0 {
        let p = (i - 1) / 2;
        if when(h, p) <= w {
            break;
        }
        set(h, i, h[p]);
        i = p;
    }
    set(h, i, t);
}

unsafe fn sift_down(h: &mut [*mut Timer], mut i: usize) {
    let n = h.len();
    let t = h[i];
    let w = (*t).when;
    loop {
        let l = 2 * i + 1;
        if l >= n {
            break;
        }
        let mut c = l;
        if l + 1 < n && when(h, l + 1) < when(h, l) {
            c = l + 1;
        }
        if w <= when(h, c) {
            break;
        }
        set(h, i, h[c]);
        i = c;
    }
    set(h, i, t);
}

/// Adds `t` to the heap; true if it is now the earliest. Under the lock, on g0 (may grow the
/// vector).
unsafe fn add(t: *mut Timer) -> bool {
    if (*t).when < 0 {
        (*t).when = i64::MAX;
    }
    let h = heap();
    h.push(t);
    let n = h.len();
    sift_up(h, n - 1);
    (*t).status = T_WAITING;
    published(h);
    (*t).i == 0
}

/// Removes the waiting timer `t` from the heap. Under the lock; allocates nothing.
unsafe fn remove(t: *mut Timer) {
    let h = heap();
    let i = (*t).i;
    let last = h.pop().unwrap();
    if i < h.len() {
        set(h, i, last);
        sift_down(h, i);
        sift_up(h, (*last).i);
    }
    (*t).status = T_IDLE;
    published(h);
}

/// `t.when` changed: restores the heap order. Under the lock.
unsafe fn fix(t: *mut Timer) {
    let h = heap();
    sift_down(h, (*t).i);
    sift_up(h, (*t).i);
    published(h);
}

unsafe fn unlock_timers(_g: *mut G, _arg: *mut u8) -> bool {
    TIMERS.lock.unlock();
    true
}

/// time.Sleep(ns): the timer record is in this frame; the goroutine parks until sysmon readies
/// it. On the goroutine stack; the heap grows on g0.
#[no_mangle]
pub unsafe extern "C" fn gorc_sleep(ns: i64) {
    if ns <= 0 {
        return;
    }
    let g = sched::current_g();
    let mut t = Timer {
        when: proc::nanotime().saturating_add(ns),
        period: 0,
        f: ready_g as TimerFn as usize,
        arg_type: 0,
        arg: g as usize,
        i: 0,
        status: T_IDLE,
    };
    let tp: *mut Timer = &mut t;
    TIMERS.lock.lock();
    let mut earliest = false;
    sched::systemstack(|| earliest = add(tp));
    if earliest {
        crate::sysmon::wake();
    }
    // The lock is released once we are parked; `t` lives until sysmon readies us.
    proc::gopark(Some(unlock_timers), core::ptr::null_mut(), wait::SLEEP);
}

/// time's startTimer: starts the (not started) timer `t`.
#[no_mangle]
pub unsafe extern "C" fn gorc_starttimer(t: *mut Timer) {
    TIMERS.lock.lock();
    let mut earliest = false;
    if !waiting(t) {
        sched::systemstack(|| earliest = add(t));
    }
    TIMERS.lock.unlock();
    if earliest {
        crate::sysmon::wake();
    }
}

/// time's stopTimer: true if `t` was waiting (this call stopped it), false if it had fired
/// already or been stopped.
#[no_mangle]
pub unsafe extern "C" fn gorc_stoptimer(t: *mut Timer) -> bool {
    TIMERS.lock.lock();
    let was = waiting(t);
    if was {
        remove(t);
    }
    TIMERS.lock.unlock();
    was
}

/// time's modTimer: `t` fires at `when` (then every `period` if > 0), whether it was waiting,
/// fired or stopped. Returns whether it was waiting.
#[no_mangle]
pub unsafe extern "C" fn gorc_modtimer(t: *mut Timer, when: i64, period: i64) -> bool {
    TIMERS.lock.lock();
    let was = waiting(t);
    (*t).period = period;
    let mut earliest = false;
    if was {
        (*t).when = if when < 0 { i64::MAX } else { when };
        fix(t);
        earliest = (*t).i == 0;
    } else {
        (*t).when = when;
        sched::systemstack(|| earliest = add(t));
    }
    TIMERS.lock.unlock();
    if earliest {
        crate::sysmon::wake();
    }
    was
}

/// time's resetTimer: `modtimer` keeping the period.
#[no_mangle]
pub unsafe extern "C" fn gorc_resettimer(t: *mut Timer, when: i64) -> bool {
    gorc_modtimer(t, when, (*t).period)
}

/// The earliest `when`, if any timer is waiting (one that would fire in 292 years does not
/// count). Without the lock.
pub fn next_when() -> Option<i64> {
    let w = TIMERS.head.load(Ordering::SeqCst);
    (w != i64::MAX).then_some(w)
}

/// Fires the timers due at `now`; returns how many. On sysmon's thread.
pub unsafe fn run(now: i64) -> usize {
    let mut fired = 0;
    loop {
        TIMERS.lock.lock();
        let h = heap();
        let t = match h.first() {
            Some(&t) if (*t).when <= now => t,
            _ => {
                TIMERS.lock.unlock();
                return fired;
            }
        };
        // Copied now: once the lock is released the record may be changed or gone.
        let (f, arg) = ((*t).f, (*t).arg);
        // Counted as running before it leaves the heap, so `pending` never blinks off.
        TIMERS.running.fetch_add(1, Ordering::SeqCst);
        if (*t).period > 0 {
            // The next tick after now, skipping the ones missed.
            let p = (*t).period;
            let missed = (now - (*t).when) / p;
            let w = (*t)
                .when
                .saturating_add(p.saturating_mul(missed.saturating_add(1)));
            (*t).when = w;
            sift_down(h, 0);
            published(h);
        } else {
            remove(t);
        }
        TIMERS.lock.unlock();
        if f != 0 {
            let f: TimerFn = core::mem::transmute::<usize, TimerFn>(f);
            f(arg);
        }
        TIMERS.running.fetch_sub(1, Ordering::SeqCst);
        fired += 1;
    }
}

// ---------------------------------------------------------------------------------------------
// Callbacks (on sysmon's thread: see the contract above)
// ---------------------------------------------------------------------------------------------

/// time.Sleep's: the sleeper (parked, since the lock was held until it was) becomes runnable.
unsafe extern "C" fn ready_g(g: usize) {
    proc::ready(g as *mut G);
}

/// time's sendTime: `select { case c <- Now(): default: }`. The value is package time's
/// `Time{wall, mono}` (two int64s; keep in step with stdlib/time/time.go).
unsafe extern "C" fn send_time(c: usize) {
    let c = c as *mut crate::chan::HChan;
    if c.is_null() || (*c).elemsize != 16 {
        return;
    }
    let now: [i64; 2] = [gorc_walltime(), proc::nanotime()];
    // The channel is the timer's own, never closed (its send side is not exported).
    crate::chan::chansend(c, now.as_ptr() as *const u8, false);
}

/// time's goFunc: `go f()`, as if from package time's (never called) `goFunc`, which
/// tracebacks then name as the goroutine's creator (`created by time.goFunc`), as gc's do.
unsafe extern "C" fn go_func(f: usize) {
    if f != 0 {
        proc::newproc_nop(f, GOFUNC_PC.load(Ordering::Relaxed));
    }
}

/// A pc inside package time's `goFunc`.
static GOFUNC_PC: AtomicUsize = AtomicUsize::new(0);

/// time's sendTime callback, as a `runtimeTimer.f`.
#[no_mangle]
pub extern "C" fn gorc_timer_sendtime() -> usize {
    send_time as TimerFn as usize
}

/// time's goFunc callback, as a `runtimeTimer.f`; `creator` is a pc inside time.goFunc.
#[no_mangle]
pub extern "C" fn gorc_timer_gofunc(creator: usize) -> usize {
    GOFUNC_PC.store(creator, Ordering::Relaxed);
    go_func as TimerFn as usize
}

/// time.Now's monotonic reading (ns).
#[no_mangle]
pub extern "C" fn gorc_nanotime() -> i64 {
    proc::nanotime()
}

/// time.Now's wall clock: ns since the Unix epoch.
#[no_mangle]
pub extern "C" fn gorc_walltime() -> i64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut ts) };
    ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The heap is ordered and every record knows its index.
    unsafe fn check() {
        let h = heap();
        for (i, &t) in h.iter().enumerate() {
            assert_eq!((*t).i, i);
            assert_eq!((*t).status, T_WAITING);
            if i > 0 {
                assert!((*h[(i - 1) / 2]).when <= (*t).when);
            }
        }
        assert_eq!(TIMERS.len.load(Ordering::SeqCst), h.len());
        let head = h.first().map_or(i64::MAX, |&t| (*t).when);
        assert_eq!(TIMERS.head.load(Ordering::SeqCst), head);
    }

    fn record(when: i64, period: i64) -> Box<Timer> {
        Box::new(Timer {
            when,
            period,
            f: 0,
            arg_type: 0,
            arg: 0,
            i: 0,
            status: T_IDLE,
        })
    }

    // One test: the heap is global.
    #[test]
    fn start_stop_reset_fire() {
        unsafe {
            let mut ts: Vec<Box<Timer>> = (0..2000)
                .map(|_| record(1 + (crate::alg::fastrand() % 1000) as i64, 0))
                .collect();
            for t in ts.iter_mut() {
                gorc_starttimer(&mut **t);
            }
            check();
            // Stop every third; stopping again reports false.
            for t in ts.iter_mut().step_by(3) {
                assert!(gorc_stoptimer(&mut **t));
                assert!(!gorc_stoptimer(&mut **t));
            }
            check();
            // A copy of a started record is not in the heap.
            let mut copy = Timer { ..*ts[1] };
            assert!(!gorc_stoptimer(&mut copy));
            check();
            // Move some earlier or later, re-arm some stopped ones.
            for (k, t) in ts.iter_mut().enumerate().step_by(5) {
                let was = (**t).status == T_WAITING;
                assert_eq!(gorc_resettimer(&mut **t, (k as i64 * 7919) % 1000 + 1), was);
            }
            check();
            // A periodic one keeps its place in the heap.
            let mut p = record(100, 300);
            gorc_starttimer(&mut *p);
            // Fire in stages: nothing due at 0, then everything up to 500, then the rest.
            assert_eq!(run(0), 0);
            let waiting = heap().len();
            let due = heap().iter().filter(|&&t| (*t).when <= 500).count();
            assert_eq!(run(500), due);
            check();
            assert_eq!(heap().len(), waiting - due + 1);
            assert_eq!(p.when, 700); // 100, then the next tick past 500
            assert!(pending());
            assert!(gorc_stoptimer(&mut *p));
            let left = heap().len();
            assert_eq!(run(1000), left);
            check();
            assert!(!pending());
            assert!(ts.iter().all(|t| t.status == T_IDLE));
        }
    }
}
