package math

// expTaylor returns exp(r) for |r| <= 0.36 in double-double.
func expTaylor(r dd) dd {
	sum := ddOne
	term := ddOne
	for n := 1; n < 40; n++ {
		term = ddDiv(ddMul(term, r), ddF(float64(n)))
		sum = ddAdd(sum, term)
		if Abs(term.hi) < 1e-36 {
			break
		}
	}
	return sum
}

// expm1Taylor returns exp(r)-1 for |r| <= 0.36 in double-double.
func expm1Taylor(r dd) dd {
	sum := r
	term := r
	for n := 2; n < 40; n++ {
		term = ddDiv(ddMul(term, r), ddF(float64(n)))
		sum = ddAdd(sum, term)
		if Abs(term.hi) <= 1e-34*Abs(sum.hi) {
			break
		}
	}
	return sum
}

// expCore returns m and k with exp(x) = m × 2**k, |log(m)| <= ln2/2 + tiny,
// for |x.hi| < 1000.
func expCore(x dd) (dd, int) {
	k := Floor(x.hi*invLn2 + 0.5)
	p, e := twoProd(k, ddLn2.hi)
	q, f := twoProd(k, ddLn2.lo)
	r := ddSub(x, dd{p, e})
	r = ddSub(r, dd{q, f})
	return expTaylor(r), int(k)
}

const (
	expOverflow  = 7.09782712893383973096e+02
	expUnderflow = -7.45133219101941108420e+02
)

// Exp returns e**x, the base-e exponential of x.
//
// Special cases are:
//	Exp(+Inf) = +Inf
//	Exp(NaN) = NaN
// Very large values overflow to 0 or +Inf.
// Very small values underflow to 1.
func Exp(x float64) float64 {
	switch {
	case IsNaN(x) || IsInf(x, 1):
		return x
	case IsInf(x, -1):
		return 0
	case x > expOverflow:
		return Inf(1)
	case x < expUnderflow:
		return 0
	case Abs(x) < 0x1p-54:
		return 1 + x
	}
	m, k := expCore(ddF(x))
	return ldexpDD(m, k)
}

// ldexpDD rounds m × 2**k to a float64, taking m.lo into account when the
// result is subnormal.
func ldexpDD(m dd, k int) float64 {
	r := Ldexp(m.hi, k)
	if r != 0 && Abs(r) >= 0x1p-1022 || IsInf(r, 0) {
		return r
	}
	// Subnormal: m.hi was rounded to 53 bits first; redo the rounding with
	// the low part in view by adding it at the scale of the result.
	back := Ldexp(r, -k) // exact: r is m.hi rounded to fewer bits
	rem := ddAdd(dd{m.hi - back, 0}, dd{m.lo, 0})
	ulp := Ldexp(1, -1074-k) // one subnormal ulp at m's scale
	if rem.hi > ulp/2 || (rem.hi == ulp/2 && rem.lo > 0) {
		return Nextafter(r, Inf(1))
	}
	if rem.hi < -ulp/2 || (rem.hi == -ulp/2 && rem.lo < 0) {
		return Nextafter(r, Inf(-1))
	}
	return r
}

// Exp2 returns 2**x, the base-2 exponential of x.
//
// Special cases are the same as Exp.
func Exp2(x float64) float64 {
	switch {
	case IsNaN(x) || IsInf(x, 1):
		return x
	case IsInf(x, -1):
		return 0
	case x >= 1024:
		return Inf(1)
	case x < -1080:
		return 0
	}
	k := Floor(x + 0.5)
	f := x - k
	m := expTaylor(ddMulF(ddLn2, f))
	return ldexpDD(m, int(k))
}

// expm1DD returns e**x - 1 in double-double, for |x| < 709.
func expm1DD(x float64) dd {
	if Abs(x) <= 0.35 {
		return expm1Taylor(ddF(x))
	}
	m, k := expCore(ddF(x))
	return ddSub(ddScale(m, k), ddOne)
}

// Expm1 returns e**x - 1, the base-e exponential of x minus 1. It is more
// accurate than Exp(x) - 1 when x is near zero.
//
// Special cases are:
//	Expm1(+Inf) = +Inf
//	Expm1(-Inf) = -1
//	Expm1(NaN) = NaN
// Very large values overflow to -1 or +Inf.
func Expm1(x float64) float64 {
	switch {
	case IsNaN(x) || IsInf(x, 1):
		return x
	case IsInf(x, -1):
		return -1
	case x > expOverflow:
		return Inf(1)
	case x < -40:
		return -1
	case Abs(x) < 0x1p-54:
		return x
	}
	r := expm1DD(x)
	return r.hi + r.lo
}

