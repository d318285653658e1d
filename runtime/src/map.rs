//! Go maps: an insertion-ordered entry array plus an open-addressing index (linear probing).
//!
//! * `entries`: `ecap` entries of the map type's entry type `struct{hash uint64; k K; v V}`;
//!   `hash` is the key's hash with bit 0 set, or 0 for a deleted entry. New keys are appended
//!   at `elen`.
//! * `index`: a power-of-two table of u64 slots: 0 empty, `TOMB` deleted, else
//!   `(hash >> 32) << 32 | (entry number + 1)`. It has at least twice `ecap` slots, so with
//!   every entry (live or dead) holding at most one slot it is never more than half full and
//!   probing always ends.
//! * Growing (when `elen == ecap`) copies the live entries in order to a new array of twice
//!   the live count and rebuilds the index. The old array stays valid for iterators.
//!
//! Iteration starts at a random entry of the array as it was when `range` began and walks it
//! once around. While the map still uses that array, a deleted entry (hash 0) is skipped; after
//! a grow the iterator looks each key up in the current map, so deletions are honoured and
//! values are current. Keys added during iteration land past the starting length and are not
//! produced (the spec allows either).
//!
//! All entry points are called from Go code on the goroutine stack: leaf-sized, allocation
//! only through `mallocgc`.

use crate::alg;
use crate::malloc::{gorc_alloc_array, mallocgc};
use crate::types::*;

#[repr(C)]
pub struct HMap {
    /// Live entries (`len(m)`; the compiler loads it at offset 0).
    pub count: usize,
    pub seed: u64,
    pub entries: *mut u8,
    pub ecap: usize,
    pub elen: usize,
    pub index: *mut u64,
    pub imask: usize,
    pub stride: usize,
    pub koff: usize,
    pub voff: usize,
}

/// The iterator (`hiter`), in the frame of the function running the `range` loop (64 bytes).
#[repr(C)]
pub struct HIter {
    /// Current key and value addresses; key null at the end.
    pub key: *const u8,
    pub val: *const u8,
    pub h: *mut HMap,
    pub entries: *mut u8,
    pub n: usize,
    pub start: usize,
    pub i: usize,
    pub mt: *const TypeDesc,
}

const TOMB: u64 = 0xffff_ffff;

/// gcdata of HMap: `entries` (word 2) and `index` (word 5) are pointers.
static HMAP_GCDATA: [u8; 1] = [0b100100];
static HMAP_TYPE: TypeDesc = {
    let mut t = basic(core::mem::size_of::<HMap>(), KIND_STRUCT, b"runtime.hmap");
    t.ptrdata = 48;
    t.align = 8;
    t.gcdata = &HMAP_GCDATA as *const [u8; 1] as *const u8;
    t
};

/// A zero value to point at for missing keys (values up to this size).
static ZERO: [u64; 128] = [0; 128];

#[inline(always)]
unsafe fn key_type(mt: *const TypeDesc) -> &'static TypeDesc {
    &*(*mt).key
}

#[inline(always)]
unsafe fn hash_key(kt: &TypeDesc, k: *const u8, seed: u64) -> u64 {
    // Fast paths for the common key kinds.
    let h = match kt.kind {
        KIND_STRING => {
            let s = &*(k as *const GoString);
            alg::hash_bytes(s.as_bytes(), seed)
        }
        KIND_INT | KIND_INT64 | KIND_UINT | KIND_UINT64 | KIND_UINTPTR | KIND_POINTER => {
            alg::hash64(*(k as *const u64), seed)
        }
        _ => alg::hash(kt, k, seed),
    };
    h | 1
}

#[inline(always)]
unsafe fn key_eq(kt: &TypeDesc, a: *const u8, b: *const u8) -> bool {
    match kt.kind {
        KIND_STRING => {
            let (x, y) = (&*(a as *const GoString), &*(b as *const GoString));
            x.len == y.len && (x.ptr == y.ptr || x.as_bytes() == y.as_bytes())
        }
        KIND_INT | KIND_INT64 | KIND_UINT | KIND_UINT64 | KIND_UINTPTR | KIND_POINTER => {
            *(a as *const u64) == *(b as *const u64)
        }
        _ => alg::equal(kt, a, b),
    }
}

#[inline(always)]
unsafe fn entry(h: &HMap, i: usize) -> *mut u8 {
    h.entries.add(i * h.stride)
}

