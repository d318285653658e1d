//! Semaphores for sync (gc's sema.go, simplified): `semacquire(addr)` waits until `*addr > 0`
//! and decrements it; `semrelease(addr)` increments it and wakes one waiter, first come first
//! served. Waiters hang in one of `BUCKETS` FIFO lists chosen by the address, each under its
//! own lock; a parked waiter's sudog lives in its own frame (stacks never move).
//!
//! Lost wakeups are impossible: a waiter counts itself in `nwait` and re-checks the semaphore
//! under the bucket lock before parking, and a releaser that sees `nwait > 0` takes the lock
//! to look for it. The lock is released by gopark on g0, after the waiter's state is saved.

use core::ptr;
use core::sync::atomic::{AtomicU32, Ordering};

use crate::chan::Sudog;
use crate::lock::Mutex;
use crate::proc::{self, wait};
use crate::sched::{self, G};

const BUCKETS: usize = 251;

struct Bucket {
    lock: Mutex,
    nwait: AtomicU32,
    // Under lock: waiters of every address hashing here, oldest first (`Sudog.elem` = addr).
    first: core::cell::Cell<*mut Sudog>,
    last: core::cell::Cell<*mut Sudog>,
}

unsafe impl Sync for Bucket {}

#[allow(clippy::declare_interior_mutable_const)]
const EMPTY: Bucket = Bucket {
    lock: Mutex::new(),
    nwait: AtomicU32::new(0),
    first: core::cell::Cell::new(ptr::null_mut()),
    last: core::cell::Cell::new(ptr::null_mut()),
};
static TABLE: [Bucket; BUCKETS] = [EMPTY; BUCKETS];

fn bucket(addr: *mut u32) -> &'static Bucket {
    &TABLE[(addr as usize >> 3) % BUCKETS]
}

fn cansemacquire(addr: &AtomicU32) -> bool {
    let mut v = addr.load(Ordering::SeqCst);
    while v > 0 {
        match addr.compare_exchange(v, v - 1, Ordering::SeqCst, Ordering::SeqCst) {
            Ok(_) => return true,
            Err(x) => v = x,
        }
    }
    false
}

unsafe fn unlock_bucket(_g: *mut G, b: *mut u8) -> bool {
    (*(b as *const Bucket)).lock.unlock();
    true
}

/// Waits until `*addr > 0`, then decrements it. `reason`: the wait reason for tracebacks.
pub unsafe fn semacquire(addr: *mut u32, reason: u8) {
    let a = &*(addr as *const AtomicU32);
    if cansemacquire(a) {
        return;
    }
    let b = bucket(addr);
    let mut s = Sudog::new();
    loop {
        b.lock.lock();
        b.nwait.fetch_add(1, Ordering::SeqCst);
        if cansemacquire(a) {
            b.nwait.fetch_sub(1, Ordering::SeqCst);
            b.lock.unlock();
            return;
        }
        s.g = sched::current_g();
        s.elem = addr as *mut u8;
        s.next = ptr::null_mut();
        s.success = false;
        let last = b.last.get();
        if last.is_null() {
            b.first.set(&mut s);
        } else {
            (*last).next = &mut s;
        }
        b.last.set(&mut s);
        proc::gopark(Some(unlock_bucket), b as *const Bucket as *mut u8, reason);
        // semrelease handed us the count directly (success), or we compete again.
        if ptr::read_volatile(&s.success) || cansemacquire(a) {
            return;
        }
    }
}

/// Increments `*addr` and wakes the longest waiter on it, handing the count over.
pub unsafe fn semrelease(addr: *mut u32) {
    let a = &*(addr as *const AtomicU32);
    a.fetch_add(1, Ordering::SeqCst);
    let b = bucket(addr);
    if b.nwait.load(Ordering::SeqCst) == 0 {
        return;
    }
    b.lock.lock();
    if b.nwait.load(Ordering::SeqCst) == 0 {
        b.lock.unlock();
        return;
    }
    let mut prev: *mut Sudog = ptr::null_mut();
    let mut s = b.first.get();
    while !s.is_null() && (*s).elem != addr as *mut u8 {
        prev = s;
        s = (*s).next;
    }
    if s.is_null() {
        b.lock.unlock();
        return;
    }
    let next = (*s).next;
    if prev.is_null() {
        b.first.set(next);
    } else {
        (*prev).next = next;
    }
    if b.last.get() == s {
        b.last.set(prev);
    }
    b.nwait.fetch_sub(1, Ordering::SeqCst);
    // Hand the count to the waiter if it is still there.
    (*s).success = cansemacquire(a);
    let g = (*s).g;
    b.lock.unlock();
    proc::ready(g);
}

/// sync's runtime_Semacquire (WaitGroup.Wait and friends).
#[no_mangle]
pub unsafe extern "C" fn gorc_semacquire(addr: *mut u32) {
    semacquire(addr, wait::SEMACQUIRE)
}

/// sync.Mutex's slow path.
#[no_mangle]
pub unsafe extern "C" fn gorc_semacquire_mutex(addr: *mut u32) {
    semacquire(addr, wait::MUTEX_LOCK)
}

/// sync.Cond.Wait.
#[no_mangle]
pub unsafe extern "C" fn gorc_semacquire_cond(addr: *mut u32) {
    semacquire(addr, wait::COND_WAIT)
}

#[no_mangle]
pub unsafe extern "C" fn gorc_semrelease(addr: *mut u32) {
    semrelease(addr)
}

/// `fatal error: msg` for sync's unrecoverable misuse (gc's throw from sync).
#[no_mangle]
pub unsafe extern "C" fn gorc_sync_fatal(code: i64) -> ! {
    match code {
        0 => crate::panic::throw(b"sync: unlock of unlocked mutex"),
        1 => crate::panic::throw(b"sync: RUnlock of unlocked RWMutex"),
        _ => crate::panic::throw(b"sync: Unlock of unlocked RWMutex"),
    }
}
