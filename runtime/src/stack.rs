//! Goroutine stacks: segments, and `newstack`, the g0 half of `gorc_morestack`.
//!
//! A segment is a region of memory with its header at the top:
//!
//! ```text
//!   base        lo                                                  hi = header    base+map_len
//!   | guard page | STACK_GUARD area | frames grow down ...  <- sp   | Segment header |
//! ```
//!
//! `g.stack_lo = lo`, `g.stack_hi = hi` (the header's address; frames live below it) and
//! `g.stackguard0 = lo + STACK_GUARD`. Only big grown segments are mappings of their own, with
//! a PROT_NONE page below `lo` that turns a runaway runtime frame into a fault the signal
//! handler reports as a stack overflow; first segments (with their G right above the header)
//! and small grown ones are carved from pooled chunks, side by side.
//!
//! When a prologue finds too little room and the assembly's fast path (arch) cannot simply
//! step into the cached next segment, `newstack` (on g0) makes the next segment current: the
//! one cached in `cur.next` if big enough, else a new one of at least twice the current size.
//! The function's stack arguments are copied to the top of the new segment, and the function's
//! body is called below them. Its return lands in `gorc_morestack_return`, which restores the
//! previous segment; the new one stays cached, so a call crossing the boundary in a loop never
//! allocates.
//!
//! The frame-pointer chain stays intact: the body is entered with rbp = the caller's rbp, so
//! its saved rbp links to the previous segment. Only its return address is the trampoline; the
//! real one is in the header (`ret_pc`), where the traceback finds it.

use core::ptr;

use crate::sched::G;
use crate::{FIRST_SEGMENT_SIZE, MAX_STACK, PAGE, STACK_GUARD, STACK_PREEMPT, STACK_SMALL};

/// The header at the top of every segment.
#[repr(C, align(16))]
#[derive(Debug)]
pub struct Segment {
    /// The segment below this one in the goroutine's stack (null for the first).
    pub prev: *mut Segment,
    /// Lowest usable address (just above the guard page).
    pub lo: usize,
    /// sp of the function entry that moved to this segment: `[saved_sp]` is the real return
    /// address, `gorc_morestack_return` resumes the caller there.
    pub saved_sp: usize,
    /// Cached next segment (kept after returning from it).
    pub next: *mut Segment,
    /// The real return address of the first frame on this segment (= `[saved_sp]`).
    pub ret_pc: usize,
    /// mmap base and length (guard page included).
    pub base: usize,
    pub map_len: usize,
    /// Usable bytes: header address + header size - lo.
    pub size: usize,
    /// Bytes of this segment and all below it.
    pub total: usize,
}

pub const HEADER: usize = core::mem::size_of::<Segment>();
/// Each segment added by growth has a PROT_NONE page below it, so that a runtime bug that
/// overruns the guard area faults (and is reported as a stack overflow) instead of corrupting
/// memory. It costs a VMA per segment, so first segments (one per goroutine) come from the
/// pool below without one (gc has no guard pages on goroutine stacks either).
const GUARD_PAGE: usize = PAGE;

/// Segments created since the program started, pooled or mapped (for tests and, later,
/// runtime statistics).
pub static SEGMENTS_MAPPED: core::sync::atomic::AtomicUsize =
    core::sync::atomic::AtomicUsize::new(0);

/// The number of stack segments mapped so far (the hot-split test checks it stays small).
#[no_mangle]
pub extern "C" fn gorc_selftest_segments() -> i64 {
    SEGMENTS_MAPPED.load(core::sync::atomic::Ordering::Relaxed) as i64
}

fn round_up(x: usize, a: usize) -> usize {
    (x + a - 1) & !(a - 1)
}

/// Maps a segment with `size` usable bytes (a multiple of the page size) plus a guard page.
/// Returns its header. Null if the system refuses the memory.
///
/// Runs on g0 or during startup.
pub unsafe fn alloc_segment(size: usize) -> *mut Segment {
    let size = round_up(size, PAGE);
    let map_len = size + GUARD_PAGE;
    let base = libc::mmap(
        ptr::null_mut(),
        map_len,
        libc::PROT_READ | libc::PROT_WRITE,
        libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
        -1,
        0,
    );
    if base == libc::MAP_FAILED {
        return ptr::null_mut();
    }
    let base = base as usize;
    SEGMENTS_MAPPED.fetch_add(1, core::sync::atomic::Ordering::Relaxed);
    libc::mprotect(base as *mut libc::c_void, GUARD_PAGE, libc::PROT_NONE);
    let hdr = (base + map_len - HEADER) as *mut Segment;
    hdr.write(Segment {
        prev: ptr::null_mut(),
        lo: base + GUARD_PAGE,
        saved_sp: 0,
        next: ptr::null_mut(),
        ret_pc: 0,
        base,
        map_len,
        size,
        total: size,
    });
    hdr
}

