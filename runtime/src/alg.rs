//! Equality and hashing of Go values driven by type descriptors (gc's `alg.go`), for
//! interface comparison and map keys. Called on goroutine stacks: no allocation; recursion
//! depth is bounded by the nesting depth of the type (arrays are walked iteratively).

use crate::types::*;
use core::cell::Cell;

thread_local! {
    // Per-M generator state (no destructor: a plain thread-local load).
    static RAND: Cell<u64> = const { Cell::new(0) };
}

/// A cheap pseudo-random number (xorshift64*), per thread, seeded from the time-stamp counter
/// and the state's address: map seeds, iteration start points, NaN hashes, the scheduler's
/// steal order and select's case order.
pub fn fastrand() -> u64 {
    RAND.with(|r| {
        let mut x = r.get();
        if x == 0 {
            x = (crate::arch::cycles()
                ^ (r as *const _ as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
                | 1;
        }
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        r.set(x);
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    })
}

const K0: u64 = 0xa076_1d64_78bd_642f;
const K1: u64 = 0xe703_7ed1_a0b4_28db;

#[inline(always)]
fn mum(a: u64, b: u64) -> u64 {
    let m = (a as u128).wrapping_mul(b as u128);
    (m as u64) ^ ((m >> 64) as u64)
}

#[inline(always)]
pub fn hash64(x: u64, seed: u64) -> u64 {
    mum(x ^ seed ^ K0, K1 ^ x.rotate_left(32))
}

/// wyhash-style hash of a byte string.
#[inline]
pub fn hash_bytes(b: &[u8], seed: u64) -> u64 {
    let mut h = seed ^ K0 ^ (b.len() as u64).wrapping_mul(K1);
    let mut p = b;
    while p.len() >= 16 {
        let a = u64::from_le_bytes(p[0..8].try_into().unwrap());
        let c = u64::from_le_bytes(p[8..16].try_into().unwrap());
        h = mum(a ^ K1 ^ h, c ^ h ^ K0);
        p = &p[16..];
    }
    let (a, c) = if p.len() >= 8 {
        (
            u64::from_le_bytes(p[0..8].try_into().unwrap()),
            u64::from_le_bytes(p[p.len() - 8..].try_into().unwrap()),
        )
    } else if p.len() >= 4 {
        (
            u32::from_le_bytes(p[0..4].try_into().unwrap()) as u64,
            u32::from_le_bytes(p[p.len() - 4..].try_into().unwrap()) as u64,
        )
    } else if !p.is_empty() {
        (
            ((p[0] as u64) << 16) | ((p[p.len() / 2] as u64) << 8) | p[p.len() - 1] as u64,
            0,
        )
    } else {
        (0, 0)
    };
    mum(a ^ K1, c ^ h)
}

fn hash_f64(f: f64, seed: u64) -> u64 {
    if f == 0.0 {
        // +0 and -0 are equal keys.
        hash64(0, seed)
    } else if f != f {
        // NaN != NaN: every NaN key is a new entry, scattered randomly.
        hash64(fastrand(), seed)
    } else {
        hash64(f.to_bits(), seed)
    }
}

/// The dynamic type of an interface value stored at `p` (eface or iface, per `t`).
#[inline]
pub unsafe fn iface_type(t: &TypeDesc, p: *const u8) -> *const TypeDesc {
    let w = *(p as *const *const u8);
    if t.nfields == 0 || w.is_null() {
        w as *const TypeDesc
    } else {
        *(w.add(8) as *const *const TypeDesc)
    }
}

/// The address of an interface's dynamic value: the data word itself for direct types.
#[inline]
pub unsafe fn iface_data(dt: &TypeDesc, p: *const u8) -> *const u8 {
    if dt.is_direct() {
        p.add(8)
    } else {
        *(p.add(8) as *const *const u8)
    }
}

/// Hash of the value of type `t` at `p`; panics for an unhashable dynamic type.
pub unsafe fn hash(t: &TypeDesc, p: *const u8, seed: u64) -> u64 {
    match hash_at(t, p, seed, 0) {
        Ok(h) => h,
        Err(bad) => unhashable(&*bad),
    }
}

/// How many levels of arrays, structs and interfaces inside each other `hash` and `equal`
/// walk on a goroutine's stack before continuing on g0: the runtime's stack use there must
/// stay within the guard area (lib.rs), and nesting is as deep as a type makes it. An
/// unhashable or uncomparable type found deep down comes back as an error, and the panic is
/// raised on the goroutine's stack.
const NESTING_ON_GOROUTINE_STACK: u32 = 2;

#[inline(never)]
unsafe fn hash_at(
    t: &TypeDesc,
    p: *const u8,
    seed: u64,
    depth: u32,
) -> Result<u64, *const TypeDesc> {
    Ok(match t.kind {
        KIND_STRING => {
            let s = &*(p as *const GoString);
            hash_bytes(s.as_bytes(), seed)
        }
        KIND_FLOAT32 => hash_f64(*(p as *const f32) as f64, seed),
        KIND_FLOAT64 => hash_f64(*(p as *const f64), seed),
        KIND_COMPLEX64 => {
            let c = p as *const f32;
            hash_f64(*c.add(1) as f64, hash_f64(*c as f64, seed))
        }
        KIND_COMPLEX128 => {
            let c = p as *const f64;
            hash_f64(*c.add(1), hash_f64(*c, seed))
        }
        KIND_INTERFACE => {
            let dt = iface_type(t, p);
            if dt.is_null() {
                return Ok(hash64(0, seed));
            }
            let dt = &*dt;
            if !dt.comparable() {
                return Err(dt);
            }
            hash_nested(
                depth,
                dt,
                iface_data(dt, p),
                seed ^ dt as *const TypeDesc as u64,
            )?
        }
        KIND_ARRAY => {
            let e = &*t.elem;
            let mut h = seed;
            for i in 0..t.len {
                h = hash_nested(depth, e, p.add(i * e.size), h)?;
            }
            h
        }
        KIND_STRUCT => {
            let mut h = seed;
            for f in t.struct_fields() {
                h = hash_nested(depth, &*f.typ, p.add(f.offset), h)?;
            }
            h
        }
        KIND_SLICE | KIND_MAP | KIND_FUNC => return Err(t),
        _ => match t.size {
            1 => hash64(*p as u64, seed),
            2 => hash64(*(p as *const u16) as u64, seed),
            4 => hash64(*(p as *const u32) as u64, seed),
            8 => hash64(*(p as *const u64), seed),
            _ => hash_bytes(core::slice::from_raw_parts(p, t.size), seed),
        },
    })
}

#[inline(never)]
fn unhashable(t: &TypeDesc) -> ! {
    panic_with_type(b"hash of unhashable type ", t)
}

#[inline(never)]
pub fn uncomparable(t: &TypeDesc) -> ! {
    panic_with_type(b"comparing uncomparable type ", t)
}

fn panic_with_type(prefix: &[u8], t: &TypeDesc) -> ! {
    crate::defer::panic_error_with(&crate::defer::RUNTIME_ERROR, true, |b| {
        b.push_bytes(prefix);
        b.push_bytes(t.name());
    })
}

/// `*p == *q` for values of type `t`; panics for an uncomparable dynamic type.
pub unsafe fn equal(t: &TypeDesc, p: *const u8, q: *const u8) -> bool {
    match equal_at(t, p, q, 0) {
        Ok(eq) => eq,
        Err(bad) => uncomparable(&*bad),
    }
}

/// `equal` at nesting level `depth` (see NESTING_ON_GOROUTINE_STACK).
#[inline(never)]
unsafe fn equal_at(
    t: &TypeDesc,
    p: *const u8,
    q: *const u8,
    depth: u32,
) -> Result<bool, *const TypeDesc> {
    Ok(match t.kind {
        KIND_STRING => {
            let (a, b) = (&*(p as *const GoString), &*(q as *const GoString));
            a.len == b.len && (a.ptr == b.ptr || a.as_bytes() == b.as_bytes())
        }
        KIND_FLOAT32 => *(p as *const f32) == *(q as *const f32),
        KIND_FLOAT64 => *(p as *const f64) == *(q as *const f64),
        KIND_COMPLEX64 => {
            let (a, b) = (p as *const f32, q as *const f32);
            *a == *b && *a.add(1) == *b.add(1)
        }
        KIND_COMPLEX128 => {
            let (a, b) = (p as *const f64, q as *const f64);
            *a == *b && *a.add(1) == *b.add(1)
        }
        KIND_INTERFACE => {
            let (ta, tb) = (iface_type(t, p), iface_type(t, q));
            if ta != tb {
                return Ok(false);
            }
            if ta.is_null() {
                return Ok(true);
            }
            let dt = &*ta;
            if !dt.comparable() {
                return Err(dt);
            }
            equal_nested(depth, dt, iface_data(dt, p), iface_data(dt, q))?
        }
        KIND_ARRAY => {
            let e = &*t.elem;
            for i in 0..t.len {
                if !equal_nested(depth, e, p.add(i * e.size), q.add(i * e.size))? {
                    return Ok(false);
                }
            }
            true
        }
        KIND_STRUCT => {
            for f in t.struct_fields() {
                if !equal_nested(depth, &*f.typ, p.add(f.offset), q.add(f.offset))? {
                    return Ok(false);
                }
            }
            true
        }
        KIND_SLICE | KIND_MAP | KIND_FUNC => return Err(t),
        _ => match t.size {
            1 => *p == *q,
            2 => *(p as *const u16) == *(q as *const u16),
            4 => *(p as *const u32) == *(q as *const u32),
            8 => *(p as *const u64) == *(q as *const u64),
            n => core::slice::from_raw_parts(p, n) == core::slice::from_raw_parts(q, n),
        },
    })
}

/// One level deeper than `depth`: on this stack, or on g0 every NESTING_ON_GOROUTINE_STACK
/// levels.
#[inline(always)]
unsafe fn hash_nested(
    depth: u32,
    t: &TypeDesc,
    p: *const u8,
    seed: u64,
) -> Result<u64, *const TypeDesc> {
    if (depth + 1) % NESTING_ON_GOROUTINE_STACK == 0 {
        let mut r = Ok(0);
        crate::sched::systemstack(|| r = hash_at(t, p, seed, depth + 1));
        r
    } else {
        hash_at(t, p, seed, depth + 1)
    }
}

/// One level deeper than `depth`: on this stack, or on g0 every NESTING_ON_GOROUTINE_STACK
/// levels.
#[inline(always)]
unsafe fn equal_nested(
    depth: u32,
    t: &TypeDesc,
    p: *const u8,
    q: *const u8,
) -> Result<bool, *const TypeDesc> {
    if (depth + 1) % NESTING_ON_GOROUTINE_STACK == 0 {
        let mut r = Ok(false);
        crate::sched::systemstack(|| r = equal_at(t, p, q, depth + 1));
        r
    } else {
        equal_at(t, p, q, depth + 1)
    }
}
