package math

// Sinh returns the hyperbolic sine of x.
//
// Special cases are:
//	Sinh(±0) = ±0
//	Sinh(±Inf) = ±Inf
//	Sinh(NaN) = NaN
func Sinh(x float64) float64 {
	switch {
	case x == 0 || IsNaN(x) || IsInf(x, 0):
		return x
	case Abs(x) < 0x1p-28:
		return x
	}
	a := Abs(x)
	var r float64
	if a > 22 {
		if a > 711 {
			r = Inf(1)
		} else {
			m, k := expCore(ddF(a))
			r = ldexpDD(m, k-1)
		}
	} else {
		// (E + E/(E+1)) / 2 with E = e**a - 1
		e := expm1DD(a)
		v := ddAdd(e, ddDiv(e, ddAdd(e, ddOne)))
		r = (v.hi + v.lo) / 2
	}
	return Copysign(r, x)
}

// Cosh returns the hyperbolic cosine of x.
//
// Special cases are:
//	Cosh(±0) = 1
//	Cosh(±Inf) = +Inf
//	Cosh(NaN) = NaN
func Cosh(x float64) float64 {
	a := Abs(x)
	switch {
	case IsNaN(x):
		return x
	case IsInf(x, 0) || a > 711:
		return Inf(1)
	case a < 0x1p-27:
		return 1
	}
	m, k := expCore(ddF(a))
	if a > 22 {
		return ldexpDD(m, k-1)
	}
	e := ddScale(m, k)
	v := ddAdd(e, ddDiv(ddOne, e))
	return (v.hi + v.lo) / 2
}

// Tanh returns the hyperbolic tangent of x.
//
// Special cases are:
//	Tanh(±0) = ±0
//	Tanh(±Inf) = ±1
//	Tanh(NaN) = NaN
func Tanh(x float64) float64 {
	a := Abs(x)
	switch {
	case x == 0 || IsNaN(x):
		return x
	case a > 22:
		return Copysign(1, x)
	case a < 0x1p-27:
		return x
	}
	e := expm1DD(2 * a)
	v := ddDiv(e, ddAdd(e, ddF(2)))
	return Copysign(v.hi+v.lo, x)
}

// Cbrt returns the cube root of x.
//
// Special cases are:
//	Cbrt(±0) = ±0
//	Cbrt(±Inf) = ±Inf
//	Cbrt(NaN) = NaN
func Cbrt(x float64) float64 {
	if x == 0 || IsNaN(x) || IsInf(x, 0) {
		return x
	}
	a := Abs(x)
	m, e := Frexp(a) // a = m × 2**e, m in [0.5, 1)
	for e%3 != 0 {
		m *= 2
		e--
	}
	// m in [0.5, 4): Newton's iteration from a linear start.
	y := 0.6 + 0.4*m
	for i := 0; i < 7; i++ {
		y = y - (y*y*y-m)/(3*y*y)
	}
	// One more step with y³ in double-double.
	p, pe := twoProd(y, y)
	y3 := ddMulF(dd{p, pe}, y)
	d := ddSub(ddF(m), y3)
	c := d.hi / (3 * y * y)
	h, l := quickTwoSum(y, c)
	r := ldexpDD(dd{h, l}, e/3)
	return Copysign(r, x)
}

// Hypot returns Sqrt(p*p + q*q), taking care to avoid unnecessary overflow
// and underflow.
//
// Special cases are:
//	Hypot(±Inf, q) = +Inf
//	Hypot(p, ±Inf) = +Inf
//	Hypot(NaN, q) = NaN
//	Hypot(p, NaN) = NaN
func Hypot(p, q float64) float64 {
	switch {
	case IsInf(p, 0) || IsInf(q, 0):
		return Inf(1)
	case IsNaN(p) || IsNaN(q):
		return NaN()
	}
	p, q = Abs(p), Abs(q)
	if p < q {
		p, q = q, p
	}
	if p == 0 {
		return 0
	}
	_, e := Frexp(p)
	if q == 0 {
		return p
	}
	_, eq := Frexp(q)
	if e-eq > 60 {
		return p
	}
	// Scale so that p is in [0.5, 1): the squares neither overflow nor
	// lose bits to underflow.
	ps := Ldexp(p, -e)
	qs := Ldexp(q, -e)
	a, ae := twoProd(ps, ps)
	b, be := twoProd(qs, qs)
	s := ddAdd(dd{a, ae}, dd{b, be})
	r := ddSqrt(s)
	return ldexpDD(r, e)
}
