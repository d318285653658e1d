//! Channels (gc's chan.go): a lock, a ring buffer and two queues of waiting goroutines.
//!
//! ```text
//! offset  field
//! 0       qcount     elements in the buffer (len(c); compiled code may load it)
//! 8       dataqsiz   buffer capacity (cap(c))
//! 16      buf        the ring of dataqsiz elements (right after the HChan)
//! 24      elemsize
//! 32      elemtype
//! 40      sendx, recvx, closed, recvq, sendq, lock
//! ```
//!
//! A goroutine that cannot proceed enqueues a `Sudog` (in its own frame for plain sends and
//! receives: the frame stays put while the goroutine is parked, since stacks never move) and
//! parks; the channel's lock is released on g0 after its state is saved (`gopark`'s unlock
//! function), so the goroutine that dequeues the sudog — under the lock — is the only one that
//! may ready it. A sender that finds a waiting receiver copies the value straight into the
//! receiver's destination (`sudog.elem`, often in the receiver's frame), and vice versa: an
//! unbuffered exchange touches no buffer.
//!
//! Everything here runs on the goroutine stack and is leaf-sized (the sudog is a few words);
//! the lock is never held across a park or a panic.

use core::ptr;
use core::sync::atomic::Ordering;

use crate::lock::Mutex;
use crate::malloc::mallocgc;
use crate::proc::{self, wait};
use crate::sched::G;
use crate::types::TypeDesc;

/// A goroutine waiting on a channel (or on several, in select).
#[repr(C)]
pub struct Sudog {
    pub g: *mut G,
    pub next: *mut Sudog,
    pub prev: *mut Sudog,
    /// Where the value comes from (send) or goes (receive; may be null: discarded).
    pub elem: *mut u8,
    pub c: *mut HChan,
    /// Part of a select: the first waker to win `g.selectdone` owns the wakeup.
    pub is_select: bool,
    /// Set by the waker: true if a value was exchanged, false if the channel was closed.
    pub success: bool,
    /// Next sudog of the same select (select.rs), or the free list (`M.sudogcache`).
    pub waitlink: *mut Sudog,
}

impl Sudog {
    pub const fn new() -> Sudog {
        Sudog {
            g: ptr::null_mut(),
            next: ptr::null_mut(),
            prev: ptr::null_mut(),
            elem: ptr::null_mut(),
            c: ptr::null_mut(),
            is_select: false,
            success: false,
            waitlink: ptr::null_mut(),
        }
    }
}

impl Default for Sudog {
    fn default() -> Self {
        Self::new()
    }
}

#[repr(C)]
pub struct WaitQ {
    first: *mut Sudog,
    last: *mut Sudog,
}

impl WaitQ {
    pub unsafe fn enqueue(&mut self, sg: *mut Sudog) {
        (*sg).next = ptr::null_mut();
        (*sg).prev = self.last;
        if self.last.is_null() {
            self.first = sg;
        } else {
            (*self.last).next = sg;
        }
        self.last = sg;
    }

    /// Removes `sg` (select's cleanup of the cases that did not fire).
    pub unsafe fn remove(&mut self, sg: *mut Sudog) {
        let (p, n) = ((*sg).prev, (*sg).next);
        if p.is_null() {
            if self.first != sg {
                return; // not queued (already dequeued by a waker)
            }
            self.first = n;
        } else {
            (*p).next = n;
        }
        if n.is_null() {
            self.last = p;
        } else {
            (*n).prev = p;
        }
        (*sg).next = ptr::null_mut();
        (*sg).prev = ptr::null_mut();
    }

    /// The first waiter that can be woken: a select waiter whose select another channel already
    /// won is dropped from the queue and skipped.
    pub unsafe fn dequeue(&mut self) -> *mut Sudog {
        loop {
            let sg = self.first;
            if sg.is_null() {
                return sg;
            }
            let n = (*sg).next;
            self.first = n;
            if n.is_null() {
                self.last = ptr::null_mut();
            } else {
                (*n).prev = ptr::null_mut();
            }
            (*sg).next = ptr::null_mut();
            (*sg).prev = ptr::null_mut();
            if (*sg).is_select
                && (*(*sg).g)
                    .selectdone
                    .compare_exchange(0, 1, Ordering::AcqRel, Ordering::Relaxed)
                    .is_err()
            {
                continue;
            }
            return sg;
        }
    }
}

#[repr(C)]
pub struct HChan {
    pub qcount: usize,
    pub dataqsiz: usize,
    pub buf: *mut u8,
    pub elemsize: usize,
    pub elemtype: *const TypeDesc,
    pub sendx: usize,
    pub recvx: usize,
    pub closed: bool,
    pub recvq: WaitQ,
    pub sendq: WaitQ,
    pub lock: Mutex,
}

const _: () = {
    assert!(core::mem::offset_of!(HChan, qcount) == 0);
    assert!(core::mem::offset_of!(HChan, dataqsiz) == 8);
};

