//! Allocation. For now a bump allocator over mmapped chunks (memory from mmap is zero, so
//! objects come out zeroed) and direct mmaps for large objects; nothing is freed yet. Every
//! entry point takes the type descriptor so the collector of a later issue can be precise.
//!
//! The entry points run on the goroutine stack and are leaf-sized: the fast path is a pointer
//! bump, the slow path one `mmap` system call. Every thread (M) bumps in its own chunk (a
//! thread-local arena, gc's mcache in miniature), so no lock is taken: two Ms never hand out
//! the same memory, and a goroutine that moves between Ms simply allocates from whichever M
//! it runs on. Nothing here may be interrupted by the scheduler (Rust code has no preemption
//! points), so the arena cannot change under an allocation.
//!
//! Sizes are rounded up to gc's size classes: `cap()` after `append` must match gc, and
//! `growslice` derives the new capacity from the rounded byte size exactly as gc 1.19 does.

use core::cell::Cell;
use core::ptr;
use core::sync::atomic::{AtomicUsize, Ordering};

use crate::types::{SlicePtrCap, TypeDesc};

/// gc's malloc size classes (runtime/sizeclasses.go, Go 1.19): 68 classes up to 32 KiB.
pub const CLASS_TO_SIZE: [u16; 68] = [
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320,
    352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792,
    2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728,
    10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672,
    32768,
];

pub const MAX_SMALL_SIZE: usize = 32768;
/// gc's heap page size (`_PageSize`), which large objects are rounded to.
pub const GC_PAGE_SIZE: usize = 8192;
/// gc's maxAlloc on linux/amd64 (48-bit address space).
pub const MAX_ALLOC: usize = 1 << 48;

