//! Timers: the goroutines sleeping in `time.Sleep`, in a min-heap by wake time under one lock.
//! sysmon (sysmon.rs) sleeps until the earliest one is due and readies it; no thread per
//! sleeper. A goroutine adding a timer earlier than all others wakes sysmon.
//!
//! Lock order: `TIMERS.lock` is taken before nothing else; it is held from pushing the timer
//! until the sleeper is parked (gopark's unlock function), so sysmon can never ready a
//! goroutine that has not finished parking.

use core::sync::atomic::{AtomicUsize, Ordering};

use crate::lock::Mutex;
use crate::proc::{self, wait};
use crate::sched::{self, G};

struct Timers {
    lock: Mutex,
    /// (when in ns of CLOCK_MONOTONIC, goroutine), a binary min-heap; under `lock`.
    heap: core::cell::UnsafeCell<Vec<(i64, *mut G)>>,
    len: AtomicUsize,
}

unsafe impl Sync for Timers {}

static TIMERS: Timers = Timers {
    lock: Mutex::new(),
    heap: core::cell::UnsafeCell::new(Vec::new()),
    len: AtomicUsize::new(0),
};

/// Whether some goroutine sleeps (deadlock detection must wait for it).
pub fn pending() -> bool {
    TIMERS.len.load(Ordering::SeqCst) > 0
}

unsafe fn heap() -> &'static mut Vec<(i64, *mut G)> {
    &mut *TIMERS.heap.get()
}

fn sift_up(h: &mut [(i64, *mut G)], mut i: usize) {
    while i > 0 {
        let p = (i - 1) / 2;
        if h[p].0 <= h[i].0 {
            break;
        }
        h.swap(p, i);
        i = p;
    }
}

fn sift_down(h: &mut [(i64, *mut G)], mut i: usize) {
    loop {
        let l = 2 * i + 1;
        if l >= h.len() {
            break;
        }
        let mut m = l;
        if l + 1 < h.len() && h[l + 1].0 < h[l].0 {
            m = l + 1;
        }
        if h[i].0 <= h[m].0 {
            break;
        }
        h.swap(i, m);
        i = m;
    }
}

unsafe fn unlock_timers(_g: *mut G, _arg: *mut u8) -> bool {
    TIMERS.lock.unlock();
    true
}

/// time.Sleep(ns). On the goroutine stack; the heap grows on g0.
#[no_mangle]
pub unsafe extern "C" fn gorc_sleep(ns: i64) {
    if ns <= 0 {
        return;
    }
    let g = sched::current_g();
    let when = proc::nanotime().saturating_add(ns);
    TIMERS.lock.lock();
    let mut earliest = false;
    sched::systemstack(|| {
        let h = heap();
        earliest = h.first().is_none_or(|t| when < t.0);
        h.push((when, g));
        let n = h.len();
        sift_up(h, n - 1);
        TIMERS.len.store(n, Ordering::SeqCst);
    });
    if earliest {
        crate::sysmon::wake();
    }
    proc::gopark(Some(unlock_timers), core::ptr::null_mut(), wait::SLEEP);
}

/// The earliest wake time, if any.
pub fn next_when() -> Option<i64> {
    TIMERS.lock.lock();
    let w = unsafe { heap().first().map(|t| t.0) };
    TIMERS.lock.unlock();
    w
}

/// Readies the goroutines whose time has come. On sysmon's thread.
pub unsafe fn fire(now: i64) {
    loop {
        TIMERS.lock.lock();
        let h = heap();
        let g = match h.first() {
            Some(&(when, g)) if when <= now => {
                let last = h.pop().unwrap();
                if !h.is_empty() {
                    h[0] = last;
                    sift_down(h, 0);
                }
                TIMERS.len.store(h.len(), Ordering::SeqCst);
                g
            }
            _ => {
                TIMERS.lock.unlock();
                return;
            }
        };
        TIMERS.lock.unlock();
        proc::ready(g);
    }
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