/// The allocation descriptor of an HChan (its pointers: buf, elemtype, the queues' sudogs
/// live on stacks or in the runtime's caches, so only buf matters to a collector).
static HCHAN_GCDATA: [u8; 1] = [0b100];
static HCHAN_TYPE: TypeDesc = {
    let mut t = crate::types::basic(
        core::mem::size_of::<HChan>(),
        crate::types::KIND_STRUCT,
        b"runtime.hchan",
    );
    t.ptrdata = 24;
    t.align = 8;
    t.gcdata = &HCHAN_GCDATA as *const [u8; 1] as *const u8;
    t
};

/// `make(chan T, size)`; `elem` is T's descriptor.
#[no_mangle]
pub unsafe extern "C" fn gorc_makechan(elem: *const TypeDesc, size: i64) -> *mut HChan {
    let es = (*elem).size;
    let mem = (size as u64 as usize).checked_mul(es);
    if size < 0 || mem.is_none_or(|m| m > crate::malloc::MAX_ALLOC - 128) {
        crate::panic::panic_plain(b"makechan: size out of range");
    }
    let c = mallocgc(core::mem::size_of::<HChan>(), &HCHAN_TYPE) as *mut HChan;
    let mem = mem.unwrap();
    (*c).buf = if mem == 0 {
        ptr::addr_of_mut!(crate::malloc::gorc_zerobase) as *mut u8
    } else {
        mallocgc(mem, elem)
    };
    (*c).dataqsiz = size as usize;
    (*c).elemsize = es;
    (*c).elemtype = elem;
    c
}

#[inline]
unsafe fn slot(c: *mut HChan, i: usize) -> *mut u8 {
    (*c).buf.add(i * (*c).elemsize)
}

#[inline]
unsafe fn copy_elem(c: *mut HChan, dst: *mut u8, src: *const u8) {
    if !dst.is_null() && (*c).elemsize != 0 {
        ptr::copy_nonoverlapping(src, dst, (*c).elemsize);
    }
}

#[inline]
unsafe fn zero_elem(c: *mut HChan, dst: *mut u8) {
    if !dst.is_null() && (*c).elemsize != 0 {
        ptr::write_bytes(dst, 0, (*c).elemsize);
    }
}

/// gopark's unlock function for a channel.
pub unsafe fn unlock_chan(_g: *mut G, c: *mut u8) -> bool {
    (*(c as *mut HChan)).lock.unlock();
    true
}

/// Parks forever (an operation on a nil channel, `select {}`).
pub unsafe fn block_forever(reason: u8) -> ! {
    loop {
        proc::gopark(None, ptr::null_mut(), reason);
    }
}

/// Hands `ep`'s value to the waiting receiver `sg` and readies it. Called with c locked;
/// unlocks it.
pub unsafe fn send_to(c: *mut HChan, sg: *mut Sudog, ep: *const u8) {
    if (*c).dataqsiz == 0 || (*c).qcount == 0 {
        copy_elem(c, (*sg).elem, ep);
    }
    (*sg).success = true;
    let g = (*sg).g;
    (*g).param = sg as usize;
    (*c).lock.unlock();
    proc::ready(g);
}

/// Takes the value of the waiting sender `sg` (unbuffered) or the buffer's head, refilling
/// the buffer from `sg` (full buffer), into `ep`, and readies the sender. Called with c
/// locked; unlocks it.
pub unsafe fn recv_from(c: *mut HChan, sg: *mut Sudog, ep: *mut u8) {
    if (*c).dataqsiz == 0 {
        copy_elem(c, ep, (*sg).elem);
    } else {
        // The buffer is full: the head goes to the receiver, the sender's value to the tail
        // (which is the same slot).
        let q = slot(c, (*c).recvx);
        copy_elem(c, ep, q);
        copy_elem(c, q, (*sg).elem);
        (*c).recvx += 1;
        if (*c).recvx == (*c).dataqsiz {
            (*c).recvx = 0;
        }
        (*c).sendx = (*c).recvx;
    }
    (*sg).success = true;
    let g = (*sg).g;
    (*g).param = sg as usize;
    (*c).lock.unlock();
    proc::ready(g);
}

/// Buffer has room: c locked, stays locked.
pub unsafe fn buf_send(c: *mut HChan, ep: *const u8) {
    copy_elem(c, slot(c, (*c).sendx), ep);
    (*c).sendx += 1;
    if (*c).sendx == (*c).dataqsiz {
        (*c).sendx = 0;
    }
    (*c).qcount += 1;
}

/// Buffer has an element: c locked, stays locked.
pub unsafe fn buf_recv(c: *mut HChan, ep: *mut u8) {
    let q = slot(c, (*c).recvx);
    copy_elem(c, ep, q);
    zero_elem(c, q);
    (*c).recvx += 1;
    if (*c).recvx == (*c).dataqsiz {
        (*c).recvx = 0;
    }
    (*c).qcount -= 1;
}

#[cold]
fn panic_send_closed() -> ! {
    crate::panic::panic_plain(b"send on closed channel")
}

