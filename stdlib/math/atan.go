package math

// atanDD returns atan(x) for x >= 0 in double-double. Arguments above 1 use
// atan(x) = π/2 - atan(1/x); then three halvings
// atan(x) = 2 atan(x / (1 + sqrt(1 + x²))) bring x below tan(π/32), where
// the Taylor series converges fast.
func atanDD(x dd) dd {
	inv := false
	if x.hi > 1 {
		x = ddDiv(ddOne, x)
		inv = true
	}
	for i := 0; i < 3; i++ {
		d := ddAdd(ddOne, ddSqrt(ddAdd(ddOne, ddMul(x, x))))
		x = ddDiv(x, d)
	}
	x2 := ddMul(x, x)
	sum := x
	pw := x
	for n := 3; n < 80; n += 2 {
		pw = ddNeg(ddMul(pw, x2))
		t := ddDiv(pw, ddF(float64(n)))
		sum = ddAdd(sum, t)
		if Abs(t.hi) <= 1e-34*Abs(sum.hi) {
			break
		}
	}
	r := ddScale(sum, 3)
	if inv {
		r = ddSub(ddPio2, r)
	}
	return r
}

// Atan returns the arctangent, in radians, of x.
//
// Special cases are:
//	Atan(±0) = ±0
//	Atan(±Inf) = ±Pi/2
func Atan(x float64) float64 {
	switch {
	case x == 0 || IsNaN(x):
		return x
	case Abs(x) < 0x1p-27:
		return x
	case Abs(x) > 0x1p60:
		return Copysign(Pi/2, x)
	}
	r := atanDD(ddF(Abs(x)))
	return Copysign(r.hi+r.lo, x)
}

// Atan2 returns the arc tangent of y/x, using the signs of the two to
// determine the quadrant of the return value.
//
// Special cases are (in order):
//	Atan2(y, NaN) = NaN
//	Atan2(NaN, x) = NaN
//	Atan2(+0, x>=0) = +0
//	Atan2(-0, x>=0) = -0
//	Atan2(+0, x<=-0) = +Pi
//	Atan2(-0, x<=-0) = -Pi
//	Atan2(y>0, 0) = +Pi/2
//	Atan2(y<0, 0) = -Pi/2
//	Atan2(+Inf, +Inf) = +Pi/4
//	Atan2(-Inf, +Inf) = -Pi/4
//	Atan2(+Inf, -Inf) = 3Pi/4
//	Atan2(-Inf, -Inf) = -3Pi/4
//	Atan2(y, +Inf) = 0
//	Atan2(y>0, -Inf) = +Pi
//	Atan2(y<0, -Inf) = -Pi
//	Atan2(+Inf, x) = +Pi/2
//	Atan2(-Inf, x) = -Pi/2
func Atan2(y, x float64) float64 {
	switch {
	case IsNaN(y) || IsNaN(x):
		return NaN()
	case y == 0:
		if x >= 0 && !Signbit(x) {
			return Copysign(0, y)
		}
		return Copysign(Pi, y)
	case x == 0:
		return Copysign(Pi/2, y)
	case IsInf(x, 0):
		if IsInf(x, 1) {
			switch {
			case IsInf(y, 0):
				return Copysign(Pi/4, y)
			default:
				return Copysign(0, y)
			}
		}
		switch {
		case IsInf(y, 0):
			return Copysign(3*Pi/4, y)
		default:
			return Copysign(Pi, y)
		}
	case IsInf(y, 0):
		return Copysign(Pi/2, y)
	}
	my, ey := Frexp(Abs(y))
	mx, ex := Frexp(Abs(x))
	d := ey - ex
	var a dd
	switch {
	case d > 60:
		a = ddPio2
	case d < -60:
		if x > 0 {
			return y / x
		}
		a = ddPi
		return Copysign(a.hi, y)
	default:
		q := ddScale(ddDiv(ddF(my), ddF(mx)), d)
		a = atanDD(q)
		if x < 0 {
			a = ddSub(ddPi, a)
		}
	}
	return Copysign(a.hi+a.lo, y)
}

// Asin returns the arcsine, in radians, of x.
//
// Special cases are:
//	Asin(±0) = ±0
//	Asin(x) = NaN if x < -1 or x > 1
func Asin(x float64) float64 {
	switch {
	case x == 0 || IsNaN(x):
		return x
	case x < -1 || x > 1:
		return NaN()
	case Abs(x) < 0x1p-27:
		return x
	case Abs(x) == 1:
		return Copysign(Pi/2, x)
	}
	a := Abs(x)
	d := ddMul(ddSub(ddOne, ddF(a)), ddAdd(ddOne, ddF(a)))
	r := atanDD(ddDiv(ddF(a), ddSqrt(d)))
	return Copysign(r.hi+r.lo, x)
}

// Acos returns the arccosine, in radians, of x.
//
// Special case is:
//	Acos(x) = NaN if x < -1 or x > 1
func Acos(x float64) float64 {
	switch {
	case IsNaN(x) || x < -1 || x > 1:
		return NaN()
	case x == 1:
		return 0
	case x == -1:
		return Pi
	}
	// acos(x) = 2 atan(sqrt((1-x)/(1+x)))
	t := ddDiv(ddSub(ddOne, ddF(x)), ddAdd(ddOne, ddF(x)))
	r := ddScale(atanDD(ddSqrt(t)), 1)
	return r.hi + r.lo
}
