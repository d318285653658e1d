package math

// logDD returns log(x) for finite x > 0 in double-double: x = m × 2**e with
// m in [sqrt(1/2), sqrt(2)), and log(m) = 2 atanh(s), s = (m-1)/(m+1), whose
// series in s² converges quickly (|s| < 0.172).
func logDD(x float64) dd {
	m, e := Frexp(x)
	if m < Sqrt2/2 {
		m *= 2
		e--
	}
	num := ddF(m - 1) // exact
	h, l := twoSum(m, 1)
	s := ddDiv(num, dd{h, l})
	s2 := ddMul(s, s)
	sum := s
	pw := s
	for n := 3; n < 80; n += 2 {
		pw = ddMul(pw, s2)
		t := ddDiv(pw, ddF(float64(n)))
		sum = ddAdd(sum, t)
		if Abs(t.hi) <= 1e-34*Abs(sum.hi) {
			break
		}
	}
	r := ddScale(sum, 1)
	if e != 0 {
		r = ddAdd(ddMulF(ddLn2, float64(e)), r)
	}
	return r
}

// Log returns the natural logarithm of x.
//
// Special cases are:
//	Log(+Inf) = +Inf
//	Log(0) = -Inf
//	Log(x < 0) = NaN
//	Log(NaN) = NaN
func Log(x float64) float64 {
	switch {
	case IsNaN(x) || IsInf(x, 1):
		return x
	case x < 0:
		return NaN()
	case x == 0:
		return Inf(-1)
	}
	r := logDD(x)
	return r.hi + r.lo
}

// Log10 returns the decimal logarithm of x. The special cases are the same
// as for Log. (Computed as Log(x) × (1/Ln10), as gc does: within an ulp, and
// bit for bit gc's result whenever Log agrees with gc's.)
func Log10(x float64) float64 {
	return Log(x) * (1 / Ln10)
}

// Log2 returns the binary logarithm of x. The special cases are the same as
// for Log. Exact powers of two give exact results. (gc composes it from Log,
// which loses accuracy just above 1; gorc computes it in double-double.)
func Log2(x float64) float64 {
	frac, exp := Frexp(x)
	if frac == 0.5 {
		return float64(exp - 1)
	}
	if IsNaN(x) || IsInf(x, 1) || x <= 0 {
		return Log(x)
	}
	r := ddDiv(logDD(x), ddLn2)
	return r.hi + r.lo
}

// Log1p returns the natural logarithm of 1 plus its argument x. It is more
// accurate than Log(1 + x) when x is near zero.
//
// Special cases are:
//	Log1p(+Inf) = +Inf
//	Log1p(±0) = ±0
//	Log1p(-1) = -Inf
//	Log1p(x < -1) = NaN
//	Log1p(NaN) = NaN
func Log1p(x float64) float64 {
	switch {
	case x < -1 || IsNaN(x):
		return NaN()
	case x == -1:
		return Inf(-1)
	case IsInf(x, 1):
		return Inf(1)
	case Abs(x) < 0x1p-54:
		return x
	}
	if Abs(x) < 0.25 {
		// log(1+x) = 2 atanh(x/(2+x)) directly, with no rounding of 1+x.
		h, l := twoSum(2, x)
		s := ddDiv(ddF(x), dd{h, l})
		s2 := ddMul(s, s)
		sum := s
		pw := s
		for n := 3; n < 80; n += 2 {
			pw = ddMul(pw, s2)
			t := ddDiv(pw, ddF(float64(n)))
			sum = ddAdd(sum, t)
			if Abs(t.hi) <= 1e-34*Abs(sum.hi) {
				break
			}
		}
		return 2*sum.hi + 2*sum.lo
	}
	// 1+x = u.hi + u.lo exactly; log(u.hi + u.lo) = log(u.hi) + log1p(u.lo/u.hi).
	h, l := twoSum(1, x)
	r := logDD(h)
	if l != 0 {
		c := l / h
		r = ddAdd(r, ddF(c-c*c/2))
	}
	return r.hi + r.lo
}
