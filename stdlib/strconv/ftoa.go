package strconv

import "math"

// Float formatting works on exact decimal expansions computed with nat:
// every binary float has a finite decimal expansion, so fixed precisions
// are rounded from the exact digits (ties to even), and the shortest form is
// found by comparing candidate digit strings with the exact decimal bounds of
// the interval of values that round to the float. No approximation is
// involved, so the results are exact by construction.

type floatInfo struct {
	mantbits uint
	expbits  uint
	bias     int
}

var float32info = floatInfo{23, 8, -127}
var float64info = floatInfo{52, 11, -1023}

// decDigits is the decimal 0.d[0]d[1]... × 10**dp, without trailing zeros
// (zero has no digits).
type decDigits struct {
	d  []byte
	dp int
}

func trimZeros(d []byte) []byte {
	n := len(d)
	for n > 0 && d[n-1] == '0' {
		n--
	}
	return d[:n]
}

// intDigits returns the digits of the integer x.
func intDigits(x uint64) decDigits {
	var buf [20]byte
	i := len(buf)
	for x > 0 {
		i--
		buf[i] = byte('0' + x%10)
		x /= 10
	}
	n := len(buf) - i
	d := make([]byte, n)
	copy(d, buf[i:])
	return decDigits{trimZeros(d), n}
}

// smallInt reports whether mant × 2**e2 is an integer that fits in a
// uint64, and returns it.
func smallInt(mant uint64, e2 int) (uint64, bool) {
	switch {
	case e2 >= 0:
		if e2 < 64 && mant <= ^uint64(0)>>uint(e2) {
			return mant << uint(e2), true
		}
	case e2 > -64:
		if mant&(uint64(1)<<uint(-e2)-1) == 0 {
			return mant >> uint(-e2), true
		}
	}
	return 0, false
}

// exactDigits returns the exact decimal expansion of mant × 2**e2.
func exactDigits(mant uint64, e2 int) decDigits {
	if mant == 0 {
		return decDigits{nil, 0}
	}
	if x, ok := smallInt(mant, e2); ok {
		return intDigits(x)
	}
	if e2 >= 0 {
		s := natFromUint64(mant).shl(uint(e2)).decimal()
		return decDigits{trimZeros(s), len(s)}
	}
	s := pow5(-e2).mul64(mant).decimal()
	return decDigits{trimZeros(s), len(s) + e2}
}

// round rounds a to its first nd digits, ties to even.
func (a *decDigits) round(nd int) {
	if nd < 0 {
		a.d = nil
		return
	}
	if nd >= len(a.d) {
		return
	}
	up := false
	switch {
	case a.d[nd] > '5':
		up = true
	case a.d[nd] == '5':
		if nd+1 < len(a.d) {
			up = true // more non-zero digits follow (trailing zeros are trimmed)
		} else {
			up = nd > 0 && (a.d[nd-1]-'0')%2 == 1
		}
	}
	if !up {
		a.d = trimZeros(a.d[:nd])
		return
	}
	i := nd - 1
	for i >= 0 && a.d[i] == '9' {
		i--
	}
	if i < 0 {
		a.d = append(a.d[:0], '1')
		a.dp++
		return
	}
	a.d[i]++
	a.d = a.d[:i+1]
}

func padLeft(s []byte, n int) []byte {
	if len(s) >= n {
		return s
	}
	out := make([]byte, n)
	k := n - len(s)
	for i := 0; i < k; i++ {
		out[i] = '0'
	}
	copy(out[k:], s)
	return out
}

func allZeros(s []byte) bool {
	for _, c := range s {
		if c != '0' {
			return false
		}
	}
	return true
}

