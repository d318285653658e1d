package math

// Sqrt returns the square root of x, correctly rounded. It is computed bit
// by bit with integer arithmetic (the compiler may replace it with the
// hardware instruction, which gives the same results).
//
// Special cases are:
//	Sqrt(+Inf) = +Inf
//	Sqrt(±0) = ±0
//	Sqrt(x < 0) = NaN
//	Sqrt(NaN) = NaN
func Sqrt(x float64) float64 {
	switch {
	case x == 0 || IsNaN(x) || IsInf(x, 1):
		return x
	case x < 0:
		// The NaN the SQRTSD instruction produces (what gc returns).
		return Float64frombits(0xFFF8000000000000)
	}
	m, e := mantExp(x)
	for m < 1<<shift { // normalize subnormals
		m <<= 1
		e--
	}
	if e&1 != 0 {
		m <<= 1
		e--
	}
	// q = floor(sqrt(m × 2**54)): 54 bits, the last one the rounding bit.
	// The radicand's bits are consumed two at a time from the top; m × 2**54
	// has 108 bits (or 107), the low 54 of them zero.
	var q, r uint64
	for i := 53; i >= 0; i-- {
		var pair uint64
		if i >= 27 {
			pair = (m >> uint(2*i-54)) & 3
		}
		r = r<<2 | pair
		t := q<<2 | 1
		if r >= t {
			r -= t
			q = q<<1 | 1
		} else {
			q <<= 1
		}
	}
	// A tie is impossible (an odd square cannot equal an even radicand), so
	// a set rounding bit always rounds up.
	q = q>>1 + q&1
	return Ldexp(float64(int64(q)), e/2-26)
}
