package math

// Asinh returns the inverse hyperbolic sine of x.
//
// Special cases are:
//	Asinh(±0) = ±0
//	Asinh(±Inf) = ±Inf
//	Asinh(NaN) = NaN
func Asinh(x float64) float64 {
	a := Abs(x)
	switch {
	case x == 0 || IsNaN(x) || IsInf(x, 0):
		return x
	case a < 0x1p-28:
		return x
	}
	var r dd
	if a > 0x1p28 {
		// asinh(a) = log(2a) + tiny
		r = ddAdd(logDD(a), ddLn2)
	} else {
		// asinh(a) = log(a + sqrt(a²+1)) = log1p(a + a²/(1 + sqrt(a²+1)))
		a2 := ddMul(ddF(a), ddF(a))
		s := ddSqrt(ddAdd(a2, ddOne))
		t := ddAdd(ddF(a), ddDiv(a2, ddAdd(ddOne, s)))
		r = log1pDD(t)
	}
	return Copysign(r.hi+r.lo, x)
}

// Acosh returns the inverse hyperbolic cosine of x.
//
// Special cases are:
//	Acosh(+Inf) = +Inf
//	Acosh(x) = NaN if x < 1
//	Acosh(NaN) = NaN
func Acosh(x float64) float64 {
	switch {
	case x < 1 || IsNaN(x):
		return NaN()
	case x == 1:
		return 0
	case IsInf(x, 1):
		return x
	}
	var r dd
	if x > 0x1p28 {
		r = ddAdd(logDD(x), ddLn2)
	} else {
		// acosh(x) = log1p(t + sqrt(t² + 2t)), t = x - 1 (exact)
		t := ddF(x - 1)
		s := ddSqrt(ddAdd(ddMul(t, t), ddScale(t, 1)))
		r = log1pDD(ddAdd(t, s))
	}
	return r.hi + r.lo
}

// Atanh returns the inverse hyperbolic tangent of x.
//
// Special cases are:
//	Atanh(1) = +Inf
//	Atanh(±0) = ±0
//	Atanh(-1) = -Inf
//	Atanh(x) = NaN if x < -1 or x > 1
//	Atanh(NaN) = NaN
func Atanh(x float64) float64 {
	a := Abs(x)
	switch {
	case x < -1 || x > 1 || IsNaN(x):
		return NaN()
	case x == 1:
		return Inf(1)
	case x == -1:
		return Inf(-1)
	case a < 0x1p-28:
		return x
	}
	// atanh(a) = log1p(2a/(1-a)) / 2
	q := ddDiv(ddF(2*a), ddSub(ddOne, ddF(a)))
	r := log1pDD(q)
	return Copysign((r.hi+r.lo)/2, x)
}

// log1pDD returns log(1+t) for t >= 0 in double-double.
func log1pDD(t dd) dd {
	if t.hi < 0.25 {
		// 2 atanh(t/(2+t))
		s := ddDiv(t, ddAdd(ddF(2), t))
		s2 := ddMul(s, s)
		sum := s
		pw := s
		for n := 3; n < 80; n += 2 {
			pw = ddMul(pw, s2)
			u := ddDiv(pw, ddF(float64(n)))
			sum = ddAdd(sum, u)
			if Abs(u.hi) <= 1e-34*Abs(sum.hi) {
				break
			}
		}
		return ddScale(sum, 1)
	}
	// u = 1 + t = h + l; log(u) = log(h) + log1p(l/h)
	u := ddAdd(ddOne, t)
	r := logDD(u.hi)
	if u.lo != 0 {
		c := u.lo / u.hi
		r = ddAdd(r, ddF(c-c*c/2))
	}
	return r
}

// Nextafter32 returns the next representable float32 value after x towards
// y.
func Nextafter32(x, y float32) (r float32) {
	switch {
	case x != x || y != y:
		r = float32(NaN())
	case x == y:
		r = x
	case x == 0:
		r = float32(Copysign(float64(Float32frombits(1)), float64(y)))
	case (y > x) == (x > 0):
		r = Float32frombits(Float32bits(x) + 1)
	default:
		r = Float32frombits(Float32bits(x) - 1)
	}
	return
}

// pow10tab and friends give Pow10 gc's results: a product (or quotient) of
// two table entries.
var pow10tab = [...]float64{
	1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07, 1e08, 1e09,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
	1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29,
	1e30, 1e31,
}

var pow10postab32 = [...]float64{
	1e00, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288,
}

var pow10negtab32 = [...]float64{
	1e-00, 1e-32, 1e-64, 1e-96, 1e-128, 1e-160, 1e-192, 1e-224, 1e-256, 1e-288, 1e-320,
}

// Pow10 returns 10**n, the base-10 exponential of n.
//
// Special cases are:
//	Pow10(n) =    0 for n < -323
//	Pow10(n) = +Inf for n > 308
func Pow10(n int) float64 {
	if 0 <= n && n <= 308 {
		return pow10postab32[uint(n)/32] * pow10tab[uint(n)%32]
	}
	if -323 <= n && n <= 0 {
		return pow10negtab32[uint(-n)/32] / pow10tab[uint(-n)%32]
	}
	if n > 0 {
		return Inf(1)
	}
	return 0
}

// Logb returns the binary exponent of x.
//
// Special cases are:
//	Logb(±Inf) = +Inf
//	Logb(0) = -Inf
//	Logb(NaN) = NaN
func Logb(x float64) float64 {
	switch {
	case x == 0:
		return Inf(-1)
	case IsInf(x, 0):
		return Inf(1)
	case IsNaN(x):
		return x
	}
	_, e := Frexp(x)
	return float64(e - 1)
}

// Ilogb returns the binary exponent of x as an integer.
//
// Special cases are:
//	Ilogb(±Inf) = MaxInt32
//	Ilogb(0) = MinInt32
//	Ilogb(NaN) = MaxInt32
func Ilogb(x float64) int {
	switch {
	case x == 0:
		return MinInt32
	case IsNaN(x):
		return MaxInt32
	case IsInf(x, 0):
		return MaxInt32
	}
	_, e := Frexp(x)
	return e - 1
}

// Remainder returns the IEEE 754 floating-point remainder of x/y: x - n·y
// with n the integer nearest x/y (ties to even). The result is exact.
//
// Special cases are:
//	Remainder(±Inf, y) = NaN
//	Remainder(NaN, y) = NaN
//	Remainder(x, 0) = NaN
//	Remainder(x, ±Inf) = x
//	Remainder(x, NaN) = NaN
func Remainder(x, y float64) float64 {
	switch {
	case IsNaN(x) || IsNaN(y) || IsInf(x, 0) || y == 0:
		return NaN()
	case IsInf(y, 0):
		return x
	}
	neg := Signbit(x)
	ax, ay := Abs(x), Abs(y)
	if ax == ay {
		return Copysign(0, x)
	}
	// r = ax mod 2ay (exact), then fold into [-ay/2, ay/2].
	var r float64
	if ay <= MaxFloat64/2 {
		r = Mod(ax, 2*ay)
	} else {
		r = ax
	}
	// Now 0 <= r < 2ay: subtract ay once or twice, exactly, as needed.
	if ay < 0x1p-1021 {
		// Doubling r stays exact here.
		if r+r > ay {
			r -= ay
			if r+r >= ay {
				r -= ay
			}
		}
	} else {
		h := 0.5 * ay
		if r > h {
			r -= ay
			if r >= h {
				r -= ay
			}
		}
	}
	// Ties: r == ±ay/2 must round n to even.
	if neg {
		r = -r
	}
	if r == 0 {
		return Copysign(0, x)
	}
	return r
}
