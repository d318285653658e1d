//! Exact constant arithmetic (go/constant): untyped and typed constant values, operations,
//! representability in a basic type, and gc's printing of values.

use crate::{BasicKind, ConstValue};
use gorc_syntax::ast::{BinaryOp, UnaryOp};
use num_bigint::{BigInt, Sign};
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub(crate) fn rat_of_int(i: &BigInt) -> BigRational {
    BigRational::from_integer(i.clone())
}

impl ConstValue {
    pub fn int(i: i64) -> ConstValue {
        ConstValue::Int(BigInt::from(i))
    }
    /// The value as an exact integer, if it is one.
    pub fn to_int(&self) -> Option<BigInt> {
        match self {
            ConstValue::Int(i) => Some(i.clone()),
            ConstValue::Float(f) if f.is_integer() => Some(f.to_integer()),
            ConstValue::Complex(r, i) if i.is_zero() && r.is_integer() => Some(r.to_integer()),
            _ => None,
        }
    }
    pub fn to_float(&self) -> Option<BigRational> {
        match self {
            ConstValue::Int(i) => Some(rat_of_int(i)),
            ConstValue::Float(f) => Some(f.clone()),
            ConstValue::Complex(r, i) if i.is_zero() => Some(r.clone()),
            _ => None,
        }
    }
    pub fn to_complex(&self) -> Option<(BigRational, BigRational)> {
        match self {
            ConstValue::Complex(r, i) => Some((r.clone(), i.clone())),
            _ => self.to_float().map(|f| (f, BigRational::zero())),
        }
    }
    pub fn as_i64(&self) -> Option<i64> {
        self.to_int().and_then(|i| i.to_i64())
    }
    pub fn as_bool(&self) -> bool {
        matches!(self, ConstValue::Bool(true))
    }
    fn rank(&self) -> u8 {
        match self {
            ConstValue::Int(_) => 1,
            ConstValue::Float(_) => 2,
            ConstValue::Complex(..) => 3,
            _ => 0,
        }
    }
    pub fn is_zero(&self) -> bool {
        match self {
            ConstValue::Int(i) => i.is_zero(),
            ConstValue::Float(f) => f.is_zero(),
            ConstValue::Complex(r, i) => r.is_zero() && i.is_zero(),
            _ => false,
        }
    }
    pub fn sign(&self) -> i32 {
        match self {
            ConstValue::Int(i) => i.signum().to_i32().unwrap(),
            ConstValue::Float(f) => f.signum().to_integer().to_i32().unwrap(),
            _ => 0,
        }
    }
}

/// Brings two numeric values to the same representation (the larger of the two).
fn matched(a: &ConstValue, b: &ConstValue) -> (ConstValue, ConstValue) {
    let r = a.rank().max(b.rank());
    let conv = |v: &ConstValue| match r {
        2 => ConstValue::Float(v.to_float().unwrap()),
        3 => {
            let (x, y) = v.to_complex().unwrap();
            ConstValue::Complex(x, y)
        }
        _ => v.clone(),
    };
    (conv(a), conv(b))
}

/// Normalises a float that is an exact integer back to... nothing: floats stay floats.
pub(crate) fn binary_op(
    op: BinaryOp,
    a: &ConstValue,
    b: &ConstValue,
    int_div: bool,
) -> Option<ConstValue> {
    use BinaryOp::*;
    use ConstValue as C;
    if let (C::Bool(x), C::Bool(y)) = (a, b) {
        return Some(C::Bool(match op {
            LAnd => *x && *y,
            LOr => *x || *y,
            _ => return None,
        }));
    }
    if let (C::String(x), C::String(y)) = (a, b) {
        if op == Add {
            let mut s = x.clone();
            s.extend_from_slice(y);
            return Some(C::String(s));
        }
        return None;
    }
    let (a, b) = matched(a, b);
    Some(match (&a, &b) {
        (C::Int(x), C::Int(y)) => match op {
            Add => C::Int(x + y),
            Sub => C::Int(x - y),
            Mul => C::Int(x * y),
            Div if int_div => C::Int(x / y),
            Div => C::Float(BigRational::new(x.clone(), y.clone())),
            Rem => C::Int(x % y),
            And => C::Int(x & y),
            Or => C::Int(x | y),
            Xor => C::Int(x ^ y),
            AndNot => C::Int(x & !y),
            _ => return None,
        },
        (C::Float(x), C::Float(y)) => C::Float(match op {
            Add => x + y,
            Sub => x - y,
            Mul => x * y,
            Div => x / y,
            _ => return None,
        }),
        (C::Complex(ar, ai), C::Complex(br, bi)) => match op {
            Add => C::Complex(ar + br, ai + bi),
            Sub => C::Complex(ar - br, ai - bi),
            Mul => C::Complex(ar * br - ai * bi, ar * bi + ai * br),
            Div => {
                let d = br * br + bi * bi;
                C::Complex((ar * br + ai * bi) / &d, (ai * br - ar * bi) / &d)
            }
            _ => return None,
        },
        _ => return None,
    })
}