/// `make(map[K]V, hint)`.
#[no_mangle]
pub unsafe extern "C" fn gorc_makemap(mt: *const TypeDesc, hint: i64) -> *mut HMap {
    if hint < 0 {
        crate::panic::panic_runtime_error(b"makemap: size out of range");
    }
    let h = mallocgc(core::mem::size_of::<HMap>(), &HMAP_TYPE) as *mut HMap;
    let kt = key_type(mt);
    let vt = &*(*mt).elem;
    let et = &*(*mt).entry;
    let h = &mut *h;
    h.seed = alg::fastrand();
    h.koff = 8;
    let va = (vt.align as usize).max(1);
    h.voff = (8 + kt.size + va - 1) & !(va - 1);
    h.stride = et.size;
    if hint > 0 {
        resize(mt, h, hint as usize);
    }
    h
}

/// New entry array for at least `want` entries, live entries copied in order, index rebuilt.
#[inline(never)]
unsafe fn resize(mt: *const TypeDesc, h: &mut HMap, want: usize) {
    let cap = want.max(8).next_power_of_two();
    if cap > (u32::MAX as usize) / 2 {
        crate::panic::throw(b"runtime: map too large");
    }
    let et = (*mt).entry;
    let ne = gorc_alloc_array(et, cap as i64);
    let islots = cap * 2;
    let idx = gorc_alloc_array(&TYPE_UINT64, islots as i64) as *mut u64;
    let mask = islots - 1;
    let mut n = 0;
    for i in 0..h.elen {
        let e = entry(h, i);
        let hv = *(e as *const u64);
        if hv == 0 {
            continue;
        }
        let d = ne.add(n * h.stride);
        core::ptr::copy_nonoverlapping(e, d, h.stride);
        let mut s = hv as usize & mask;
        while *idx.add(s) != 0 {
            s = (s + 1) & mask;
        }
        *idx.add(s) = ((hv >> 32) << 32) | (n as u64 + 1);
        n += 1;
    }
    h.entries = ne;
    h.ecap = cap;
    h.elen = n;
    h.index = idx;
    h.imask = mask;
}

/// The entry holding key `k`, or null.
#[inline(always)]
unsafe fn find(h: &HMap, kt: &TypeDesc, k: *const u8, hv: u64) -> *mut u8 {
    if h.index.is_null() {
        return core::ptr::null_mut();
    }
    let tag = hv >> 32;
    let mut s = hv as usize & h.imask;
    loop {
        let slot = *h.index.add(s);
        if slot == 0 {
            return core::ptr::null_mut();
        }
        if slot != TOMB && slot >> 32 == tag {
            let e = entry(h, (slot & 0xffff_ffff) as usize - 1);
            if *(e as *const u64) == hv && key_eq(kt, k, e.add(h.koff)) {
                return e;
            }
        }
        s = (s + 1) & h.imask;
    }
}

unsafe fn zero_val(mt: *const TypeDesc) -> *const u8 {
    let vt = &*(*mt).elem;
    if vt.size <= core::mem::size_of_val(&ZERO) {
        ZERO.as_ptr() as *const u8
    } else {
        mallocgc(vt.size, vt)
    }
}

/// `m[k]`: the address of the value, or of a zero value.
#[no_mangle]
pub unsafe extern "C" fn gorc_mapaccess1(
    mt: *const TypeDesc,
    h: *mut HMap,
    k: *const u8,
) -> *const u8 {
    let kt = key_type(mt);
    if h.is_null() || (*h).count == 0 {
        // Hashing still panics for unhashable interface keys, as in gc.
        if kt.kind == KIND_INTERFACE {
            alg::hash(kt, k, 0);
        }
        return zero_val(mt);
    }
    let h = &*h;
    let e = find(h, kt, k, hash_key(kt, k, h.seed));
    if e.is_null() {
        zero_val(mt)
    } else {
        e.add(h.voff)
    }
}

#[repr(C)]
pub struct PtrOk {
    pub p: *const u8,
    pub ok: u64,
}

/// `v, ok := m[k]`.
#[no_mangle]
pub unsafe extern "C" fn gorc_mapaccess2(mt: *const TypeDesc, h: *mut HMap, k: *const u8) -> PtrOk {
    let kt = key_type(mt);
    if h.is_null() || (*h).count == 0 {
        if kt.kind == KIND_INTERFACE {
            alg::hash(kt, k, 0);
        }
        return PtrOk {
            p: zero_val(mt),
            ok: 0,
        };
    }
    let h = &*h;
    let e = find(h, kt, k, hash_key(kt, k, h.seed));
    if e.is_null() {
        PtrOk {
            p: zero_val(mt),
            ok: 0,
        }
    } else {
        PtrOk {
            p: e.add(h.voff),
            ok: 1,
        }
    }
}