/// First segments, and grown segments up to the largest of `SEG_CLASSES`, come from big pooled
/// mappings without guard pages: a guard page splits every mapping into two VMAs, and Linux
/// allows 65,530 per process (`vm.max_map_count`), so 100,000 goroutines could not each have
/// one — nor 60,000 goroutines each grown by a segment. (gc has no guard pages either; the
/// guard *area* at the bottom of each segment still catches every Go frame.) A dead goroutine
/// keeps its first segment on the free G list; grown segments it no longer needs go to a free
/// list of their size class. Each M carves from its own chunk and keeps its own free lists:
/// no lock. Pooled segments have `map_len == 0` and are never unmapped.
const POOL_CHUNK: usize = 2 << 20;

/// Size classes of pooled grown segments; bigger ones are mapped one by one.
const SEG_CLASSES: [usize; 3] = [16 << 10, 32 << 10, 64 << 10];

thread_local! {
    static POOL: core::cell::Cell<(usize, usize)> = const { core::cell::Cell::new((0, 0)) };
    // Free pooled grown segments per class, linked through `prev`.
    static SEG_FREE: core::cell::Cell<[*mut Segment; 3]> =
        const { core::cell::Cell::new([ptr::null_mut(); 3]) };
}

/// `size` bytes (a multiple of 16, at most POOL_CHUNK) from this M's pool chunk.
unsafe fn pool_carve(size: usize) -> usize {
    POOL.with(|p| {
        let (mut next, mut end) = p.get();
        if next + size > end || next == 0 {
            let c = libc::mmap(
                ptr::null_mut(),
                POOL_CHUNK,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            );
            if c == libc::MAP_FAILED {
                crate::panic::throw_str(b"runtime: cannot allocate memory for a stack segment\n");
            }
            next = c as usize;
            end = next + POOL_CHUNK;
        }
        p.set((next + size, end));
        next
    })
}

/// Writes the header of a pooled segment of `size` bytes at `base`.
unsafe fn pooled_header(base: usize, size: usize) -> *mut Segment {
    let hdr = (base + size - HEADER) as *mut Segment;
    hdr.write(Segment {
        prev: ptr::null_mut(),
        lo: base,
        saved_sp: 0,
        next: ptr::null_mut(),
        ret_pc: 0,
        base,
        map_len: 0,
        size,
        total: size,
    });
    hdr
}

/// A first segment of `FIRST_SEGMENT_SIZE` bytes from the pool, followed by `extra` bytes
/// (the goroutine's G), which start at `header + HEADER`. First segments are not page
/// multiples: they sit side by side in the pool's chunks, so a blocked goroutine costs its
/// stack and G, not a page. Runs on g0 or during startup.
pub unsafe fn alloc_first_segment(extra: usize) -> *mut Segment {
    SEGMENTS_MAPPED.fetch_add(1, core::sync::atomic::Ordering::Relaxed);
    let base = pool_carve(FIRST_SEGMENT_SIZE + round_up(extra, 16));
    pooled_header(base, FIRST_SEGMENT_SIZE)
}

/// A segment for growth with at least `size` usable bytes: pooled (a size class, reused if
/// one is free) when small, else its own mapping with a guard page. Null if the system
/// refuses the memory. On g0.
pub unsafe fn alloc_grown_segment(size: usize) -> *mut Segment {
    let Some(class) = SEG_CLASSES.iter().position(|&c| c >= size) else {
        return alloc_segment(size);
    };
    let csize = SEG_CLASSES[class];
    let reused = SEG_FREE.with(|f| {
        let mut lists = f.get();
        let s = lists[class];
        if !s.is_null() {
            lists[class] = (*s).prev;
            f.set(lists);
        }
        s
    });
    let base = if reused.is_null() {
        SEGMENTS_MAPPED.fetch_add(1, core::sync::atomic::Ordering::Relaxed);
        pool_carve(csize)
    } else {
        (*reused).base
    };
    pooled_header(base, csize)
}

/// Releases `seg` and the segments cached above it: mapped ones are unmapped, pooled grown ones
/// go to this M's free list of their class.
pub unsafe fn free_chain(mut seg: *mut Segment) {
    while !seg.is_null() {
        let next = (*seg).next;
        if (*seg).map_len != 0 {
            libc::munmap((*seg).base as *mut libc::c_void, (*seg).map_len);
        } else if let Some(class) = SEG_CLASSES.iter().position(|&c| c == (*seg).size) {
            // A pooled grown segment: to this M's free list of its class.
            SEG_FREE.with(|f| {
                let mut lists = f.get();
                (*seg).prev = lists[class];
                lists[class] = seg;
                f.set(lists);
            });
        }
        seg = next;
    }
}

/// Would the prologue of a function with `frame` bytes pass with this sp and guard?
fn prologue_passes(sp: usize, frame: usize, guard: usize) -> bool {
    if frame <= STACK_SMALL {
        sp > guard
    } else {
        (sp + STACK_SMALL).wrapping_sub(frame) > guard && sp + STACK_SMALL >= frame
    }
}

