//! Correctly rounded conversion of exact constants to IEEE floats (round half to even, with
//! subnormals), as gc's constant conversion does.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};

/// The float64 nearest to `r` (±Inf when it overflows).
pub fn rat_to_f64(r: &BigRational) -> f64 {
    round(r, 53, -1022, 1023)
}

/// The float32 nearest to `r` (±Inf when it overflows).
pub fn rat_to_f32(r: &BigRational) -> f32 {
    // The rounded value is exactly representable in float32, so the final narrowing is exact.
    round(r, 24, -126, 127) as f32
}

/// 2^k as an f64, exactly, for -1074 <= k <= 1023.
fn pow2(k: i64) -> f64 {
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

/// Rounds `r` to a binary float with `mant` significand bits and normal exponents in
/// [emin, emax]; the result is returned as the (exactly equal) f64.
fn round(r: &BigRational, mant: i64, emin: i64, emax: i64) -> f64 {
    if r.is_zero() {
        return 0.0;
    }
    let neg = r.is_negative();
    let n = r.numer().abs();
    let d = r.denom().abs();
    // e = floor(log2(n/d)).
    let mut e = n.bits() as i64 - d.bits() as i64;
    let ge = |e: i64| -> bool {
        // n/d >= 2^e ?
        if e >= 0 {
            n >= (&d << e as usize)
        } else {
            (&n << (-e) as usize) >= d
        }
    };
    if !ge(e) {
        e -= 1;
    }
    let sign = if neg { -1.0 } else { 1.0 };
    if e > emax {
        return sign * f64::INFINITY;
    }
    // Weight of the last significand bit (subnormals keep the minimum exponent).
    let lsb = e.max(emin) - (mant - 1);
    let (num, den): (BigInt, BigInt) = if lsb >= 0 {
        (n.clone(), &d << lsb as usize)
    } else {
        (&n << (-lsb) as usize, d.clone())
    };
    let mut q = &num / &den;
    let rem = &num - &q * &den;
    let twice = &rem << 1usize;
    if twice > den || (twice == den && (&q & BigInt::from(1)) == BigInt::from(1)) {
        q += 1;
    }
    // Rounding up may carry into a new bit; that can overflow the largest exponent.
    if q.bits() as i64 - 1 + lsb > emax {
        return sign * f64::INFINITY;
    }
    let q = q.to_u64().expect("significand fits in 64 bits") as f64;
    sign * q * pow2(lsb)
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::Num;

    fn rat(s: &str) -> BigRational {
        // decimal "m e x" → m * 10^x
        let (m, x) = s.split_once('e').unwrap_or((s, "0"));
        let x: i64 = x.parse().unwrap();
        let m = BigInt::from_str_radix(m, 10).unwrap();
        let ten = BigInt::from(10);
        if x >= 0 {
            BigRational::from_integer(m * num_traits::pow(ten, x as usize))
        } else {
            BigRational::new(m, num_traits::pow(ten, (-x) as usize))
        }
    }

    #[test]
    fn decimal_constants_round_like_strtod() {
        for s in [
            "2225073858507201e-323",
            "17976931348623157e292",
            "5e-324",
            "1e-400",
            "1e23",
            "123456789e-5",
            "9007199254740993",
            "22250738585072011e-324",
            "4940656458412e-336",
        ] {
            let (m, x) = s.split_once('e').unwrap_or((s, "0"));
            let want: f64 = format!("{m}e{x}").parse().unwrap();
            assert_eq!(rat_to_f64(&rat(s)).to_bits(), want.to_bits(), "{s}");
        }
        assert_eq!(rat_to_f64(&rat("2e308")), f64::INFINITY);
        assert_eq!(rat_to_f64(&rat("-1e-400")), 0.0);
    }

    #[test]
    fn float32_rounding() {
        for s in [
            "1e-45",
            "3402823466e29",
            "16777217",
            "1e-50",
            "11754942e-45",
        ] {
            let (m, x) = s.split_once('e').unwrap_or((s, "0"));
            let want: f32 = format!("{m}e{x}").parse().unwrap();
            assert_eq!(rat_to_f32(&rat(s)).to_bits(), want.to_bits(), "{s}");
        }
    }
}
