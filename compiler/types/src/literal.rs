//! Decoding of literal source text into constant values.

use crate::ConstValue;
use gorc_syntax::ast::LitKind;
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Num, One, Zero};

pub(crate) fn decode(kind: LitKind, raw: &str) -> Option<ConstValue> {
    match kind {
        LitKind::Int => parse_int(raw).map(ConstValue::Int),
        LitKind::Float => parse_float(raw).map(ConstValue::Float),
        LitKind::Imag => {
            let body = raw.strip_suffix('i')?;
            let v = if body.contains(['.', 'e', 'E', 'p', 'P'])
                && !body.starts_with("0x")
                && !body.starts_with("0X")
                || body.starts_with("0x") && body.contains(['p', 'P'])
                || body.starts_with("0X") && body.contains(['p', 'P'])
            {
                parse_float(body)?
            } else if body.len() > 1
                && body.starts_with('0')
                && body
                    .chars()
                    .nth(1)
                    .map_or(false, |c| c.is_ascii_digit() || c == '_')
            {
                // legacy: 0123i is decimal
                BigRational::from_integer(BigInt::from_str_radix(&body.replace('_', ""), 10).ok()?)
            } else {
                BigRational::from_integer(parse_int(body)?)
            };
            Some(ConstValue::Complex(BigRational::zero(), v))
        }
        LitKind::Rune => {
            let inner = raw.strip_prefix('\'')?.strip_suffix('\'')?;
            let (c, rest) = unescape_one(inner.as_bytes(), b'\'')?;
            if !rest.is_empty() {
                return None;
            }
            Some(ConstValue::Int(BigInt::from(c)))
        }
        LitKind::String => decode_string(raw).map(ConstValue::String),
    }
}

pub(crate) fn decode_string(raw: &str) -> Option<Vec<u8>> {
    if let Some(inner) = raw.strip_prefix('`') {
        let inner = inner.strip_suffix('`')?;
        return Some(inner.bytes().filter(|&b| b != b'\r').collect());
    }
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = Vec::new();
    let mut s = inner.as_bytes();
    while !s.is_empty() {
        if s[0] == b'\\' && s.len() > 1 && (s[1] == b'x' || (b'0'..=b'7').contains(&s[1])) {
            // byte escapes produce single bytes
            let (v, rest) = unescape_one(s, b'"')?;
            out.push(v as u8);
            s = rest;
        } else {
            let (c, rest) = unescape_one(s, b'"')?;
            let ch = char::from_u32(c).unwrap_or('\u{FFFD}');
            let mut buf = [0u8; 4];
            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            s = rest;
        }
    }
    Some(out)
}

/// One (possibly escaped) character; returns its value and the rest.
fn unescape_one(s: &[u8], _quote: u8) -> Option<(u32, &[u8])> {
    if s.is_empty() {
        return None;
    }
    if s[0] != b'\\' {
        let st = std::str::from_utf8(&s[..s.len().min(4)]).ok().or_else(|| {
            (1..=4).rev().find_map(|n| {
                if n <= s.len() {
                    std::str::from_utf8(&s[..n]).ok()
                } else {
                    None
                }
            })
        })?;
        let c = st.chars().next()?;
        return Some((c as u32, &s[c.len_utf8()..]));
    }
    let c = *s.get(1)?;
    let simple = match c {
        b'a' => Some(7),
        b'b' => Some(8),
        b'f' => Some(12),
        b'n' => Some(10),
        b'r' => Some(13),
        b't' => Some(9),
        b'v' => Some(11),
        b'\\' => Some(b'\\' as u32),
        b'\'' => Some(b'\'' as u32),
        b'"' => Some(b'"' as u32),
        _ => None,
    };
    if let Some(v) = simple {
        return Some((v, &s[2..]));
    }
    let (n, radix, start) = match c {
        b'x' => (2, 16, 2),
        b'u' => (4, 16, 2),
        b'U' => (8, 16, 2),
        b'0'..=b'7' => (3, 8, 1),
        _ => return None,
    };
    let digits = std::str::from_utf8(s.get(start..start + n)?).ok()?;
    let v = u32::from_str_radix(digits, radix).ok()?;
    Some((v, &s[start + n..]))
}

pub(crate) fn parse_int(raw: &str) -> Option<BigInt> {
    let s = raw.replace('_', "");
    let (radix, digits) = if let Some(d) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (16, d.to_string())
    } else if let Some(d) = s.strip_prefix("0b").or_else(|| s.strip_prefix("0B")) {
        (2, d.to_string())
    } else if let Some(d) = s.strip_prefix("0o").or_else(|| s.strip_prefix("0O")) {
        (8, d.to_string())
    } else if s.len() > 1 && s.starts_with('0') {
        (8, s[1..].to_string())
    } else {
        (10, s.clone())
    };
    BigInt::from_str_radix(&digits, radix).ok()
}

pub(crate) fn parse_float(raw: &str) -> Option<BigRational> {
    let s = raw.replace('_', "");
    if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        let (mant, exp) = match h.find(['p', 'P']) {
            Some(i) => (&h[..i], h[i + 1..].parse::<i64>().ok()?),
            None => (h, 0),
        };
        let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
        let all = format!("{}{}", ip, fp);
        let m = if all.is_empty() {
            BigInt::zero()
        } else {
            BigInt::from_str_radix(&all, 16).ok()?
        };
        let e = exp - 4 * fp.len() as i64;
        if e.abs() > 40_000 {
            return None;
        }
        let two = BigRational::from_integer(BigInt::from(2));
        let p = if e >= 0 {
            num_traits::pow(two, e as usize)
        } else {
            num_traits::pow(two, (-e) as usize).recip()
        };
        return Some(BigRational::from_integer(m) * p);
    }
    let (mant, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], s[i + 1..].parse::<i64>().ok()?),
        None => (&s[..], 0),
    };
    let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
    let all = format!("{}{}", ip, fp);
    let m = if all.is_empty() {
        BigInt::zero()
    } else {
        BigInt::from_str_radix(&all, 10).ok()?
    };
    let e = exp - fp.len() as i64;
    if e.abs() > 10_000 {
        // beyond what exact rationals can hold in reasonable memory
        return None;
    }
    let ten = BigRational::from_integer(BigInt::from(10));
    let p = if e >= 0 {
        num_traits::pow(ten, e as usize)
    } else {
        num_traits::pow(ten, (-e) as usize).recip()
    };
    let _ = BigRational::one();
    Some(BigRational::from_integer(m) * p)
}