/// The g0 half of `gorc_morestack` (see arch): decides between a preemption request and a
/// real growth, and returns the sp the function body starts with.
///
/// Runs on g0's stack. Allocates only through mmap. Never returns on stack overflow.
pub unsafe extern "C" fn gorc_newstack(g: *mut G) -> usize {
    let g = &mut *g;
    let ms = *g.morestack;
    if g.stackguard0 == STACK_PREEMPT {
        // A preemption request (sysmon, seed 004): park the goroutine so that it resumes in
        // the function it was entering (gorc_morestack_resume restores the argument registers
        // from g.morestack) and let the scheduler run something else. We are on g0 already,
        // where mcall would have put us.
        g.stackguard0 = g.stack_lo + STACK_GUARD;
        if prologue_passes(ms.sp, ms.frame, g.stackguard0) {
            g.sched = crate::sched::Gobuf {
                sp: ms.sp,
                pc: crate::arch::gorc_morestack_resume as *const () as usize,
                bp: ms.bp,
                ctxt: 0,
            };
            crate::proc::gopreempt_m(g);
        }
        // Out of stack as well: grow, below, and run the body on the new segment (the request
        // is dropped; sysmon asks again if the goroutine keeps running).
    }

    let cur = g.stack_hi as *mut Segment;
    let args = round_up(ms.args, 16);
    let need = round_up(
        HEADER + args + 8 + ms.frame + STACK_GUARD + STACK_SMALL,
        PAGE,
    );

    let mut seg = (*cur).next;
    if !seg.is_null() && (*seg).size < need {
        free_chain(seg);
        (*cur).next = ptr::null_mut();
        seg = ptr::null_mut();
    }
    if seg.is_null() {
        let size = need.max((*cur).size * 2).max(FIRST_SEGMENT_SIZE);
        if (*cur).total + size > MAX_STACK {
            crate::panic::stack_overflow(g);
        }
        seg = alloc_grown_segment(size);
        if seg.is_null() {
            crate::panic::throw_str(b"runtime: cannot allocate memory for a stack segment\n");
        }
        (*seg).prev = cur;
        (*cur).next = seg;
    }
    (*seg).total = (*cur).total + (*seg).size;
    if (*seg).total > MAX_STACK {
        crate::panic::stack_overflow(g);
    }
    (*seg).saved_sp = ms.sp;
    (*seg).ret_pc = *(ms.sp as *const usize);

    let hi = seg as usize;
    let argbase = hi - args;
    ptr::copy_nonoverlapping((ms.sp + 8) as *const u8, argbase as *mut u8, ms.args);
    let sp = argbase - 8;
    *(sp as *mut usize) = crate::arch::gorc_morestack_return as *const () as usize;

    g.stack_lo = (*seg).lo;
    g.stack_hi = hi;
    g.stackguard0 = (*seg).lo + STACK_GUARD;
    sp
}

/// The segment of `g`'s current chain (current segment and those below it) that contains
/// `addr`, if any.
pub unsafe fn segment_containing(g: *const G, addr: usize) -> *mut Segment {
    if g.is_null() || (*g).first_seg.is_null() {
        return ptr::null_mut();
    }
    let mut seg = (*g).stack_hi as *mut Segment;
    while !seg.is_null() {
        if addr >= (*seg).lo && addr < seg as usize + HEADER {
            return seg;
        }
        seg = (*seg).prev;
    }
    ptr::null_mut()
}

/// The guard page of one of `g`'s segments contains `addr`.
pub unsafe fn in_guard_page(g: *const G, addr: usize) -> bool {
    if g.is_null() || (*g).first_seg.is_null() {
        return false;
    }
    let mut seg = (*g).stack_hi as *mut Segment;
    // The cached segments above the current one too: a fault there is just as much a stack
    // overflow.
    while !(*seg).next.is_null() {
        seg = (*seg).next;
    }
    while !seg.is_null() {
        if addr >= (*seg).base && addr < (*seg).lo {
            return true;
        }
        seg = (*seg).prev;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prologue_model() {
        assert!(prologue_passes(1000, 16, 999));
        assert!(!prologue_passes(1000, 16, 1000));
        // big frame: sp - frame + SMALL > guard
        assert!(prologue_passes(
            10_000,
            1000,
            10_000 - 1000 + STACK_SMALL - 1
        ));
        assert!(!prologue_passes(10_000, 1000, 10_000 - 1000 + STACK_SMALL));
    }

    #[test]
    fn segment_layout() {
        unsafe {
            let s = alloc_segment(FIRST_SEGMENT_SIZE);
            assert!(!s.is_null());
            assert_eq!(s as usize % 16, 0);
            assert_eq!((*s).lo + (*s).size, s as usize + HEADER);
            // usable memory is writable
            *((*s).lo as *mut u64) = 1;
            *((s as usize - 8) as *mut u64) = 1;
            free_chain(s);
        }
    }
}
