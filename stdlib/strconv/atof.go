package strconv

import "math"

// ParseFloat is exact: the decimal input is kept as a big integer (the first
// 800 significant digits, plus a sticky digit when more non-zero digits
// follow, which cannot change the rounding because every midpoint between
// two floats has fewer significant digits), a float64 approximation gives a
// candidate, and exact comparisons with the midpoints to the candidate's
// neighbours move it to the correctly rounded result (ties to even).

const maxDigits = 800

// parsedFloat is what readFloat found in the input.
type parsedFloat struct {
	neg   bool
	hex   bool
	d     []byte // decimal: significant digits, no leading zeros
	dp    int    // decimal: value is 0.d × 10**dp
	trunc bool   // decimal: non-zero digits were dropped after maxDigits
	mant  uint64 // hex: mantissa bits
	exp2  int    // hex: value is mant × 2**exp2
	stick bool   // hex: non-zero bits were dropped
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isHexDigit(c byte) bool {
	return isDigit(c) || 'a' <= lower(c) && lower(c) <= 'f'
}

func hexVal(c byte) uint64 {
	if isDigit(c) {
		return uint64(c - '0')
	}
	return uint64(lower(c)-'a') + 10
}

// readFloat parses a float literal at the start of s and returns the
// number of bytes used (0 if none).
func readFloat(s string) (p parsedFloat, n int, ok bool) {
	i := 0
	underscores := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		p.neg = s[i] == '-'
		i++
	}
	if i+2 < len(s) && s[i] == '0' && lower(s[i+1]) == 'x' {
		p.hex = true
		i += 2
	}
	sawdot := false
	sawdigits := false
	dp := 0      // digits before the point (decimal) / after it (hex)
	ndig := 0    // significant digits kept
	dropped := 0 // hex: digits dropped before the point
	for ; i < len(s); i++ {
		c := s[i]
		if c == '_' {
			underscores = true
			continue
		}
		if c == '.' {
			if sawdot {
				break
			}
			sawdot = true
			continue
		}
		if p.hex {
			if !isHexDigit(c) {
				break
			}
		} else if !isDigit(c) {
			break
		}
		sawdigits = true
		if !p.hex {
			if c == '0' && ndig == 0 {
				if sawdot {
					dp--
				}
				continue
			}
			if !sawdot {
				dp++
			}
			if ndig < maxDigits {
				p.d = append(p.d, c)
				ndig++
			} else if c != '0' {
				p.trunc = true
			}
			continue
		}
		v := hexVal(c)
		if v == 0 && ndig == 0 {
			if sawdot {
				dp++
			}
			continue
		}
		if ndig < 16 {
			p.mant = p.mant<<4 | v
			ndig++
			if sawdot {
				dp++
			}
		} else {
			if v != 0 {
				p.stick = true
			}
			if !sawdot {
				dropped++
			}
		}
	}
	if !sawdigits {
		return
	}
	// Exponent.
	e := 0
	if i < len(s) && (!p.hex && lower(s[i]) == 'e' || p.hex && lower(s[i]) == 'p') {
		i++
		if i >= len(s) {
			return
		}
		esign := 1
		if s[i] == '+' || s[i] == '-' {
			if s[i] == '-' {
				esign = -1
			}
			i++
		}
		if i >= len(s) || !isDigit(s[i]) {
			return
		}
		for ; i < len(s) && (isDigit(s[i]) || s[i] == '_'); i++ {
			if s[i] == '_' {
				underscores = true
				continue
			}
			if e < 100000 {
				e = e*10 + int(s[i]-'0')
			}
		}
		e *= esign
	} else if p.hex {
		return // hexadecimal mantissas need a 'p' exponent
	}
	if underscores && !underscoreOK(s[:i]) {
		return
	}
	if p.hex {
		p.exp2 = e - 4*dp + 4*dropped
	} else {
		p.d = trimZeros(p.d)
		p.dp = dp + e
		if len(p.d) == 0 {
			p.dp = 0
		}
	}
	return p, i, true
}

// special parses the infinities and NaN (case-insensitive "inf",
// "infinity", "nan", with an optional sign for the infinities).
func special(s string) (f float64, n int, ok bool) {
	if len(s) == 0 {
		return
	}
	sign := 1
	i := 0
	if s[0] == '+' || s[0] == '-' {
		if s[0] == '-' {
			sign = -1
		}
		i = 1
	}
	matches := func(word string) bool {
		if len(s)-i < len(word) {
			return false
		}
		for j := 0; j < len(word); j++ {
			if lower(s[i+j]) != word[j] {
				return false
			}
		}
		return true
	}
	switch {
	case matches("infinity"):
		return math.Inf(sign), i + 8, true
	case matches("inf"):
		return math.Inf(sign), i + 3, true
	case i == 0 && matches("nan"):
		return math.NaN(), 3, true
	}
	return
}