// cmpDigits compares two digit strings of the same length.
func cmpDigits(a, b []byte) int {
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// incDigits returns the digit string t plus one (one digit longer on carry).
func incDigits(t []byte) []byte {
	out := make([]byte, len(t), len(t)+1)
	copy(out, t)
	i := len(out) - 1
	for i >= 0 && out[i] == '9' {
		out[i] = '0'
		i--
	}
	if i < 0 {
		return append([]byte{'1'}, out...)
	}
	out[i]++
	return out
}

// shortestDigits returns the shortest decimal that rounds back to
// mant × 2**exp2 (exp2 already includes -mantbits), the closest one when
// several qualify.
func shortestDigits(mant uint64, exp int, flt *floatInfo) decDigits {
	if mant == 0 {
		return decDigits{nil, 0}
	}
	e2 := exp - int(flt.mantbits)
	// An integer with a gap of at most 1 to its neighbours: no shorter
	// decimal lies within half a gap, so its own digits are the answer.
	if e2 <= 0 {
		if x, ok := smallInt(mant, e2); ok {
			return intDigits(x)
		}
	}
	minexp := flt.bias + 1
	// The bounds are the midpoints to the neighbours, scaled by 4:
	// v = 4m, u = 4m+2, l = 4m-2 (or 4m-1 below a power of two, where the
	// lower neighbour is closer).
	v := 4 * mant
	u := v + 2
	l := v - 2
	if mant == 1<<flt.mantbits && exp > minexp {
		l = v - 1
	}
	var sv, su, sl []byte
	k := 0
	if e2-2 >= 0 {
		s := uint(e2 - 2)
		sv = natFromUint64(v).shl(s).decimal()
		su = natFromUint64(u).shl(s).decimal()
		sl = natFromUint64(l).shl(s).decimal()
	} else {
		k = 2 - e2
		p := pow5(k)
		sv = p.mul64(v).decimal()
		su = p.mul64(u).decimal()
		sl = p.mul64(l).decimal()
	}
	inclusive := mant%2 == 0
	N := len(su)
	sv = padLeft(sv, N)
	sl = padLeft(sl, N)
	for n := 1; n <= N; n++ {
		t := sv[:n]
		// Rounding down to n digits stays within the lower bound?
		okDown := false
		switch cmpDigits(t, sl[:n]) {
		case 1:
			okDown = true
		case 0:
			okDown = inclusive && allZeros(sl[n:])
		}
		// Rounding up stays within the upper bound?
		okUp := false
		if cmpDigits(t, su[:n]) < 0 {
			t1 := incDigits(t)
			switch cmpDigits(t1, su[:n]) {
			case -1:
				okUp = true
			case 0:
				okUp = inclusive || !allZeros(su[n:])
			}
		}
		if !okDown && !okUp {
			continue
		}
		up := okUp
		if okDown && okUp {
			// Both qualify: take the nearer, ties to even.
			rest := sv[n:]
			c := 0
			if len(rest) > 0 {
				switch {
				case rest[0] > '5':
					c = 1
				case rest[0] < '5':
					c = -1
				default:
					if !allZeros(rest[1:]) {
						c = 1
					}
				}
			} else {
				c = -1
			}
			up = c > 0 || c == 0 && (t[n-1]-'0')%2 == 1
		}
		var d []byte
		if up {
			d = incDigits(t)
		} else {
			d = append([]byte(nil), t...)
		}
		// d × 10**(N-n-k): strip leading zeros, then trailing ones.
		z := 0
		for z < len(d) && d[z] == '0' {
			z++
		}
		dp := len(d) - z + (N - n - k)
		return decDigits{trimZeros(d[z:]), dp}
	}
	// Not reached: n == N always qualifies (t is v itself).
	return exactDigits(mant, e2)
}

// FormatFloat converts the floating-point number f to a string, according
// to the format fmt and precision prec. It rounds the result assuming that
// the original was obtained from a floating-point value of bitSize bits (32
// for float32, 64 for float64).
//
// The format fmt is one of 'b' (-ddddp±ddd, a binary exponent), 'e'
// (-d.dddde±dd), 'E', 'f' (-ddd.dddd), 'g' ('e' for large exponents, 'f'
// otherwise), 'G', 'x' (-0xd.ddddp±ddd, a hexadecimal fraction and binary
// exponent) or 'X'.
//
// The precision prec controls the number of digits (excluding the exponent)
// printed by the 'e', 'E', 'f', 'g' and 'G' formats. For 'e', 'E' and 'f'
// it is the number of digits after the decimal point. For 'g' and 'G' it is
// the maximum number of significant digits (trailing zeros are removed). The
// special precision -1 uses the smallest number of digits necessary such
// that ParseFloat will return f exactly.
func FormatFloat(f float64, fmt byte, prec, bitSize int) string {
	return string(genericFtoa(make([]byte, 0, 24), f, fmt, prec, bitSize))
}

// AppendFloat appends the string form of the floating-point number f, as
// generated by FormatFloat, to dst and returns the extended buffer.
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return genericFtoa(dst, f, fmt, prec, bitSize)
}