/// `c <- *ep`. Returns false only if `block` is false and the send could not proceed.
pub unsafe fn chansend(c: *mut HChan, ep: *const u8, block: bool) -> bool {
    if c.is_null() {
        if !block {
            return false;
        }
        block_forever(wait::CHAN_SEND_NIL);
    }
    if !block && !(*c).closed && full(c) {
        return false;
    }
    (*c).lock.lock();
    if (*c).closed {
        (*c).lock.unlock();
        panic_send_closed();
    }
    let sg = (*c).recvq.dequeue();
    if !sg.is_null() {
        send_to(c, sg, ep);
        return true;
    }
    if (*c).qcount < (*c).dataqsiz {
        buf_send(c, ep);
        (*c).lock.unlock();
        return true;
    }
    if !block {
        (*c).lock.unlock();
        return false;
    }
    let mut sg = Sudog::new();
    sg.g = crate::sched::current_g();
    sg.elem = ep as *mut u8;
    sg.c = c;
    (*c).sendq.enqueue(&mut sg);
    proc::gopark(Some(unlock_chan), c as *mut u8, wait::CHAN_SEND);
    // Readied by a receiver (success) or by close.
    if !ptr::read_volatile(&sg.success) {
        panic_send_closed();
    }
    true
}

unsafe fn full(c: *mut HChan) -> bool {
    if (*c).dataqsiz == 0 {
        return (*c).recvq.first.is_null();
    }
    (*c).qcount == (*c).dataqsiz
}

unsafe fn empty(c: *mut HChan) -> bool {
    if (*c).dataqsiz == 0 {
        return (*c).sendq.first.is_null();
    }
    (*c).qcount == 0
}

/// `*ep = <-c` (ep may be null). Returns (selected, received): received is false when the
/// value is the zero value of a closed channel; selected is false only if `block` is false and
/// nothing was ready.
pub unsafe fn chanrecv(c: *mut HChan, ep: *mut u8, block: bool) -> (bool, bool) {
    if c.is_null() {
        if !block {
            return (false, false);
        }
        block_forever(wait::CHAN_RECEIVE_NIL);
    }
    if !block && empty(c) && !(*c).closed {
        return (false, false);
    }
    (*c).lock.lock();
    if (*c).closed && (*c).qcount == 0 {
        (*c).lock.unlock();
        zero_elem(c, ep);
        return (true, false);
    }
    let sg = (*c).sendq.dequeue();
    if !sg.is_null() {
        recv_from(c, sg, ep);
        return (true, true);
    }
    if (*c).qcount > 0 {
        buf_recv(c, ep);
        (*c).lock.unlock();
        return (true, true);
    }
    if !block {
        (*c).lock.unlock();
        return (false, false);
    }
    let mut sg = Sudog::new();
    sg.g = crate::sched::current_g();
    sg.elem = ep;
    sg.c = c;
    (*c).recvq.enqueue(&mut sg);
    proc::gopark(Some(unlock_chan), c as *mut u8, wait::CHAN_RECEIVE);
    (true, ptr::read_volatile(&sg.success))
}

/// `c <- v` from compiled code: `ep` points to the value.
#[no_mangle]
pub unsafe extern "C" fn gorc_chansend(c: *mut HChan, ep: *const u8) {
    chansend(c, ep, true);
}

/// `<-c` / `v, ok := <-c`: the value goes to `ep` (null: discarded); returns ok.
#[no_mangle]
pub unsafe extern "C" fn gorc_chanrecv(c: *mut HChan, ep: *mut u8) -> bool {
    chanrecv(c, ep, true).1
}

/// `close(c)`.
#[no_mangle]
pub unsafe extern "C" fn gorc_closechan(c: *mut HChan) {
    if c.is_null() {
        crate::panic::panic_plain(b"close of nil channel");
    }
    (*c).lock.lock();
    if (*c).closed {
        (*c).lock.unlock();
        crate::panic::panic_plain(b"close of closed channel");
    }
    (*c).closed = true;
    // Collect every waiter, then ready them without the lock.
    let mut list: *mut Sudog = ptr::null_mut();
    loop {
        let sg = (*c).recvq.dequeue();
        if sg.is_null() {
            break;
        }
        zero_elem(c, (*sg).elem);
        (*sg).success = false;
        (*sg).waitlink = list;
        (*(*sg).g).param = sg as usize;
        list = sg;
    }
    loop {
        let sg = (*c).sendq.dequeue();
        if sg.is_null() {
            break;
        }
        (*sg).success = false;
        (*sg).waitlink = list;
        (*(*sg).g).param = sg as usize;
        list = sg;
    }
    (*c).lock.unlock();
    while !list.is_null() {
        // Read the link before readying: the sudog may be gone once its goroutine runs.
        let next = (*list).waitlink;
        proc::ready((*list).g);
        list = next;
    }
}

/// `len(c)` (nil: 0).
#[no_mangle]
pub unsafe extern "C" fn gorc_chanlen(c: *mut HChan) -> i64 {
    if c.is_null() {
        0
    } else {
        ptr::read_volatile(&(*c).qcount) as i64
    }
}

/// `cap(c)` (nil: 0).
#[no_mangle]
pub unsafe extern "C" fn gorc_chancap(c: *mut HChan) -> i64 {
    if c.is_null() {
        0
    } else {
        (*c).dataqsiz as i64
    }
}