pub(crate) fn compare(op: BinaryOp, a: &ConstValue, b: &ConstValue) -> Option<bool> {
    use std::cmp::Ordering;
    use BinaryOp::*;
    use ConstValue as C;
    let ord: Option<Ordering> = match (a, b) {
        (C::Bool(x), C::Bool(y)) => {
            return match op {
                Eq => Some(x == y),
                Ne => Some(x != y),
                _ => None,
            }
        }
        (C::String(x), C::String(y)) => Some(x.cmp(y)),
        _ => {
            let (a, b) = matched(a, b);
            match (&a, &b) {
                (C::Int(x), C::Int(y)) => Some(x.cmp(y)),
                (C::Float(x), C::Float(y)) => Some(x.cmp(y)),
                (C::Complex(..), C::Complex(..)) => {
                    return match op {
                        Eq => Some(a == b),
                        Ne => Some(a != b),
                        _ => None,
                    }
                }
                _ => None,
            }
        }
    };
    let o = ord?;
    Some(match op {
        Eq => o == Ordering::Equal,
        Ne => o != Ordering::Equal,
        Lt => o == Ordering::Less,
        Le => o != Ordering::Greater,
        Gt => o == Ordering::Greater,
        Ge => o != Ordering::Less,
        _ => return None,
    })
}

/// A unary operation; `unsigned_bits` is the size of an unsigned typed operand for `^x`.
pub(crate) fn unary_op(
    op: UnaryOp,
    a: &ConstValue,
    unsigned_bits: Option<u32>,
) -> Option<ConstValue> {
    use ConstValue as C;
    Some(match (op, a) {
        (UnaryOp::Plus, _) => a.clone(),
        (UnaryOp::Neg, C::Int(x)) => C::Int(-x),
        (UnaryOp::Neg, C::Float(x)) => C::Float(-x),
        (UnaryOp::Neg, C::Complex(r, i)) => C::Complex(-r, -i),
        (UnaryOp::Not, C::Bool(b)) => C::Bool(!b),
        (UnaryOp::Xor, C::Int(x)) => match unsigned_bits {
            Some(n) => {
                let mask = (BigInt::one() << n) - 1;
                C::Int(x ^ mask)
            }
            None => C::Int(!x),
        },
        _ => return None,
    })
}

pub(crate) fn shift(op: BinaryOp, a: &ConstValue, s: u64) -> Option<ConstValue> {
    let x = a.to_int()?;
    Some(ConstValue::Int(match op {
        BinaryOp::Shl => x << s as usize,
        _ => {
            // arithmetic shift rounding towards -inf, like Go's >> on signed values
            if x.sign() == Sign::Minus {
                let d = BigInt::one() << s as usize;
                let q = &x / &d;
                if &q * &d != x {
                    q - 1
                } else {
                    q
                }
            } else {
                x >> s as usize
            }
        }
    }))
}

fn int_range(k: BasicKind) -> Option<(BigInt, BigInt)> {
    use BasicKind::*;
    let (signed, bits): (bool, usize) = match k {
        Int | Int64 => (true, 64),
        Int8 => (true, 8),
        Int16 => (true, 16),
        Int32 => (true, 32),
        Uint | Uint64 | Uintptr => (false, 64),
        Uint8 => (false, 8),
        Uint16 => (false, 16),
        Uint32 => (false, 32),
        _ => return None,
    };
    Some(if signed {
        (
            -(BigInt::one() << (bits - 1usize)),
            (BigInt::one() << (bits - 1usize)) - 1,
        )
    } else {
        (BigInt::zero(), (BigInt::one() << bits) - 1)
    })
}

/// Rounds a rational to the nearest float64 (None if it overflows).
pub(crate) fn round_f64(r: &BigRational) -> Option<f64> {
    let f = crate::float::rat_to_f64(r);
    if f.is_finite() {
        Some(f)
    } else {
        None
    }
}

/// The nearest float64 (±Inf on overflow).
pub(crate) fn rat_to_f64(r: &BigRational) -> f64 {
    crate::float::rat_to_f64(r)
}

pub(crate) fn round_f32(r: &BigRational) -> Option<f32> {
    let f = crate::float::rat_to_f32(r);
    if f.is_finite() {
        Some(f)
    } else {
        None
    }
}