// fbits describes the float format being produced.
type fbits struct {
	mantbits uint
	maxBits  uint64 // bit pattern of the largest finite value
	minE     int    // exponent of the subnormals' unit (value = M × 2**minE)
}

var f64bits = fbits{52, 0x7FEFFFFFFFFFFFFF, -1074}
var f32bits = fbits{23, 0x7F7FFFFF, -149}

// split returns M and e with value = M × 2**e for a positive bit pattern.
func (fb *fbits) split(b uint64) (uint64, int) {
	be := int(b >> fb.mantbits)
	m := b & (uint64(1)<<fb.mantbits - 1)
	if be == 0 {
		return m, fb.minE
	}
	return m | uint64(1)<<fb.mantbits, be - 1 + fb.minE
}

func (fb *fbits) float(b uint64) float64 {
	if fb.mantbits == 23 {
		return float64(math.Float32frombits(uint32(b)))
	}
	return math.Float64frombits(b)
}

// exactDec is the value A × 10**E of a decimal input, prepared for
// comparisons with binary midpoints.
type exactDec struct {
	a5 nat // A × 5**E when E >= 0, else A
	p5 nat // 5**-E when E < 0, else 1
	e  int
}

// cmpMid compares the exact decimal with the midpoint between the float
// M × 2**e and the next one up, (2M+1) × 2**(e-1).
func (x *exactDec) cmpMid(m uint64, e int) int {
	// lhs = A·5^E·2^E, rhs = (2M+1)·5^-E·2^(e-1); divide both by 2^min.
	m2 := x.e
	if e-1 < m2 {
		m2 = e - 1
	}
	lhs := x.a5.shl(uint(x.e - m2))
	rhs := x.p5.mul64(2*m + 1).shl(uint(e - 1 - m2))
	return lhs.cmp(rhs)
}

var pow10tab = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// decimalToFloat returns the bit pattern of the correctly rounded value of
// the (non-zero) decimal p, and whether it overflowed.
func decimalToFloat(p *parsedFloat, fb *fbits) (uint64, bool) {
	d := p.d
	if p.trunc {
		d = append(append([]byte(nil), d...), '1')
	}
	if p.dp > 320 {
		return 0, true
	}
	if p.dp < -345 {
		return 0, false
	}
	E := p.dp - len(d)
	// Exact fast path: the digits and the power of ten are both exact
	// floats, so one multiplication or division rounds correctly.
	if !p.trunc {
		if fb.mantbits == 52 && len(d) <= 15 && -22 <= E && E <= 22 {
			var m uint64
			for i := 0; i < len(d); i++ {
				m = m*10 + uint64(d[i]-'0')
			}
			f := float64(int64(m))
			if E >= 0 {
				f *= pow10tab[E]
			} else {
				f /= pow10tab[-E]
			}
			return math.Float64bits(f), false
		}
		if fb.mantbits == 23 && len(d) <= 7 && -10 <= E && E <= 10 {
			var m uint32
			for i := 0; i < len(d); i++ {
				m = m*10 + uint32(d[i]-'0')
			}
			f := float32(int32(m))
			if E >= 0 {
				f *= float32(pow10tab[E])
			} else {
				f /= float32(pow10tab[-E])
			}
			return uint64(math.Float32bits(f)), false
		}
	}
	// Approximation from the first 19 digits.
	var m19 uint64
	n19 := len(d)
	if n19 > 19 {
		n19 = 19
	}
	for i := 0; i < n19; i++ {
		m19 = m19*10 + uint64(d[i]-'0')
	}
	approx := float64(m19)
	e := p.dp - n19
	for e > 22 {
		approx *= 1e22
		e -= 22
	}
	for e < -22 {
		if approx < 1e-200 {
			break
		}
		approx /= 1e22
		e += 22
	}
	for e < -22 {
		approx /= 1e22
		e += 22
	}
	if e >= 0 {
		approx *= pow10tab[e]
	} else {
		approx /= pow10tab[-e]
	}
	var b uint64
	if fb.mantbits == 23 {
		a32 := float32(approx)
		if approx > math.MaxFloat32 {
			a32 = math.MaxFloat32
		}
		b = uint64(math.Float32bits(a32))
	} else {
		if approx > math.MaxFloat64 {
			approx = math.MaxFloat64
		}
		b = math.Float64bits(approx)
	}
	// Exact big values.
	A := make(nat, 0, len(d)/9+2)
	for i := 0; i < len(d); {
		var chunk uint32
		mul := uint32(1)
		for j := 0; j < 9 && i < len(d); j++ {
			chunk = chunk*10 + uint32(d[i]-'0')
			mul *= 10
			i++
		}
		// A = A*mul + chunk, in place
		carry := uint64(chunk)
		for k := 0; k < len(A); k++ {
			t := uint64(A[k])*uint64(mul) + carry
			A[k] = uint32(t)
			carry = t >> 32
		}
		if carry != 0 {
			A = append(A, uint32(carry))
		}
	}
	var x exactDec
	x.e = E
	if E >= 0 {
		x.a5 = mulNat(pow5(E), A)
		x.p5 = nat{1}
	} else {
		x.a5 = A
		x.p5 = pow5(-E)
	}
	for iter := 0; iter < 200; iter++ {
		m, ex := fb.split(b)
		c := x.cmpMid(m, ex)
		if c > 0 || c == 0 && m&1 == 1 {
			if b == fb.maxBits {
				return 0, true
			}
			b++
			continue
		}
		if b > 0 {
			pm, pe := fb.split(b - 1)
			c = x.cmpMid(pm, pe)
			if c < 0 || c == 0 && m&1 == 1 {
				b--
				continue
			}
		}
		break
	}
	return b, false
}