func genericFtoa(dst []byte, val float64, fmt byte, prec, bitSize int) []byte {
	var bits uint64
	var flt *floatInfo
	switch bitSize {
	case 32:
		bits = uint64(math.Float32bits(float32(val)))
		flt = &float32info
	case 64:
		bits = math.Float64bits(val)
		flt = &float64info
	default:
		panic("strconv: illegal AppendFloat/FormatFloat bitSize")
	}
	neg := bits>>(flt.expbits+flt.mantbits) != 0
	exp := int(bits>>flt.mantbits) & (1<<flt.expbits - 1)
	mant := bits & (uint64(1)<<flt.mantbits - 1)
	switch exp {
	case 1<<flt.expbits - 1:
		switch {
		case mant != 0:
			return append(dst, "NaN"...)
		case neg:
			return append(dst, "-Inf"...)
		}
		return append(dst, "+Inf"...)
	case 0:
		exp++ // denormal
	default:
		mant |= uint64(1) << flt.mantbits
	}
	exp += flt.bias

	if fmt == 'b' {
		if neg {
			dst = append(dst, '-')
		}
		dst = AppendUint(dst, mant, 10)
		dst = append(dst, 'p')
		e := exp - int(flt.mantbits)
		if e >= 0 {
			dst = append(dst, '+')
		}
		return AppendInt(dst, int64(e), 10)
	}
	if fmt == 'x' || fmt == 'X' {
		return fmtX(dst, prec, fmt, neg, mant, exp, flt)
	}
	switch fmt {
	case 'e', 'E', 'f', 'g', 'G':
	default:
		return append(dst, '%', fmt)
	}

	shortest := prec < 0
	var digs decDigits
	if shortest {
		digs = shortestDigits(mant, exp, flt)
		switch fmt {
		case 'e', 'E':
			prec = len(digs.d) - 1
			if prec < 0 {
				prec = 0
			}
		case 'f':
			prec = len(digs.d) - digs.dp
			if prec < 0 {
				prec = 0
			}
		case 'g', 'G':
			prec = len(digs.d)
		}
	} else {
		digs = exactDigits(mant, exp-int(flt.mantbits))
		switch fmt {
		case 'e', 'E':
			digs.round(prec + 1)
		case 'f':
			digs.round(digs.dp + prec)
		case 'g', 'G':
			if prec == 0 {
				prec = 1
			}
			digs.round(prec)
		}
	}
	return formatDigits(dst, shortest, neg, digs, prec, fmt)
}

func formatDigits(dst []byte, shortest bool, neg bool, digs decDigits, prec int, fmt byte) []byte {
	switch fmt {
	case 'e', 'E':
		return fmtE(dst, neg, digs, prec, fmt)
	case 'f':
		return fmtF(dst, neg, digs, prec)
	}
	// 'g', 'G'
	nd := len(digs.d)
	eprec := prec
	if eprec > nd && nd >= digs.dp {
		eprec = nd
	}
	// %e is used if the exponent from the conversion is less than -4 or
	// greater than or equal to the precision; for the shortest form the
	// decision uses precision 6.
	if shortest {
		eprec = 6
	}
	exp := digs.dp - 1
	if exp < -4 || exp >= eprec {
		if prec > nd {
			prec = nd
		}
		return fmtE(dst, neg, digs, prec-1, fmt+'e'-'g')
	}
	if prec > digs.dp {
		prec = nd
	}
	p := prec - digs.dp
	if p < 0 {
		p = 0
	}
	return fmtF(dst, neg, digs, p)
}