fn rat_of_f64(f: f64) -> BigRational {
    BigRational::from_float(f).unwrap_or_else(BigRational::zero)
}

/// Why a constant is not representable in a type.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum ReprError {
    Overflow,
    Truncated,
    Invalid,
}

/// The value of constant `v` in basic type `k` (rounded for floats), or why it cannot be.
pub(crate) fn representable(v: &ConstValue, k: BasicKind) -> Result<ConstValue, ReprError> {
    use BasicKind::*;
    use ConstValue as C;
    let numeric_v = matches!(v, C::Int(_) | C::Float(_) | C::Complex(..));
    let fail = |target_int: bool| {
        if numeric_v && k.is_numeric() {
            let v_int = matches!(v, C::Int(_));
            if !v_int && target_int {
                // gc: a float with a fractional part is "truncated"; a huge integral one overflows
                if v.to_int().is_some() {
                    ReprError::Overflow
                } else {
                    ReprError::Truncated
                }
            } else {
                ReprError::Overflow
            }
        } else {
            ReprError::Invalid
        }
    };
    match k {
        Bool | UntypedBool => match v {
            C::Bool(_) => Ok(v.clone()),
            _ => Err(ReprError::Invalid),
        },
        String | UntypedString => match v {
            C::String(_) => Ok(v.clone()),
            _ => Err(ReprError::Invalid),
        },
        UntypedInt | UntypedRune => match v.to_int() {
            Some(i) => Ok(C::Int(i)),
            None => Err(fail(true)),
        },
        UntypedFloat => match v.to_float() {
            Some(f) => Ok(C::Float(f)),
            None => Err(fail(false)),
        },
        UntypedComplex => match v.to_complex() {
            Some((r, i)) => Ok(C::Complex(r, i)),
            None => Err(fail(false)),
        },
        Float32 | Float64 => {
            let f = v.to_float().ok_or_else(|| fail(false))?;
            let r = if k == Float32 {
                round_f32(&f).map(|x| x as f64)
            } else {
                round_f64(&f)
            };
            match r {
                Some(x) => Ok(C::Float(rat_of_f64(x))),
                None => Err(ReprError::Overflow),
            }
        }
        Complex64 | Complex128 => {
            let (re, im) = v.to_complex().ok_or_else(|| fail(false))?;
            let rd = |x: &BigRational| {
                if k == Complex64 {
                    round_f32(x).map(|x| x as f64)
                } else {
                    round_f64(x)
                }
            };
            match (rd(&re), rd(&im)) {
                (Some(a), Some(b)) => Ok(C::Complex(rat_of_f64(a), rat_of_f64(b))),
                _ => Err(ReprError::Overflow),
            }
        }
        UnsafePointer | Invalid | UntypedNil => Err(ReprError::Invalid),
        _ => {
            let (lo, hi) = int_range(k).unwrap();
            match v.to_int() {
                Some(i) if i >= lo && i <= hi => Ok(C::Int(i)),
                Some(_) => Err(ReprError::Overflow),
                None => Err(fail(true)),
            }
        }
    }
}

