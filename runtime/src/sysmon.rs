//! sysmon: the monitor thread (seed 004; gc's sysmon). It runs on its own OS thread (a 256 KiB
//! pthread stack) without an M or a P, never runs Go code, and in a loop
//!
//! * fires the due timers (timer.rs: their callbacks run here, with the contract written
//!   there), and, when that leaves no timer pending, lets `checkdead` look for a deadlock;
//! * asks a goroutine that has been running for more than 10 ms to yield (`proc::retake`:
//!   `stackguard0 = STACK_PREEMPT`, which its next prologue or loop back-edge notices), and
//!   takes the Ps of Ms blocked in system calls.
//!
//! Between rounds it sleeps gc's back-off delay: 20 µs while it keeps finding Ps to take, then,
//! after 50 rounds with nothing to do, doubling up to 10 ms — and never past the earliest timer.
//! When every P is idle nothing can need preempting, so it sleeps until the earliest timer, or
//! without limit when there is none, until woken: by `wake`, which a goroutine adding a timer
//! earlier than all others calls, and which `proc::pidleget` calls when a P stops being idle
//! (the only way Go code starts running again: an M takes an idle P).

use crate::lock::Note;
use core::sync::atomic::Ordering;

/// A goroutine running longer than this is asked to yield (gc's forcePreemptNS).
const PREEMPT_NS: i64 = 10_000_000;
/// The back-off: first delay, longest delay (µs), and the idle rounds before it grows.
const DELAY_MIN_US: i64 = 20;
const DELAY_MAX_US: i64 = 10_000;
const IDLE_ROUNDS: u32 = 50;

static NOTE: Note = Note::new();

pub unsafe fn start() {
    let mut tid: libc::pthread_t = 0;
    let mut attr: libc::pthread_attr_t = core::mem::zeroed();
    libc::pthread_attr_init(&mut attr);
    libc::pthread_attr_setstacksize(&mut attr, 256 << 10);
    libc::pthread_attr_setdetachstate(&mut attr, libc::PTHREAD_CREATE_DETACHED);
    if libc::pthread_create(&mut tid, &attr, sysmon, core::ptr::null_mut()) != 0 {
        crate::panic::throw_str(b"runtime: failed to create the sysmon thread\n");
    }
    libc::pthread_attr_destroy(&mut attr);
}

/// Re-evaluates how long to sleep (a new earliest timer, or a P became busy). Any thread, any
/// stack (one futex call).
pub fn wake() {
    NOTE.wakeup();
}

extern "C" fn sysmon(_: *mut libc::c_void) -> *mut libc::c_void {
    unsafe {
        let mut idle: u32 = 0;
        let mut delay: i64 = DELAY_MIN_US;
        loop {
            if idle == 0 {
                delay = DELAY_MIN_US;
            } else if idle > IDLE_ROUNDS {
                delay *= 2;
            }
            delay = delay.min(DELAY_MAX_US);
            let now = crate::proc::nanotime();
            let mut sleep = delay * 1000;
            if let Some(w) = crate::timer::next_when() {
                sleep = sleep.min(w - now);
            }
            if sleep > 0 {
                NOTE.sleep_for(sleep);
            }
            // Cleared before anything is looked at: a wakeup from now on is seen by the next
            // sleep.
            NOTE.clear();
            if crate::proc::PANICKING.load(Ordering::Relaxed) != 0 {
                loop {
                    libc::pause();
                }
            }
            let mut now = crate::proc::nanotime();
            if crate::proc::sysmon_wait_begin() {
                // Every P is idle: sleep until the next timer is due or until woken.
                let woken = match crate::timer::next_when() {
                    None => {
                        NOTE.sleep();
                        true
                    }
                    Some(w) if w > now => NOTE.sleep_for(w - now),
                    Some(_) => false,
                };
                NOTE.clear();
                crate::proc::sysmon_wait_end();
                if woken {
                    idle = 0;
                }
                now = crate::proc::nanotime();
            }
            if crate::timer::run(now) > 0 && !crate::timer::pending() {
                crate::deadlock::checkdead_sysmon();
            }
            if crate::proc::retake(now, PREEMPT_NS) > 0 {
                idle = 0;
            } else {
                idle = idle.saturating_add(1);
            }
        }
    }
}
