//! String conversions and comparison.
//!
//! All entry points run on the goroutine stack and are leaf-sized: fixed small frames, memory
//! from `malloc::mallocgc` (noscan byte/rune arrays).

use core::ptr;

use crate::malloc::{mallocgc, roundupsize};
use crate::types::{GoString, RuneNext, SlicePtrCap, TYPE_INT32, TYPE_UINT8};

pub const RUNE_ERROR: u32 = 0xFFFD;
const SURROGATE_MIN: u32 = 0xD800;
const SURROGATE_MAX: u32 = 0xDFFF;
const MAX_RUNE: u32 = 0x10FFFF;

/// UTF-8 encoding of `r` into `buf`, invalid code points as U+FFFD; returns the length.
pub fn encoderune(buf: &mut [u8; 4], r: i64) -> usize {
    let r = if r < 0
        || r > MAX_RUNE as i64
        || (SURROGATE_MIN as i64..=SURROGATE_MAX as i64).contains(&r)
    {
        RUNE_ERROR
    } else {
        r as u32
    };
    if r < 0x80 {
        buf[0] = r as u8;
        1
    } else if r < 0x800 {
        buf[0] = 0xC0 | (r >> 6) as u8;
        buf[1] = 0x80 | (r & 0x3F) as u8;
        2
    } else if r < 0x10000 {
        buf[0] = 0xE0 | (r >> 12) as u8;
        buf[1] = 0x80 | ((r >> 6) & 0x3F) as u8;
        buf[2] = 0x80 | (r & 0x3F) as u8;
        3
    } else {
        buf[0] = 0xF0 | (r >> 18) as u8;
        buf[1] = 0x80 | ((r >> 12) & 0x3F) as u8;
        buf[2] = 0x80 | ((r >> 6) & 0x3F) as u8;
        buf[3] = 0x80 | (r & 0x3F) as u8;
        4
    }
}