/// gc's roundupsize: the size mallocgc actually allocates for a request of `size` bytes.
pub fn roundupsize(size: usize) -> usize {
    if size < MAX_SMALL_SIZE {
        // The smallest class that fits (gc's size_to_class8/128 tables are exactly this).
        let mut lo = 0usize;
        let mut hi = CLASS_TO_SIZE.len() - 1;
        while lo < hi {
            let mid = (lo + hi) / 2;
            if (CLASS_TO_SIZE[mid] as usize) < size {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return CLASS_TO_SIZE[lo] as usize;
    }
    if size.checked_add(GC_PAGE_SIZE).is_none() {
        return size;
    }
    (size + GC_PAGE_SIZE - 1) & !(GC_PAGE_SIZE - 1)
}

/// The address of every zero-sized object (gc's zerobase).
#[no_mangle]
pub static mut gorc_zerobase: u64 = 0;

const CHUNK: usize = 1 << 20;
const LARGE: usize = 64 << 10;

thread_local! {
    // The calling M's chunk: (next free byte, end). Const-initialised and without a
    // destructor, so access is a plain %fs-relative load.
    static ARENA: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

/// Where the Go heap lives: every chunk and large object is mapped at the next free address of
/// one reserved stretch of address space (gc's arena hints start at the same place), so that
/// "is this a Go heap pointer?" is two compares (cgocheck; the collector later).
pub const HEAP_BASE: usize = 0xc0_0000_0000;
/// The heap stretch may grow to 1 TiB.
const HEAP_LIMIT: usize = HEAP_BASE + (1 << 40);
/// The end of the heap mapped so far.
static HEAP_NEXT: AtomicUsize = AtomicUsize::new(HEAP_BASE);

/// Whether `p` points into memory the Go heap allocated.
#[inline]
pub fn is_heap_pointer(p: usize) -> bool {
    p >= HEAP_BASE && p < HEAP_NEXT.load(Ordering::Relaxed)
}

/// `n` (a multiple of the page size) fresh zeroed bytes of heap, at the next address of the
/// heap stretch (MAP_FIXED_NOREPLACE: an address something else mapped is skipped).
unsafe fn mmap_zeroed(n: usize) -> *mut u8 {
    loop {
        let at = HEAP_NEXT.fetch_add(n, Ordering::Relaxed);
        if at + n > HEAP_LIMIT {
            crate::panic::throw_str(b"runtime: out of memory\n");
        }
        let p = libc::mmap(
            at as *mut libc::c_void,
            n,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_FIXED_NOREPLACE,
            -1,
            0,
        );
        if p as usize == at {
            return p as *mut u8;
        }
        if p != libc::MAP_FAILED {
            // A kernel without MAP_FIXED_NOREPLACE took it as a hint and put the mapping
            // elsewhere: give it back and try the next address.
            libc::munmap(p, n);
        } else if *libc::__errno_location() != libc::EEXIST {
            crate::panic::throw_str(b"runtime: out of memory\n");
        }
    }
}

/// Allocates `size` zeroed bytes, 8-byte aligned (16 for sizes of 16 and up). `_typ` (may be
/// null for pointer-free memory) is for the collector.
pub unsafe fn mallocgc(size: usize, _typ: *const TypeDesc) -> *mut u8 {
    if size == 0 {
        return ptr::addr_of_mut!(gorc_zerobase) as *mut u8;
    }
    if size > MAX_ALLOC {
        crate::panic::throw_str(b"runtime: out of memory: cannot allocate object\n");
    }
    let size = (size + 7) & !7;
    if size >= LARGE {
        return mmap_zeroed((size + crate::PAGE - 1) & !(crate::PAGE - 1));
    }
    let align = if size >= 16 { 16 } else { 8 };
    ARENA.with(|a| {
        let (next, end) = a.get();
        let mut p = (next + align - 1) & !(align - 1);
        let mut end = end;
        if p + size > end || next == 0 {
            let c = mmap_zeroed(CHUNK) as usize;
            end = c + CHUNK;
            p = c;
        }
        a.set((p + size, end));
        p as *mut u8
    })
}

/// `new(T)` and every other single heap object.
#[no_mangle]
pub unsafe extern "C" fn gorc_alloc(typ: *const TypeDesc) -> *mut u8 {
    mallocgc((*typ).size, typ)
}

/// `n` consecutive objects of type `typ` (gc's newarray).
#[no_mangle]
pub unsafe extern "C" fn gorc_alloc_array(typ: *const TypeDesc, n: i64) -> *mut u8 {
    let size = match (*typ).size.checked_mul(n as u64 as usize) {
        Some(s) if s <= MAX_ALLOC && n >= 0 => s,
        _ => crate::panic::panic_plain(b"runtime: allocation size out of range"),
    };
    mallocgc(size, typ)
}

/// `make([]T, len, cap)`: gc's makeslice checks and messages.
#[no_mangle]
pub unsafe extern "C" fn gorc_makeslice(elem: *const TypeDesc, len: i64, cap: i64) -> *mut u8 {
    let es = (*elem).size;
    let mem = (cap as u64 as usize).checked_mul(es);
    let bad = |m: Option<usize>| m.is_none_or(|m| m > MAX_ALLOC);
    if bad(mem) || len < 0 || len > cap {
        let meml = (len as u64 as usize).checked_mul(es);
        if bad(meml) || len < 0 {
            crate::panic::panic_runtime_error(b"makeslice: len out of range");
        }
        crate::panic::panic_runtime_error(b"makeslice: cap out of range");
    }
    mallocgc(mem.unwrap(), elem)
}

/// gc 1.19's capacity computation for append: the new capacity for a slice of `old_cap`
/// elements of `elem_size` bytes that must hold `new_len`. None when out of range.
pub fn growslice_cap(elem_size: usize, old_cap: i64, new_len: i64) -> Option<(usize, i64)> {
    let mut newcap = old_cap;
    let doublecap = newcap.wrapping_add(newcap);
    if new_len > doublecap {
        newcap = new_len;
    } else {
        const THRESHOLD: i64 = 256;
        if old_cap < THRESHOLD {
            newcap = doublecap;
        } else {
            // Go from 2x for small slices to 1.25x for large ones, smoothly.
            while 0 < newcap && newcap < new_len {
                newcap = newcap.wrapping_add((newcap + 3 * THRESHOLD) / 4);
            }
            if newcap <= 0 {
                newcap = new_len;
            }
        }
    }
    let nc = newcap as u64 as usize;
    let (capmem, overflow) = if elem_size == 1 {
        let m = roundupsize(nc);
        (m, nc > MAX_ALLOC)
    } else if elem_size == 8 {
        let m = roundupsize(nc.wrapping_mul(8));
        (m, nc > MAX_ALLOC / 8)
    } else if elem_size.is_power_of_two() {
        let shift = elem_size.trailing_zeros();
        let m = roundupsize(nc.wrapping_shl(shift));
        (m, nc > (MAX_ALLOC >> shift))
    } else {
        match elem_size.checked_mul(nc) {
            Some(m) => (roundupsize(m), false),
            None => (usize::MAX, true),
        }
    };
    if overflow || capmem > MAX_ALLOC {
        return None;
    }
    Some((capmem, (capmem / elem_size) as i64))
}

/// `append` that does not fit: allocates the new backing array (capacity as gc 1.19), copies
/// the `old_len` elements. The caller sets the length to `new_len`.
#[no_mangle]
pub unsafe extern "C" fn gorc_growslice(
    elem: *const TypeDesc,
    old_ptr: *const u8,
    old_len: i64,
    old_cap: i64,
    new_len: i64,
) -> SlicePtrCap {
    if new_len < old_cap {
        crate::panic::panic_runtime_error(b"growslice: cap out of range");
    }
    let es = (*elem).size;
    if es == 0 {
        return SlicePtrCap {
            ptr: ptr::addr_of_mut!(gorc_zerobase) as *mut u8,
            cap: new_len,
        };
    }
    let (capmem, newcap) = match growslice_cap(es, old_cap, new_len) {
        Some(x) => x,
        None => crate::panic::panic_runtime_error(b"growslice: cap out of range"),
    };
    let p = mallocgc(capmem, elem);
    if old_len > 0 {
        ptr::copy_nonoverlapping(old_ptr, p, old_len as usize * es);
    }
    SlicePtrCap {
        ptr: p,
        cap: newcap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caps(es: usize, n: i64) -> Vec<i64> {
        // append one element at a time, recording each new capacity
        let (mut len, mut cap) = (0i64, 0i64);
        let mut out = vec![];
        while len < n {
            if len + 1 > cap {
                cap = growslice_cap(es, cap, len + 1).unwrap().1;
                out.push(cap);
            }
            len += 1;
        }
        out
    }

    #[test]
    fn roundupsize_classes() {
        assert_eq!(roundupsize(1), 8);
        assert_eq!(roundupsize(17), 24);
        assert_eq!(roundupsize(1025), 1152);
        assert_eq!(roundupsize(32768), 32768);
        assert_eq!(roundupsize(32769), 40960);
    }

    #[test]
    fn append_caps_match_gc() {
        // Values printed by gc 1.19 for appending one element at a time.
        assert_eq!(
            caps(8, 2000),
            vec![1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792, 2560]
        );
        assert_eq!(
            caps(1, 2000),
            vec![8, 16, 32, 64, 128, 256, 512, 896, 1408, 2048]
        );
        assert_eq!(caps(24, 100), vec![1, 2, 4, 8, 16, 32, 64, 128]);
        assert_eq!(caps(4, 600), vec![2, 4, 8, 16, 32, 64, 128, 256, 512, 864]);
        assert_eq!(caps(12, 50), vec![1, 2, 4, 8, 16, 32, 64]);
        // append(s, many...) to an empty slice
        assert_eq!(growslice_cap(8, 0, 5).unwrap().1, 6);
        assert_eq!(growslice_cap(1, 0, 5).unwrap().1, 8);
        assert_eq!(growslice_cap(8, 3, 7).unwrap().1, 8);
    }

    #[test]
    fn growslice_matches_gc_table() {
        // gc 1.19's cap() after appends, for 23 element sizes: one element at a time
        // ("SIZE one CAP..."), and `append(make([]T, l), make([]T, k)...)` ("SIZE bulk L K CAP").
        let table = include_str!("../tests/fixtures/gc_growslice.txt");
        for line in table.lines() {
            let f: Vec<&str> = line.split(' ').collect();
            let es: usize = f[0].parse().unwrap();
            if f[1] == "one" {
                let want: Vec<i64> = f[2..].iter().map(|x| x.parse().unwrap()).collect();
                assert_eq!(caps(es, 3000), want, "{line}");
            } else {
                let l: i64 = f[2].parse().unwrap();
                let k: i64 = f[3].parse().unwrap();
                let want: i64 = f[4].parse().unwrap();
                assert_eq!(growslice_cap(es, l, l + k).unwrap().1, want, "{line}");
            }
        }
    }

    #[test]
    fn alloc_zeroed_aligned() {
        unsafe {
            let a = mallocgc(24, ptr::null());
            let b = mallocgc(3, ptr::null());
            assert_eq!(a as usize % 16, 0);
            assert_eq!(b as usize % 8, 0);
            assert_eq!(*a, 0);
            let big = mallocgc(1 << 20, ptr::null());
            assert_eq!(*big.add((1 << 20) - 1), 0);
        }
    }
}
