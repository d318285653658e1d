package math

// The trigonometric functions reduce the argument to r in [-π/4, π/4] and a
// quadrant, then sum Taylor series in double-double. Arguments below 2**54
// are reduced with a four-part π/2 (Cody–Waite in double-double); larger ones
// with the bits of 2/π (Payne–Hanek), so huge arguments are reduced exactly.

// pio2Parts sum to π/2 with about 212 bits.
var pio2Parts = [4]float64{1.5707963267948966, 6.123233995736766e-17, -1.4973849048591698e-33, 5.562271104316826e-50}

// twoOverPi holds the first 1280 bits of 2/π after the binary point.
var twoOverPi = [20]uint64{
	0xa2f9836e4e441529, 0xfc2757d1f534ddc0, 0xdb6295993c439041, 0xfe5163abdebbc561,
	0xb7246e3a424dd2e0, 0x06492eea09d1921c, 0xfe1deb1cb129a73e, 0xe88235f52ebb4484,
	0xe99c7026b45f7e41, 0x3991d639835339f4, 0x9c845f8bbdf9283b, 0x1ff897ffde05980f,
	0xef2f118b5a0a6d1f, 0x6d367ecf27cb09b7, 0x4f463f669e5fea2d, 0x7527bac7ebe5f17b,
	0x3d0739f78a5292ea, 0x6bfb5fb11f8d5d08, 0x56033046fc7b6bab, 0xf0cfbc209af4361d,
}

// mul64 returns the 128-bit product of a and b.
func mul64(a, b uint64) (hi, lo uint64) {
	const m32 = 1<<32 - 1
	a0, a1 := a&m32, a>>32
	b0, b1 := b&m32, b>>32
	w0 := a0 * b0
	t := a1*b0 + w0>>32
	w1 := t & m32
	w2 := t >> 32
	w1 += a0 * b1
	hi = a1*b1 + w2 + w1>>32
	lo = a * b
	return
}

// reduce returns the quadrant q (mod 4) and r = x - q·π/2 in [-π/4, π/4]
// (roughly) for finite x >= 0.
func reduce(x float64) (int, dd) {
	if x <= ddPio4.hi {
		return 0, ddF(x)
	}
	if x < 0x1p54 {
		k := Floor(x*(2/Pi) + 0.5)
		r := ddF(x)
		for i := 0; i < 4; i++ {
			p, e := twoProd(k, pio2Parts[i])
			r = ddSub(r, dd{p, e})
		}
		ki := int64(k)
		return int(ki & 3), r
	}
	// x = m × 2**e with e >= 2: x·2/π mod 4 only needs the bits of 2/π from
	// position e-1 on.
	m, e := mantExp(x)
	b0 := e - 2
	w := b0 / 64
	sh := uint(b0 % 64)
	var p [3]uint64
	for i := 0; i < 3; i++ {
		p[i] = twoOverPi[w+i] << sh
		if sh != 0 {
			p[i] |= twoOverPi[w+i+1] >> (64 - sh)
		}
	}
	// z = m·p mod 2**192 (three words, z0 the most significant).
	h2, z2 := mul64(m, p[2])
	h1, l1 := mul64(m, p[1])
	_, l0 := mul64(m, p[0])
	z1 := l1 + h2
	c := uint64(0)
	if z1 < l1 {
		c = 1
	}
	z0 := l0 + h1 + c
	q := int(z0 >> 62)
	a := z0<<2 | z1>>62
	b := z1<<2 | z2>>62
	f1 := float64(int64(a>>11)) * 0x1p-53
	f2 := float64(int64((a&0x7ff)<<42|b>>22)) * 0x1p-106
	h, l := twoSum(f1, f2)
	f := dd{h, l}
	if f.hi >= 0.5 {
		f = ddSub(f, ddOne)
		q++
	}
	return q & 3, ddMul(f, ddPio2)
}

func sinTaylor(r dd) dd {
	r2 := ddMul(r, r)
	sum := r
	term := r
	for n := 3; n < 60; n += 2 {
		term = ddDiv(ddMul(term, r2), ddF(float64((n-1)*n)))
		term = ddNeg(term)
		sum = ddAdd(sum, term)
		if Abs(term.hi) <= 1e-34*Abs(sum.hi) {
			break
		}
	}
	return sum
}

func cosTaylor(r dd) dd {
	r2 := ddMul(r, r)
	sum := ddOne
	term := ddOne
	for n := 2; n < 60; n += 2 {
		term = ddDiv(ddMul(term, r2), ddF(float64((n-1)*n)))
		term = ddNeg(term)
		sum = ddAdd(sum, term)
		if Abs(term.hi) <= 1e-34 {
			break
		}
	}
	return sum
}

// Sin returns the sine of the radian argument x.
//
// Special cases are:
//	Sin(±0) = ±0
//	Sin(±Inf) = NaN
//	Sin(NaN) = NaN
func Sin(x float64) float64 {
	switch {
	case x == 0 || IsNaN(x):
		return x
	case IsInf(x, 0):
		return NaN()
	case Abs(x) < 0x1p-26:
		return x
	}
	neg := x < 0
	q, r := reduce(Abs(x))
	var v dd
	switch q {
	case 0:
		v = sinTaylor(r)
	case 1:
		v = cosTaylor(r)
	case 2:
		v = ddNeg(sinTaylor(r))
	default:
		v = ddNeg(cosTaylor(r))
	}
	res := v.hi + v.lo
	if neg {
		res = -res
	}
	return res
}

// Cos returns the cosine of the radian argument x.
//
// Special cases are:
//	Cos(±Inf) = NaN
//	Cos(NaN) = NaN
func Cos(x float64) float64 {
	switch {
	case IsNaN(x) || IsInf(x, 0):
		return NaN()
	case Abs(x) < 0x1p-27:
		return 1
	}
	q, r := reduce(Abs(x))
	var v dd
	switch q {
	case 0:
		v = cosTaylor(r)
	case 1:
		v = ddNeg(sinTaylor(r))
	case 2:
		v = ddNeg(cosTaylor(r))
	default:
		v = sinTaylor(r)
	}
	return v.hi + v.lo
}

// Sincos returns Sin(x), Cos(x).
func Sincos(x float64) (sin, cos float64) {
	return Sin(x), Cos(x)
}

// Tan returns the tangent of the radian argument x.
//
// Special cases are:
//	Tan(±0) = ±0
//	Tan(±Inf) = NaN
//	Tan(NaN) = NaN
func Tan(x float64) float64 {
	switch {
	case x == 0 || IsNaN(x):
		return x
	case IsInf(x, 0):
		return NaN()
	case Abs(x) < 0x1p-27:
		return x
	}
	neg := x < 0
	q, r := reduce(Abs(x))
	s := sinTaylor(r)
	c := cosTaylor(r)
	var v dd
	if q&1 == 0 {
		v = ddDiv(s, c)
	} else {
		v = ddNeg(ddDiv(c, s))
	}
	res := v.hi + v.lo
	if neg {
		res = -res
	}
	return res
}