func isOddInt(x float64) bool {
	if Abs(x) >= 1<<53 {
		return false
	}
	xi, xf := Modf(x)
	return xf == 0 && int64(xi)&1 == 1
}

// powInt returns x**y for an integer y with |y| < 2**63 by binary
// exponentiation on x's normalized fraction, the exponent kept apart so
// that the intermediate products neither overflow nor underflow. gc computes
// integer powers this way, so the results agree bit for bit (they are not
// always correctly rounded: each multiplication rounds).
func powInt(x, y float64) float64 {
	n := int64(Abs(y))
	acc, accE := 1.0, 0
	m, e := Frexp(x)
	for i := n; i != 0; i >>= 1 {
		if e < -1<<12 || 1<<12 < e {
			// Hopeless overflow or underflow: Ldexp makes it 0 or Inf.
			accE += e
			break
		}
		if i&1 == 1 {
			acc *= m
			accE += e
		}
		m *= m
		e <<= 1
		if m < 0.5 {
			m += m
			e--
		}
	}
	if y < 0 {
		acc = 1 / acc
		accE = -accE
	}
	return Ldexp(acc, accE)
}

// Pow returns x**y, the base-x exponential of y. Integer powers are
// computed as gc computes them (powInt); the others in double-double.
//
// Special cases are (in order):
//	Pow(x, ±0) = 1 for any x
//	Pow(1, y) = 1 for any y
//	Pow(x, 1) = x for any x
//	Pow(NaN, y) = NaN
//	Pow(x, NaN) = NaN
//	Pow(±0, y) = ±Inf for y an odd integer < 0
//	Pow(±0, -Inf) = +Inf
//	Pow(±0, +Inf) = +0
//	Pow(±0, y) = +Inf for finite y < 0 and not an odd integer
//	Pow(±0, y) = ±0 for y an odd integer > 0
//	Pow(±0, y) = +0 for finite y > 0 and not an odd integer
//	Pow(-1, ±Inf) = 1
//	Pow(x, +Inf) = +Inf for |x| > 1
//	Pow(x, -Inf) = +0 for |x| > 1
//	Pow(x, +Inf) = +0 for |x| < 1
//	Pow(x, -Inf) = +Inf for |x| < 1
//	Pow(+Inf, y) = +Inf for y > 0
//	Pow(+Inf, y) = +0 for y < 0
//	Pow(-Inf, y) = Pow(-0, -y)
//	Pow(x, y) = NaN for finite x < 0 and finite non-integer y
func Pow(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case y == 1:
		return x
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0:
		switch {
		case y < 0:
			if isOddInt(y) {
				return Copysign(Inf(1), x)
			}
			return Inf(1)
		case y > 0:
			if isOddInt(y) {
				return x
			}
			return 0
		}
	case IsInf(y, 0):
		switch {
		case x == -1:
			return 1
		case (Abs(x) < 1) == IsInf(y, 1):
			return 0
		default:
			return Inf(1)
		}
	case IsInf(x, 0):
		if IsInf(x, -1) {
			return Pow(1/x, -y) // Pow(-0, -y)
		}
		switch {
		case y < 0:
			return 0
		case y > 0:
			return Inf(1)
		}
	case y == 0.5:
		return Sqrt(x)
	case y == -0.5:
		return 1 / Sqrt(x)
	}
	if x < 0 && Trunc(y) != y {
		return NaN()
	}
	if Trunc(y) == y {
		if Abs(y) >= 1<<63 {
			// A huge (even) integer power: 0 or +Inf (or 1), as in gc.
			switch {
			case x == -1:
				return 1
			case (Abs(x) < 1) == (y > 0):
				return 0
			default:
				return Inf(1)
			}
		}
		return powInt(x, y)
	}
	l := logDD(x)
	est := y * l.hi
	var res float64
	switch {
	case est > 1000:
		res = Inf(1)
	case est < -1100:
		res = 0
	default:
		var t dd
		if Abs(y) > 1e290 {
			t = ddMulF(ddScale(l, 200), Ldexp(y, -200))
		} else {
			t = ddMulF(l, y)
		}
		if t.hi > 710 {
			res = Inf(1)
		} else if t.hi < -746 {
			res = 0
		} else {
			m, k := expCore(t)
			res = ldexpDD(m, k)
		}
	}
	return res
}
