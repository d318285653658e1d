package math

// Double-double arithmetic: a value is the unevaluated sum hi + lo of two
// float64s with |lo| <= ulp(hi)/2, about 106 bits of precision. The
// transcendental functions compute in it and round once at the end.

type dd struct {
	hi, lo float64
}

func twoSum(a, b float64) (s, e float64) {
	s = a + b
	v := s - a
	e = (a - (s - v)) + (b - v)
	return
}

func quickTwoSum(a, b float64) (s, e float64) {
	s = a + b
	e = b - (s - a)
	return
}

// split breaks a into two 26-bit halves (Veltkamp); |a| must be below 2**995.
func split(a float64) (hi, lo float64) {
	c := 134217729 * a // 2**27 + 1
	hi = c - (c - a)
	lo = a - hi
	return
}

// twoProd returns p + e == a × b exactly.
func twoProd(a, b float64) (p, e float64) {
	p = a * b
	ah, al := split(a)
	bh, bl := split(b)
	e = ((ah*bh - p) + ah*bl + al*bh) + al*bl
	return
}

func ddF(f float64) dd { return dd{f, 0} }

func ddAdd(x, y dd) dd {
	s, e := twoSum(x.hi, y.hi)
	t, f := twoSum(x.lo, y.lo)
	e += t
	s, e = quickTwoSum(s, e)
	e += f
	s, e = quickTwoSum(s, e)
	return dd{s, e}
}

func ddNeg(x dd) dd { return dd{-x.hi, -x.lo} }

func ddSub(x, y dd) dd { return ddAdd(x, ddNeg(y)) }

func ddMul(x, y dd) dd {
	p, e := twoProd(x.hi, y.hi)
	e += x.hi*y.lo + x.lo*y.hi
	p, e = quickTwoSum(p, e)
	return dd{p, e}
}

func ddMulF(x dd, f float64) dd {
	p, e := twoProd(x.hi, f)
	e += x.lo * f
	p, e = quickTwoSum(p, e)
	return dd{p, e}
}

func ddDiv(x, y dd) dd {
	q1 := x.hi / y.hi
	r := ddSub(x, ddMulF(y, q1))
	q2 := r.hi / y.hi
	r = ddSub(r, ddMulF(y, q2))
	q3 := r.hi / y.hi
	s, e := quickTwoSum(q1, q2)
	return ddAdd(dd{s, e}, ddF(q3))
}

// ddScale multiplies x by 2**k exactly (no overflow or underflow assumed).
func ddScale(x dd, k int) dd {
	return dd{Ldexp(x.hi, k), Ldexp(x.lo, k)}
}

// ddSqrt returns the square root of x > 0.
func ddSqrt(x dd) dd {
	s := Sqrt(x.hi)
	p, e := twoProd(s, s)
	d := ddSub(x, dd{p, e})
	c := d.hi / (2 * s)
	h, l := quickTwoSum(s, c)
	return dd{h, l}
}

// Constants in double-double.
var (
	ddLn2  = dd{0.6931471805599453, 2.3190468138462996e-17}
	ddLn10 = dd{2.302585092994046, -2.1707562233822494e-16}
	ddPi   = dd{3.141592653589793, 1.2246467991473532e-16}
	ddPio2 = dd{1.5707963267948966, 6.123233995736766e-17}
	ddPio4 = dd{0.7853981633974483, 3.061616997868383e-17}
	ddOne  = dd{1, 0}
)

const invLn2 = 1.4426950408889634
