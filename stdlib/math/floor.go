package math

// Trunc returns the integer value of x.
//
// Special cases are:
//	Trunc(±0) = ±0
//	Trunc(±Inf) = ±Inf
//	Trunc(NaN) = NaN
func Trunc(x float64) float64 {
	b := Float64bits(x)
	e := int(b>>shift&mask) - bias
	if e >= shift {
		return x // integral, Inf or NaN
	}
	if e < 0 {
		return Float64frombits(b & signMask)
	}
	return Float64frombits(b &^ (1<<uint(shift-e) - 1))
}

// Floor returns the greatest integer value less than or equal to x.
//
// Special cases are:
//	Floor(±0) = ±0
//	Floor(±Inf) = ±Inf
//	Floor(NaN) = NaN
func Floor(x float64) float64 {
	t := Trunc(x)
	if x < 0 && t != x {
		return t - 1
	}
	return t
}

// Ceil returns the least integer value greater than or equal to x.
//
// Special cases are:
//	Ceil(±0) = ±0
//	Ceil(±Inf) = ±Inf
//	Ceil(NaN) = NaN
func Ceil(x float64) float64 {
	return -Floor(-x)
}

// Round returns the nearest integer, rounding half away from zero.
//
// Special cases are:
//	Round(±0) = ±0
//	Round(±Inf) = ±Inf
//	Round(NaN) = NaN
func Round(x float64) float64 {
	b := Float64bits(x)
	e := int(b>>shift&mask) - bias
	if e >= shift {
		return x
	}
	if e < 0 {
		b &= signMask
		if e == -1 {
			b |= bias << shift // ±1
		}
		return Float64frombits(b)
	}
	half := uint64(1) << uint(shift-1-e)
	b += half
	b &^= half<<1 - 1
	return Float64frombits(b)
}

// RoundToEven returns the nearest integer, rounding ties to even.
//
// Special cases are:
//	RoundToEven(±0) = ±0
//	RoundToEven(±Inf) = ±Inf
//	RoundToEven(NaN) = NaN
func RoundToEven(x float64) float64 {
	b := Float64bits(x)
	e := int(b>>shift&mask) - bias
	if e >= shift {
		return x
	}
	if e < -1 {
		return Float64frombits(b & signMask)
	}
	if e == -1 {
		// 0.5 <= |x| < 1: ±0 for exactly one half, else ±1.
		if b&fracMask == 0 {
			return Float64frombits(b & signMask)
		}
		return Float64frombits(b&signMask | bias<<shift)
	}
	unit := uint64(1) << uint(shift-e)
	half := unit >> 1
	b += half - 1 + (b>>uint(shift-e))&1
	b &^= unit - 1
	return Float64frombits(b)
}

// Modf returns integer and fractional floating-point numbers that sum to f.
// Both values have the same sign as f.
//
// Special cases are:
//	Modf(±Inf) = ±Inf, NaN
//	Modf(NaN) = NaN, NaN
func Modf(f float64) (int float64, frac float64) {
	if f < 0 {
		int, frac = Modf(-f)
		return -int, -frac
	}
	if f == 0 {
		return f, f
	}
	int = Trunc(f)
	frac = f - int
	return
}

// normalize returns a normal number y and exponent exp satisfying
// x == y × 2**exp. It assumes x is finite and non-zero.
func normalize(x float64) (y float64, exp int) {
	if Abs(x) < 0x1p-1022 {
		return x * (1 << 52), -52
	}
	return x, 0
}

// Frexp breaks f into a normalized fraction and an integral power of two. It
// returns frac and exp satisfying f == frac × 2**exp, with the absolute value
// of frac in the interval [½, 1).
//
// Special cases are:
//	Frexp(±0) = ±0, 0
//	Frexp(±Inf) = ±Inf, 0
//	Frexp(NaN) = NaN, 0
func Frexp(f float64) (frac float64, exp int) {
	if f == 0 || IsInf(f, 0) || IsNaN(f) {
		return f, 0
	}
	f, exp = normalize(f)
	b := Float64bits(f)
	exp += int(b>>shift&mask) - bias + 1
	b &^= mask << shift
	b |= (bias - 1) << shift
	return Float64frombits(b), exp
}

// Ldexp is the inverse of Frexp. It returns frac × 2**exp.
//
// Special cases are:
//	Ldexp(±0, exp) = ±0
//	Ldexp(±Inf, exp) = ±Inf
//	Ldexp(NaN, exp) = NaN
func Ldexp(frac float64, exp int) float64 {
	if frac == 0 || IsInf(frac, 0) || IsNaN(frac) {
		return frac
	}
	m, e := Frexp(frac) // m in [0.5, 1)
	if exp > 5000 {
		exp = 5000
	} else if exp < -5000 {
		exp = -5000
	}
	e += exp
	// value = m × 2**e = (2m) × 2**(e-1)
	be := e - 1 + bias
	if be >= mask {
		return Copysign(Inf(1), frac)
	}
	if be >= 1 {
		b := Float64bits(m)
		b &^= mask << shift
		b |= uint64(be) << shift
		return Float64frombits(b)
	}
	if e < -1075 {
		return Copysign(0, frac)
	}
	// Subnormal result: build m × 2**(e+53), a normal number, and let one
	// multiplication round it.
	b := Float64bits(m)
	b &^= mask << shift
	b |= uint64(e+53-1+bias) << shift
	return Float64frombits(b) * 0x1p-53
}

// Mod returns the floating-point remainder of x/y. The magnitude of the
// result is less than y and its sign agrees with that of x. The result is
// exact.
//
// Special cases are:
//	Mod(±Inf, y) = NaN
//	Mod(NaN, y) = NaN
//	Mod(x, 0) = NaN
//	Mod(x, ±Inf) = x
//	Mod(x, NaN) = NaN
func Mod(x, y float64) float64 {
	if y == 0 || IsInf(x, 0) || IsNaN(x) || IsNaN(y) {
		return NaN()
	}
	ay := Abs(y)
	ax := Abs(x)
	if IsInf(y, 0) || ax < ay {
		return x
	}
	mx, ex := mantExp(ax)
	my, ey := mantExp(ay)
	// |x| = mx × 2**ex, |y| = my × 2**ey, ex >= ey because |x| >= |y|
	// (or mx >= my when the exponents are equal).
	r := mx % my
	for ex > ey {
		k := ex - ey
		if k > 10 {
			k = 10
		}
		r = (r << uint(k)) % my
		ex -= k
	}
	if r == 0 {
		return Copysign(0, x)
	}
	return Copysign(Ldexp(float64(int64(r)), ey), x)
}

// mantExp returns the integer mantissa m (< 2**53) and exponent e with
// x == m × 2**e, for finite positive x.
func mantExp(x float64) (uint64, int) {
	b := Float64bits(x)
	be := int(b >> shift & mask)
	m := b & fracMask
	if be == 0 {
		return m, -1074
	}
	return m | 1<<shift, be - bias - shift
}
