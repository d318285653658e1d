//! sysmon: the monitor thread (seed 004). It runs on its own OS thread without an M or a P
//! (it never runs Go code) and, every couple of milliseconds,
//!
//! * asks a goroutine that has been running for more than 10 ms to yield (`proc::retake`:
//!   `stackguard0 = STACK_PREEMPT`, which its next prologue or loop back-edge notices), and
//! * readies the sleepers whose timers are due (timer.rs), sleeping exactly until the next one
//!   when that is sooner.

use crate::lock::Note;
use core::sync::atomic::Ordering;

/// A goroutine running longer than this is asked to yield (gc's forcePreemptNS).
const PREEMPT_NS: i64 = 10_000_000;
/// sysmon's tick.
const TICK_NS: i64 = 2_000_000;

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

/// A new earliest timer: re-evaluate how long to sleep.
pub fn wake() {
    NOTE.wakeup();
}

extern "C" fn sysmon(_: *mut libc::c_void) -> *mut libc::c_void {
    unsafe {
        loop {
            if crate::proc::PANICKING.load(Ordering::Relaxed) != 0 {
                loop {
                    libc::pause();
                }
            }
            let now = crate::proc::nanotime();
            crate::timer::fire(now);
            crate::proc::retake(now, PREEMPT_NS);
            let mut delay = TICK_NS;
            if let Some(w) = crate::timer::next_when() {
                delay = delay.min((w - now).max(0));
            }
            if delay > 0 {
                NOTE.sleep_for(delay);
            }
            NOTE.clear();
        }
    }
}
