//! Runtime locks and notes, on Linux futexes (gc's lock_futex.go, in miniature).
//!
//! * `Mutex` protects short critical sections in runtime code (the scheduler's global state,
//!   a channel). Holding one, code must not park its goroutine, call into Go code or allocate
//!   through anything that could take the same lock. It spins briefly, then sleeps in the
//!   kernel; it is usable on any stack (a futex call needs no stack to speak of).
//! * `Note` is a one-shot wakeup an M sleeps on when it has nothing to run (`notesleep` on
//!   g0) and another M rings (`notewakeup`). `noteclear` re-arms it.

use core::sync::atomic::{AtomicU32, Ordering};

const UNLOCKED: u32 = 0;
const LOCKED: u32 = 1;
/// Locked, and some thread may be sleeping on the futex: unlock must wake one.
const SLEEPING: u32 = 2;

unsafe fn futex_wait(addr: &AtomicU32, val: u32, timeout_ns: i64) {
    let ts;
    let tsp = if timeout_ns >= 0 {
        ts = libc::timespec {
            tv_sec: timeout_ns / 1_000_000_000,
            tv_nsec: timeout_ns % 1_000_000_000,
        };
        &ts as *const libc::timespec
    } else {
        core::ptr::null()
    };
    libc::syscall(
        libc::SYS_futex,
        addr as *const AtomicU32,
        libc::FUTEX_WAIT | libc::FUTEX_PRIVATE_FLAG,
        val,
        tsp,
    );
}

unsafe fn futex_wake(addr: &AtomicU32, n: i32) {
    libc::syscall(
        libc::SYS_futex,
        addr as *const AtomicU32,
        libc::FUTEX_WAKE | libc::FUTEX_PRIVATE_FLAG,
        n,
    );
}

#[repr(C)]
pub struct Mutex {
    key: AtomicU32,
}

impl Default for Mutex {
    fn default() -> Self {
        Self::new()
    }
}

impl Mutex {
    pub const fn new() -> Mutex {
        Mutex {
            key: AtomicU32::new(UNLOCKED),
        }
    }

    #[inline]
    pub fn lock(&self) {
        if self
            .key
            .compare_exchange(UNLOCKED, LOCKED, Ordering::Acquire, Ordering::Relaxed)
            .is_ok()
        {
            return;
        }
        self.lock_slow();
    }

    #[cold]
    fn lock_slow(&self) {
        // Spin a little: critical sections are short and the owner is usually running.
        for _ in 0..100 {
            if self.key.load(Ordering::Relaxed) == UNLOCKED
                && self
                    .key
                    .compare_exchange(UNLOCKED, LOCKED, Ordering::Acquire, Ordering::Relaxed)
                    .is_ok()
            {
                return;
            }
            core::hint::spin_loop();
        }
        // Announce a sleeper; whoever unlocks wakes one.
        while self.key.swap(SLEEPING, Ordering::Acquire) != UNLOCKED {
            unsafe { futex_wait(&self.key, SLEEPING, -1) };
        }
    }

    #[inline]
    pub fn unlock(&self) {
        if self.key.swap(UNLOCKED, Ordering::Release) == SLEEPING {
            unsafe { futex_wake(&self.key, 1) };
        }
    }
}

/// A one-shot event for one sleeping M.
#[repr(C)]
pub struct Note {
    key: AtomicU32,
}

impl Default for Note {
    fn default() -> Self {
        Self::new()
    }
}

impl Note {
    pub const fn new() -> Note {
        Note {
            key: AtomicU32::new(0),
        }
    }

    pub fn clear(&self) {
        self.key.store(0, Ordering::Relaxed);
    }

    pub fn wakeup(&self) {
        if self.key.swap(1, Ordering::SeqCst) == 0 {
            unsafe { futex_wake(&self.key, 1) };
        }
    }

    /// Sleeps until `wakeup`. On g0 (it blocks the thread).
    pub fn sleep(&self) {
        while self.key.load(Ordering::SeqCst) == 0 {
            unsafe { futex_wait(&self.key, 0, -1) };
        }
    }

    /// Sleeps until `wakeup` or `ns` nanoseconds passed; true if woken.
    pub fn sleep_for(&self, ns: i64) -> bool {
        if self.key.load(Ordering::SeqCst) == 0 {
            unsafe { futex_wait(&self.key, 0, ns) };
        }
        self.key.load(Ordering::SeqCst) != 0
    }
}