/// `%g` with a precision of `prec` significant digits, as Go's fmt prints it.
pub(crate) fn fmt_g(x: f64, prec: Option<usize>) -> String {
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    if x.is_infinite() {
        return if x > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    // shortest representation digits, or rounded to prec digits
    let s = match prec {
        Some(p) => format!("{:.*e}", p.saturating_sub(1), x),
        None => format!("{:e}", x),
    };
    let (mant, exp) = s.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let neg = mant.starts_with('-');
    let digits: std::string::String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let p = prec.unwrap_or(digits.len().max(1)) as i32;
    let eprec = if prec.is_none() && p < 21 { 21 } else { p };
    let mut out = std::string::String::new();
    if neg {
        out.push('-');
    }
    if exp < -4 || exp >= eprec {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    } else if exp < 0 {
        out.push_str("0.");
        for _ in 0..(-exp - 1) {
            out.push('0');
        }
        out.push_str(digits);
    } else {
        let e = exp as usize;
        if digits.len() <= e + 1 {
            out.push_str(digits);
            for _ in 0..(e + 1 - digits.len()) {
                out.push('0');
            }
        } else {
            out.push_str(&digits[..e + 1]);
            out.push('.');
            out.push_str(&digits[e + 1..]);
        }
    }
    out
}

fn float_string(r: &BigRational) -> String {
    if let Some(f) = round_f64(r) {
        if !(f == 0.0 && !r.is_zero()) {
            let mut s = fmt_g(f, Some(6));
            if !r.is_integer() && !s.contains('.') && !s.contains('e') {
                s = fmt_g(f, None);
            }
            return s;
        }
    }
    // out of float64 range: m × 10^e
    let neg = r.is_negative();
    let a = r.abs();
    // decimal exponent estimate from the bit lengths (log10(2) ≈ 0.30103), then corrected
    let mut e =
        ((a.numer().bits() as f64 - a.denom().bits() as f64) * 0.301_029_995_663_981_2) as i64;
    let ten = BigRational::from_integer(BigInt::from(10));
    let pow = |e: i64| {
        if e >= 0 {
            num_traits::pow(ten.clone(), e as usize)
        } else {
            num_traits::pow(ten.clone(), (-e) as usize).recip()
        }
    };
    let mut m = &a / pow(e);
    while m >= ten {
        m /= &ten;
        e += 1;
    }
    while m < BigRational::one() {
        m *= &ten;
        e -= 1;
    }
    let mut mf = rat_to_f64(&m);
    let mut ms = fmt_g(mf, Some(6));
    if ms == "10" {
        mf = 1.0;
        e += 1;
        ms = fmt_g(mf, Some(6));
    }
    format!("{}{}e{:+}", if neg { "-" } else { "" }, ms, e)
}

/// go/constant's `Value.String()`: short, human-readable (quoted, shortened strings; floats
/// with 6 significant digits).
pub(crate) fn value_string(v: &ConstValue) -> String {
    match v {
        ConstValue::Bool(b) => b.to_string(),
        ConstValue::Int(i) => i.to_string(),
        ConstValue::Float(f) => float_string(f),
        ConstValue::Complex(r, i) => format!("({} + {}i)", float_string(r), float_string(i)),
        ConstValue::String(s) => {
            let q = quote(s);
            // go/constant shortens to 72 characters
            if q.chars().count() > 72 {
                let mut t: String = q.chars().take(72 - 3).collect();
                t.push_str("...");
                t
            } else {
                q
            }
        }
    }
}

/// Go's strconv.Quote.
pub(crate) fn quote(s: &[u8]) -> String {
    let mut out = String::from("\"");
    let text = String::from_utf8_lossy(s);
    let valid = std::str::from_utf8(s).is_ok();
    if !valid {
        for &b in s {
            match b {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                b'\t' => out.push_str("\\t"),
                0x20..=0x7e => out.push(b as char),
                _ => out.push_str(&format!("\\x{:02x}", b)),
            }
        }
    } else {
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                '\x07' => out.push_str("\\a"),
                '\x08' => out.push_str("\\b"),
                '\x0c' => out.push_str("\\f"),
                '\x0b' => out.push_str("\\v"),
                c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                    out.push_str(&format!("\\x{:02x}", c as u32))
                }
                c => out.push(c),
            }
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn formats() {
        assert_eq!(fmt_g(1.5, Some(6)), "1.5");
        assert_eq!(fmt_g(1e21, Some(6)), "1e+21");
        assert_eq!(fmt_g(123456789.0, Some(6)), "1.23457e+08");
        assert_eq!(fmt_g(0.0001, Some(6)), "0.0001");
        assert_eq!(fmt_g(0.00001, Some(6)), "1e-05");
        let big = BigRational::from_integer(BigInt::from(10)).pow(1000);
        assert_eq!(value_string(&ConstValue::Float(big)), "1e+1000");
        assert_eq!(
            value_string(&ConstValue::Float(BigRational::new(1.into(), 10.into()))),
            "0.1"
        );
        assert_eq!(rat_to_f64(&BigRational::new(1.into(), 10.into())), 0.1);
        assert_eq!(rat_to_f64(&BigRational::new(1.into(), 3.into())), 1.0 / 3.0);
    }
    #[test]
    fn shifts() {
        let v = shift(BinaryOp::Shl, &ConstValue::int(1), 100).unwrap();
        let v = shift(BinaryOp::Shr, &v, 98).unwrap();
        assert_eq!(v, ConstValue::int(4));
        assert_eq!(
            shift(BinaryOp::Shr, &ConstValue::int(-3), 1).unwrap(),
            ConstValue::int(-2)
        );
    }
    #[test]
    fn repr() {
        assert_eq!(
            representable(&ConstValue::int(256), BasicKind::Uint8),
            Err(ReprError::Overflow)
        );
        assert_eq!(
            representable(&ConstValue::int(255), BasicKind::Uint8),
            Ok(ConstValue::int(255))
        );
        let half = ConstValue::Float(BigRational::new(1.into(), 2.into()));
        assert_eq!(
            representable(&half, BasicKind::Int),
            Err(ReprError::Truncated)
        );
    }
}
