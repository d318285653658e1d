//! `select` (gc's select.go). The compiler builds an array of cases — the sends first, then
//! the receives, each `{channel, element pointer}` — and calls `gorc_selectgo`, which returns
//! the index of the case that ran (or -1 for `default`) and, for a receive, whether a value
//! was received.
//!
//! 1. Cases on nil channels are dropped; the others are visited in a random order (the poll
//!    order), which makes the choice among ready cases fair.
//! 2. All channels are locked in address order (each once), and the cases polled: the first
//!    ready one runs, exactly as a plain send or receive would.
//! 3. Nothing ready and no default: a sudog (from the M's cache) is queued on every channel,
//!    linked through `waitlink`, and the goroutine parks; parking unlocks the channels. The
//!    first waker that wins the CAS on `g.selectdone` (chan.rs, `WaitQ::dequeue`) completes
//!    its operation with our sudog and records it in `g.param`; later wakers skip us.
//! 4. Woken: the channels are locked again, the other sudogs dequeued and recycled.
//!
//! Runs on the goroutine stack; the order arrays live in the frame for up to `SMALL` cases,
//! else on the heap.

use core::ptr;
use core::sync::atomic::Ordering;

use crate::chan::{self, HChan, Sudog};
use crate::proc::{self, wait};
use crate::sched::{self, G};

#[repr(C)]
pub struct Scase {
    pub c: *mut HChan,
    pub elem: *mut u8,
}

/// (chosen case or -1, received) in rax:rdx.
#[repr(C)]
pub struct SelectResult {
    pub chosen: i64,
    pub recv_ok: bool,
}

const SMALL: usize = 16;

unsafe fn acquire_sudog() -> *mut Sudog {
    let m = sched::current_m();
    let s = (*m).sudogcache;
    if !s.is_null() {
        (*m).sudogcache = (*s).waitlink;
        *s = Sudog::new();
        return s;
    }
    let s = crate::malloc::mallocgc(core::mem::size_of::<Sudog>(), ptr::null()) as *mut Sudog;
    s.write(Sudog::new());
    s
}

unsafe fn release_sudog(s: *mut Sudog) {
    let m = sched::current_m();
    (*s).waitlink = (*m).sudogcache;
    (*m).sudogcache = s;
}

unsafe fn sellock(cases: *const Scase, lockorder: &[u16]) {
    let mut last: *mut HChan = ptr::null_mut();
    for &i in lockorder {
        let c = (*cases.add(i as usize)).c;
        if c != last {
            (*c).lock.lock();
            last = c;
        }
    }
}

unsafe fn selunlock(cases: *const Scase, lockorder: &[u16]) {
    // Unlock in reverse, each channel once (lockorder is sorted, duplicates adjacent).
    for k in (0..lockorder.len()).rev() {
        let c = (*cases.add(lockorder[k] as usize)).c;
        if k > 0 && (*cases.add(lockorder[k - 1] as usize)).c == c {
            continue;
        }
        (*c).lock.unlock();
    }
}

struct Park {
    cases: *const Scase,
    lockorder: *const u16,
    n: usize,
}

unsafe fn selparkcommit(_g: *mut G, arg: *mut u8) -> bool {
    let p = &*(arg as *const Park);
    selunlock(p.cases, core::slice::from_raw_parts(p.lockorder, p.n));
    true
}

/// `select {}`.
#[no_mangle]
pub unsafe extern "C" fn gorc_block() -> ! {
    chan::block_forever(wait::SELECT_NO_CASES)
}