// fmtE formats d.ddddde±dd.
func fmtE(dst []byte, neg bool, digs decDigits, prec int, fmt byte) []byte {
	if neg {
		dst = append(dst, '-')
	}
	nd := len(digs.d)
	ch := byte('0')
	if nd != 0 {
		ch = digs.d[0]
	}
	dst = append(dst, ch)
	if prec > 0 {
		dst = append(dst, '.')
		i := 1
		m := nd
		if prec+1 < m {
			m = prec + 1
		}
		if i < m {
			dst = append(dst, digs.d[i:m]...)
			i = m
		}
		for ; i <= prec; i++ {
			dst = append(dst, '0')
		}
	}
	dst = append(dst, fmt)
	exp := digs.dp - 1
	if nd == 0 {
		exp = 0
	}
	if exp < 0 {
		ch = '-'
		exp = -exp
	} else {
		ch = '+'
	}
	dst = append(dst, ch)
	switch {
	case exp < 10:
		dst = append(dst, '0', byte(exp)+'0')
	case exp < 100:
		dst = append(dst, byte(exp/10)+'0', byte(exp%10)+'0')
	default:
		dst = append(dst, byte(exp/100)+'0', byte(exp/10)%10+'0', byte(exp%10)+'0')
	}
	return dst
}

// fmtF formats ddddd.ddddd.
func fmtF(dst []byte, neg bool, digs decDigits, prec int) []byte {
	if neg {
		dst = append(dst, '-')
	}
	nd := len(digs.d)
	if digs.dp > 0 {
		m := nd
		if m > digs.dp {
			m = digs.dp
		}
		dst = append(dst, digs.d[:m]...)
		for ; m < digs.dp; m++ {
			dst = append(dst, '0')
		}
	} else {
		dst = append(dst, '0')
	}
	if prec > 0 {
		dst = append(dst, '.')
		for i := 1; i <= prec; i++ {
			ch := byte('0')
			if j := digs.dp + i - 1; 0 <= j && j < nd {
				ch = digs.d[j]
			}
			dst = append(dst, ch)
		}
	}
	return dst
}

// fmtX formats -0x1.hhhhp±dd: a hexadecimal mantissa of prec digits after
// the point (all that are non-zero for prec < 0), rounded to even, and a
// binary exponent.
func fmtX(dst []byte, prec int, fmt byte, neg bool, mant uint64, exp int, flt *floatInfo) []byte {
	if mant == 0 {
		exp = 0
	} else {
		// Leading bit to position 60: value = mant/2**60 × 2**exp.
		n := 0
		for m := mant; m != 0; m >>= 1 {
			n++
		}
		mant <<= uint(61 - n)
		exp += n - 1 - int(flt.mantbits)
	}
	if prec >= 0 && prec < 15 {
		shift := uint(60 - 4*prec)
		extra := mant & (uint64(1)<<shift - 1)
		mant >>= shift
		half := uint64(1) << (shift - 1)
		if extra > half || extra == half && mant&1 == 1 {
			mant++
		}
		mant <<= shift
		if mant&(1<<61) != 0 {
			mant >>= 1
			exp++
		}
	}
	hex := lowerhex
	if fmt == 'X' {
		hex = "0123456789ABCDEF"
	}
	if neg {
		dst = append(dst, '-')
	}
	dst = append(dst, '0', fmt, '0'+byte(mant>>60&1))
	mant <<= 4
	if prec < 0 && mant != 0 {
		dst = append(dst, '.')
		for mant != 0 {
			dst = append(dst, hex[mant>>60&15])
			mant <<= 4
		}
	} else if prec > 0 {
		dst = append(dst, '.')
		for i := 0; i < prec; i++ {
			dst = append(dst, hex[mant>>60&15])
			mant <<= 4
		}
	}
	ch := byte('P')
	if fmt == 'x' {
		ch = 'p'
	}
	dst = append(dst, ch)
	if exp < 0 {
		ch = '-'
		exp = -exp
	} else {
		ch = '+'
	}
	dst = append(dst, ch)
	switch {
	case exp < 100:
		dst = append(dst, byte(exp/10)+'0', byte(exp%10)+'0')
	case exp < 1000:
		dst = append(dst, byte(exp/100)+'0', byte(exp/10%10)+'0', byte(exp%10)+'0')
	default:
		dst = append(dst, byte(exp/1000)+'0', byte(exp/100%10)+'0', byte(exp/10%10)+'0', byte(exp%10)+'0')
	}
	return dst
}