/// `m[k] = ...`: the address to store the value at (a new entry holds the zero value).
#[no_mangle]
pub unsafe extern "C" fn gorc_mapassign(
    mt: *const TypeDesc,
    h: *mut HMap,
    k: *const u8,
) -> *mut u8 {
    if h.is_null() {
        crate::panic::panic_plain(b"assignment to entry in nil map");
    }
    let kt = key_type(mt);
    let h = &mut *h;
    let hv = hash_key(kt, k, h.seed);
    let e = find(h, kt, k, hv);
    if !e.is_null() {
        // gc overwrites the key too (it matters for +0/-0 and equal-but-different strings).
        core::ptr::copy_nonoverlapping(k, e.add(h.koff), kt.size);
        return e.add(h.voff);
    }
    if h.elen == h.ecap {
        resize(mt, h, h.count * 2);
    }
    let n = h.elen;
    let e = entry(h, n);
    *(e as *mut u64) = hv;
    core::ptr::copy_nonoverlapping(k, e.add(h.koff), kt.size);
    let mut s = hv as usize & h.imask;
    loop {
        let slot = *h.index.add(s);
        if slot == 0 || slot == TOMB {
            break;
        }
        s = (s + 1) & h.imask;
    }
    *h.index.add(s) = ((hv >> 32) << 32) | (n as u64 + 1);
    h.elen = n + 1;
    h.count += 1;
    e.add(h.voff)
}

/// `delete(m, k)`.
#[no_mangle]
pub unsafe extern "C" fn gorc_mapdelete(mt: *const TypeDesc, h: *mut HMap, k: *const u8) {
    let kt = key_type(mt);
    if h.is_null() || (*h).count == 0 {
        if kt.kind == KIND_INTERFACE {
            alg::hash(kt, k, 0);
        }
        return;
    }
    let h = &mut *h;
    let hv = hash_key(kt, k, h.seed);
    if h.index.is_null() {
        return;
    }
    let tag = hv >> 32;
    let mut s = hv as usize & h.imask;
    loop {
        let slot = *h.index.add(s);
        if slot == 0 {
            return;
        }
        if slot != TOMB && slot >> 32 == tag {
            let e = entry(h, (slot & 0xffff_ffff) as usize - 1);
            if *(e as *const u64) == hv && key_eq(kt, k, e.add(h.koff)) {
                // Dead entry: clear it whole (hash 0 marks it; no stale pointers kept).
                core::ptr::write_bytes(e, 0, h.stride);
                *h.index.add(s) = TOMB;
                h.count -= 1;
                return;
            }
        }
        s = (s + 1) & h.imask;
    }
}

/// Starts `for k, v := range m`: fills `it` and positions it on the first entry.
#[no_mangle]
pub unsafe extern "C" fn gorc_mapiterinit(mt: *const TypeDesc, h: *mut HMap, it: *mut HIter) {
    let it = &mut *it;
    it.key = core::ptr::null();
    it.val = core::ptr::null();
    it.mt = mt;
    it.h = h;
    it.i = 0;
    if h.is_null() || (*h).count == 0 {
        it.n = 0;
        return;
    }
    it.entries = (*h).entries;
    it.n = (*h).elen;
    it.start = (alg::fastrand() % it.n as u64) as usize;
    gorc_mapiternext(it);
}

/// Advances `it` (key null at the end).
#[no_mangle]
pub unsafe extern "C" fn gorc_mapiternext(it: *mut HIter) {
    let it = &mut *it;
    let h = &*it.h;
    while it.i < it.n {
        let mut pos = it.start + it.i;
        if pos >= it.n {
            pos -= it.n;
        }
        it.i += 1;
        let e = it.entries.add(pos * h.stride);
        let hv = *(e as *const u64);
        if hv == 0 {
            continue;
        }
        let k = e.add(h.koff);
        if it.entries == h.entries {
            it.key = k;
            it.val = e.add(h.voff);
            return;
        }
        // The map grew since: the entry may have been deleted or updated.
        let kt = key_type(it.mt);
        let cur = find(h, kt, k, hv);
        if !cur.is_null() {
            it.key = cur.add(h.koff);
            it.val = cur.add(h.voff);
            return;
        }
        if !alg::equal(kt, k, k) {
            // A NaN key cannot be looked up; it cannot have been deleted either.
            it.key = k;
            it.val = e.add(h.voff);
            return;
        }
    }
    it.key = core::ptr::null();
    it.val = core::ptr::null();
}