/// Decodes the rune starting at `s[k]` the way `for range` does: (rune, next offset); an
/// invalid or truncated encoding yields (U+FFFD, k+1).
pub fn decoderune(s: &[u8], k: usize) -> (u32, usize) {
    let n = s.len();
    if k >= n {
        return (RUNE_ERROR, k + 1);
    }
    let c0 = s[k];
    if c0 < 0x80 {
        return (c0 as u32, k + 1);
    }
    let bad = (RUNE_ERROR, k + 1);
    let cont = |i: usize| -> Option<u32> {
        if i < n && (s[i] & 0xC0) == 0x80 {
            Some((s[i] & 0x3F) as u32)
        } else {
            None
        }
    };
    match c0 {
        0xC2..=0xDF => match cont(k + 1) {
            Some(c1) => (((c0 as u32 & 0x1F) << 6) | c1, k + 2),
            None => bad,
        },
        0xE0..=0xEF => {
            let (c1, c2) = match (cont(k + 1), cont(k + 2)) {
                (Some(a), Some(b)) => (a, b),
                _ => return bad,
            };
            let r = ((c0 as u32 & 0x0F) << 12) | (c1 << 6) | c2;
            if r < 0x800 || (SURROGATE_MIN..=SURROGATE_MAX).contains(&r) {
                return bad;
            }
            (r, k + 3)
        }
        0xF0..=0xF4 => {
            let (c1, c2, c3) = match (cont(k + 1), cont(k + 2), cont(k + 3)) {
                (Some(a), Some(b), Some(c)) => (a, b, c),
                _ => return bad,
            };
            let r = ((c0 as u32 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
            if !(0x10000..=MAX_RUNE).contains(&r) {
                return bad;
            }
            (r, k + 4)
        }
        _ => bad,
    }
}

unsafe fn bytes<'a>(p: *const u8, n: usize) -> &'a [u8] {
    if n == 0 || p.is_null() {
        &[]
    } else {
        core::slice::from_raw_parts(p, n)
    }
}

unsafe fn rawstring(n: usize) -> *mut u8 {
    mallocgc(n, &TYPE_UINT8)
}

#[no_mangle]
pub unsafe extern "C" fn gorc_concatstrings(parts: *const GoString, n: usize) -> GoString {
    let parts = if n == 0 {
        &[][..]
    } else {
        core::slice::from_raw_parts(parts, n)
    };
    let mut total = 0usize;
    let mut count = 0;
    let mut idx = 0;
    for (i, s) in parts.iter().enumerate() {
        if s.len == 0 {
            continue;
        }
        total = match total.checked_add(s.len) {
            Some(t) if t <= isize::MAX as usize => t,
            _ => crate::panic::throw(b"string concatenation too long"),
        };
        count += 1;
        idx = i;
    }
    if count == 0 {
        return GoString::EMPTY;
    }
    if count == 1 {
        // Strings are immutable: the only non-empty part is the result.
        return parts[idx];
    }
    let p = rawstring(total);
    let mut off = 0;
    for s in parts {
        if s.len > 0 {
            ptr::copy_nonoverlapping(s.ptr, p.add(off), s.len);
            off += s.len;
        }
    }
    GoString { ptr: p, len: total }
}

#[no_mangle]
pub unsafe extern "C" fn gorc_cmpstring(ap: *const u8, al: usize, bp: *const u8, bl: usize) -> i64 {
    match bytes(ap, al).cmp(bytes(bp, bl)) {
        core::cmp::Ordering::Less => -1,
        core::cmp::Ordering::Equal => 0,
        core::cmp::Ordering::Greater => 1,
    }
}

#[no_mangle]
pub unsafe extern "C" fn gorc_intstring(r: i64) -> GoString {
    let mut buf = [0u8; 4];
    let n = encoderune(&mut buf, r);
    let p = rawstring(n);
    ptr::copy_nonoverlapping(buf.as_ptr(), p, n);
    GoString { ptr: p, len: n }
}

#[no_mangle]
pub unsafe extern "C" fn gorc_slicebytetostring(p: *const u8, n: usize) -> GoString {
    if n == 0 {
        return GoString::EMPTY;
    }
    let d = rawstring(n);
    ptr::copy_nonoverlapping(p, d, n);
    GoString { ptr: d, len: n }
}

#[no_mangle]
pub unsafe extern "C" fn gorc_stringtoslicebyte(p: *const u8, n: usize) -> SlicePtrCap {
    let cap = roundupsize(n);
    let d = mallocgc(cap, &TYPE_UINT8);
    if n > 0 {
        ptr::copy_nonoverlapping(p, d, n);
    }
    SlicePtrCap {
        ptr: d,
        cap: cap as i64,
    }
}

#[no_mangle]
pub unsafe extern "C" fn gorc_stringtoslicerune(p: *const u8, n: usize) -> SlicePtrCap {
    let s = bytes(p, n);
    let mut count = 0usize;
    let mut k = 0;
    while k < n {
        k = decoderune(s, k).1;
        count += 1;
    }
    let d = mallocgc(count * 4, &TYPE_INT32) as *mut i32;
    let mut k = 0;
    let mut i = 0;
    while k < n {
        let (r, next) = decoderune(s, k);
        *d.add(i) = r as i32;
        i += 1;
        k = next;
    }
    SlicePtrCap {
        ptr: d as *mut u8,
        cap: count as i64,
    }
}

#[no_mangle]
pub unsafe extern "C" fn gorc_slicerunetostring(p: *const i32, n: usize) -> GoString {
    let runes = if n == 0 || p.is_null() {
        &[][..]
    } else {
        core::slice::from_raw_parts(p, n)
    };
    let mut buf = [0u8; 4];
    let mut total = 0;
    for &r in runes {
        total += encoderune(&mut buf, r as i64);
    }
    if total == 0 {
        return GoString::EMPTY;
    }
    let d = rawstring(total);
    let mut off = 0;
    for &r in runes {
        let k = encoderune(&mut buf, r as i64);
        ptr::copy_nonoverlapping(buf.as_ptr(), d.add(off), k);
        off += k;
    }
    GoString { ptr: d, len: total }
}

#[no_mangle]
pub unsafe extern "C" fn gorc_decoderune(p: *const u8, n: usize, k: i64) -> RuneNext {
    let (r, next) = decoderune(bytes(p, n), k as usize);
    RuneNext {
        rune: r as i64,
        next: next as i64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(s: &[u8]) -> Vec<(u32, usize)> {
        let mut out = vec![];
        let mut k = 0;
        while k < s.len() {
            let (r, n) = decoderune(s, k);
            out.push((r, k));
            k = n;
        }
        out
    }

    #[test]
    fn decode_like_range() {
        assert_eq!(
            all("aé€😀".as_bytes()),
            vec![(0x61, 0), (0xE9, 1), (0x20AC, 3), (0x1F600, 6)]
        );
        // invalid bytes, truncated sequence, surrogate, overlong: one U+FFFD per byte
        assert_eq!(all(b"\xff"), vec![(0xFFFD, 0)]);
        assert_eq!(all(b"\xe2\x82"), vec![(0xFFFD, 0), (0xFFFD, 1)]);
        assert_eq!(
            all(b"\xed\xa0\x80"),
            vec![(0xFFFD, 0), (0xFFFD, 1), (0xFFFD, 2)]
        );
        assert_eq!(all(b"\xc0\xaf"), vec![(0xFFFD, 0), (0xFFFD, 1)]);
        assert_eq!(all(b"\xf4\x90\x80\x80").len(), 4);
        // agrees with Rust's decoder on valid text
        let s = "héllo, 世界 🌍";
        let ours: Vec<u32> = all(s.as_bytes()).iter().map(|x| x.0).collect();
        let std: Vec<u32> = s.chars().map(|c| c as u32).collect();
        assert_eq!(ours, std);
    }

    #[test]
    fn encode() {
        let enc = |r: i64| {
            let mut b = [0u8; 4];
            let n = encoderune(&mut b, r);
            b[..n].to_vec()
        };
        assert_eq!(enc(0x20AC), "€".as_bytes());
        assert_eq!(enc(-1), "\u{FFFD}".as_bytes());
        assert_eq!(enc(0xD800), "\u{FFFD}".as_bytes());
        assert_eq!(enc(0x110000), "\u{FFFD}".as_bytes());
        assert_eq!(enc(0x10FFFF), "\u{10FFFF}".as_bytes());
    }

    #[test]
    fn conversions() {
        unsafe {
            let parts = [
                GoString {
                    ptr: b"ab".as_ptr(),
                    len: 2,
                },
                GoString::EMPTY,
                GoString {
                    ptr: b"cde".as_ptr(),
                    len: 3,
                },
            ];
            let s = gorc_concatstrings(parts.as_ptr(), 3);
            assert_eq!(s.as_bytes(), b"abcde");
            assert_eq!(gorc_cmpstring(b"ab".as_ptr(), 2, b"abc".as_ptr(), 3), -1);
            assert_eq!(gorc_cmpstring(b"b".as_ptr(), 1, b"abc".as_ptr(), 3), 1);
            assert_eq!(gorc_cmpstring(b"".as_ptr(), 0, core::ptr::null(), 0), 0);
            let r = gorc_stringtoslicerune(b"a\xe2\x82\xac\xff".as_ptr(), 5);
            assert_eq!(r.cap, 3);
            let runes = core::slice::from_raw_parts(r.ptr as *const i32, 3);
            assert_eq!(runes, &[0x61, 0x20AC, 0xFFFD]);
            let back = gorc_slicerunetostring(runes.as_ptr(), 3);
            assert_eq!(back.as_bytes(), "a€\u{FFFD}".as_bytes());
            let rn = gorc_decoderune("x€".as_ptr(), 4, 1);
            assert_eq!(
                rn,
                RuneNext {
                    rune: 0x20AC,
                    next: 4
                }
            );
        }
    }
}