#[no_mangle]
pub unsafe extern "C" fn gorc_selectgo(
    cases: *mut Scase,
    nsends: i64,
    nrecvs: i64,
    block: bool,
) -> SelectResult {
    let ncases = (nsends + nrecvs) as usize;
    let nsends = nsends as usize;
    let mut small = [0u16; 2 * SMALL];
    let orders: &mut [u16] = if ncases <= SMALL {
        &mut small[..2 * ncases]
    } else {
        core::slice::from_raw_parts_mut(
            crate::malloc::mallocgc(4 * ncases, ptr::null()) as *mut u16,
            2 * ncases,
        )
    };
    let (pollorder, lockorder) = orders.split_at_mut(ncases);

    // Random poll order over the non-nil cases (inside-out Fisher-Yates).
    let mut norder = 0;
    for i in 0..ncases {
        if (*cases.add(i)).c.is_null() {
            continue;
        }
        let j = (crate::alg::fastrand() % (norder as u64 + 1)) as usize;
        pollorder[norder] = pollorder[j];
        pollorder[j] = i as u16;
        norder += 1;
    }
    let pollorder = &pollorder[..norder];
    // Lock order: by channel address (insertion sort; selects are small).
    let lockorder = &mut lockorder[..norder];
    lockorder.copy_from_slice(pollorder);
    for i in 1..norder {
        let x = lockorder[i];
        let cx = (*cases.add(x as usize)).c as usize;
        let mut j = i;
        while j > 0 && (*cases.add(lockorder[j - 1] as usize)).c as usize > cx {
            lockorder[j] = lockorder[j - 1];
            j -= 1;
        }
        lockorder[j] = x;
    }
    let lockorder: &[u16] = lockorder;

    sellock(cases, lockorder);

    // Pass 1: anything ready?
    for &i in pollorder {
        let i = i as usize;
        let cs = &*cases.add(i);
        let c = cs.c;
        if i < nsends {
            if (*c).closed {
                selunlock(cases, lockorder);
                crate::panic::panic_plain(b"send on closed channel");
            }
            let sg = (*c).recvq.dequeue();
            if !sg.is_null() {
                // send_to unlocks c; unlock the others.
                unlock_except(cases, lockorder, c);
                chan::send_to(c, sg, cs.elem);
                return SelectResult {
                    chosen: i as i64,
                    recv_ok: false,
                };
            }
            if (*c).qcount < (*c).dataqsiz {
                chan::buf_send(c, cs.elem);
                selunlock(cases, lockorder);
                return SelectResult {
                    chosen: i as i64,
                    recv_ok: false,
                };
            }
        } else {
            let sg = (*c).sendq.dequeue();
            if !sg.is_null() {
                unlock_except(cases, lockorder, c);
                chan::recv_from(c, sg, cs.elem);
                return SelectResult {
                    chosen: i as i64,
                    recv_ok: true,
                };
            }
            if (*c).qcount > 0 {
                chan::buf_recv(c, cs.elem);
                selunlock(cases, lockorder);
                return SelectResult {
                    chosen: i as i64,
                    recv_ok: true,
                };
            }
            if (*c).closed {
                if !cs.elem.is_null() && (*c).elemsize != 0 {
                    ptr::write_bytes(cs.elem, 0, (*c).elemsize);
                }
                selunlock(cases, lockorder);
                return SelectResult {
                    chosen: i as i64,
                    recv_ok: false,
                };
            }
        }
    }

    if !block {
        selunlock(cases, lockorder);
        return SelectResult {
            chosen: -1,
            recv_ok: false,
        };
    }

    // Pass 2: wait on every channel.
    let g = sched::current_g();
    (*g).selectdone.store(0, Ordering::Release);
    (*g).param = 0;
    let mut head: *mut Sudog = ptr::null_mut();
    let mut tail: *mut Sudog = ptr::null_mut();
    for &i in lockorder {
        let cs = &*cases.add(i as usize);
        let sg = acquire_sudog();
        (*sg).g = g;
        (*sg).is_select = true;
        (*sg).elem = cs.elem;
        (*sg).c = cs.c;
        if tail.is_null() {
            head = sg;
        } else {
            (*tail).waitlink = sg;
        }
        tail = sg;
        if (i as usize) < nsends {
            (*cs.c).sendq.enqueue(sg);
        } else {
            (*cs.c).recvq.enqueue(sg);
        }
    }
    let park = Park {
        cases,
        lockorder: lockorder.as_ptr(),
        n: lockorder.len(),
    };
    proc::gopark(
        Some(selparkcommit),
        &park as *const Park as *mut u8,
        wait::SELECT,
    );

    // Pass 3: woken by the case whose sudog is g.param; dequeue the others.
    sellock(cases, lockorder);
    let fired = ptr::read_volatile(&(*g).param) as *mut Sudog;
    (*g).param = 0;
    let mut chosen = -1i64;
    let mut recv_ok = false;
    let mut sg = head;
    for &i in lockorder {
        let next = (*sg).waitlink;
        if sg == fired {
            chosen = i as i64;
            recv_ok = (*sg).success;
        } else {
            let c = (*cases.add(i as usize)).c;
            if (i as usize) < nsends {
                (*c).sendq.remove(sg);
            } else {
                (*c).recvq.remove(sg);
            }
        }
        release_sudog(sg);
        sg = next;
    }
    selunlock(cases, lockorder);
    if chosen < 0 {
        crate::panic::throw(b"selectgo: bad wakeup");
    }
    if (chosen as usize) < nsends && !recv_ok {
        // A send case woken by close.
        crate::panic::panic_plain(b"send on closed channel");
    }
    SelectResult { chosen, recv_ok }
}

/// Unlocks every locked channel but `keep`.
unsafe fn unlock_except(cases: *const Scase, lockorder: &[u16], keep: *mut HChan) {
    let mut last: *mut HChan = ptr::null_mut();
    for &i in lockorder {
        let c = (*cases.add(i as usize)).c;
        if c != last {
            if c != keep {
                (*c).lock.unlock();
            }
            last = c;
        }
    }
}