// mulNat returns x × y.
func mulNat(x, y nat) nat {
	if len(x) == 0 || len(y) == 0 {
		return nil
	}
	z := make(nat, len(x)+len(y))
	for i := 0; i < len(x); i++ {
		var carry uint64
		xi := uint64(x[i])
		for j := 0; j < len(y); j++ {
			t := xi*uint64(y[j]) + uint64(z[i+j]) + carry
			z[i+j] = uint32(t)
			carry = t >> 32
		}
		z[i+len(y)] = uint32(carry)
	}
	return z.norm()
}

// hexToFloat rounds mant × 2**exp2 (plus a sticky bit) to the format.
func hexToFloat(p *parsedFloat, fb *fbits) (uint64, bool) {
	mant, exp2 := p.mant, p.exp2
	if mant == 0 {
		return 0, false
	}
	for mant>>63 == 0 {
		mant <<= 1
		exp2--
	}
	// value = mant × 2**exp2, mant in [2**63, 2**64): the leading bit has
	// weight 2**(exp2+63).
	top := exp2 + 63
	// The unit of the last kept bit: 2**(top-mantbits) for normal values,
	// never below 2**minE.
	unit := top - int(fb.mantbits)
	if unit < fb.minE {
		unit = fb.minE
	}
	shift := unit - exp2 // bits of mant dropped
	var kept, rem, half uint64
	sticky := p.stick
	switch {
	case shift <= 0:
		kept = mant << uint(-shift)
	case shift < 64:
		kept = mant >> uint(shift)
		rem = mant & (uint64(1)<<uint(shift) - 1)
		half = uint64(1) << uint(shift-1)
	case shift == 64:
		kept = 0
		rem = mant
		half = 1 << 63
	default:
		kept = 0
		rem = 1 // far below half: round down
		half = 1 << 63
		sticky = false
	}
	if rem > half || rem == half && (sticky || kept&1 == 1) {
		kept++
	}
	// kept × 2**unit; renormalise a carry into a new binade.
	if kept>>(fb.mantbits+1) != 0 {
		kept >>= 1
		unit++
	}
	if kept == 0 {
		return 0, false
	}
	if kept>>fb.mantbits == 0 {
		return kept, false // subnormal (unit == minE)
	}
	be := unit - fb.minE + 1
	if be > int(fb.maxBits>>fb.mantbits) {
		return 0, true
	}
	return uint64(be)<<fb.mantbits | kept&(uint64(1)<<fb.mantbits-1), false
}

// ParseFloat converts the string s to a floating-point number with the
// precision specified by bitSize: 32 for float32, or 64 for float64. When
// bitSize=32, the result still has type float64, but it will be convertible
// to float32 without changing its value.
//
// ParseFloat accepts decimal and hexadecimal floating-point numbers as
// defined by the Go syntax for floating-point literals, with underscores
// allowed only where the Go syntax allows them, and the case-insensitive
// strings "inf", "infinity" (with an optional sign) and "nan". The result
// is the nearest floating-point number, rounded to even on ties.
//
// The errors that ParseFloat returns have concrete type *NumError and
// include err.Num = s. A malformed s gives err.Err = ErrSyntax and the value
// 0; a value more than half an ulp beyond the largest finite float gives
// ±Inf and err.Err = ErrRange.
func ParseFloat(s string, bitSize int) (float64, error) {
	const fnParseFloat = "ParseFloat"
	if f, n, ok := special(s); ok && n == len(s) {
		if bitSize == 32 {
			f = float64(float32(f))
		}
		return f, nil
	}
	p, n, ok := readFloat(s)
	if !ok || n != len(s) {
		return 0, syntaxError(fnParseFloat, s)
	}
	fb := &f64bits
	if bitSize == 32 {
		fb = &f32bits
	}
	var b uint64
	var ovf bool
	if p.hex {
		b, ovf = hexToFloat(&p, fb)
	} else if len(p.d) > 0 {
		b, ovf = decimalToFloat(&p, fb)
	}
	if ovf {
		f := math.Inf(1)
		if p.neg {
			f = -f
		}
		return f, rangeError(fnParseFloat, s)
	}
	f := fb.float(b)
	if p.neg {
		f = -f
	}
	return f, nil
}
