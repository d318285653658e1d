// Package utf8 implements functions and constants to support text encoded in
// UTF-8: translating between runes and UTF-8 byte sequences.
package utf8

const (
	RuneError = '\uFFFD'     // the "error" Rune or "Unicode replacement character"
	RuneSelf  = 0x80         // characters below RuneSelf are represented as themselves in a single byte.
	MaxRune   = '\U0010FFFF' // maximum valid Unicode code point.
	UTFMax    = 4            // maximum number of bytes of a UTF-8 encoded Unicode character.
)

const (
	surrogateMin = 0xD800
	surrogateMax = 0xDFFF
)

// seqLen returns the length of the sequence a leading byte b announces, and
// the bounds of the second byte for that leading byte (which rule out overlong
// forms, surrogates and code points past MaxRune). n is 0 for bytes that
// cannot start a sequence.
func seqLen(b byte) (n int, lo, hi byte) {
	switch {
	case b < 0x80:
		return 1, 0, 0
	case b < 0xC2:
		return 0, 0, 0
	case b < 0xE0:
		return 2, 0x80, 0xBF
	case b == 0xE0:
		return 3, 0xA0, 0xBF
	case b == 0xED:
		return 3, 0x80, 0x9F
	case b < 0xF0:
		return 3, 0x80, 0xBF
	case b == 0xF0:
		return 4, 0x90, 0xBF
	case b < 0xF4:
		return 4, 0x80, 0xBF
	case b == 0xF4:
		return 4, 0x80, 0x8F
	}
	return 0, 0, 0
}

// FullRune reports whether the bytes in p begin with a full UTF-8 encoding of
// a rune. An invalid encoding is considered a full Rune since it will convert
// as a width-1 error rune.
func FullRune(p []byte) bool {
	n := len(p)
	if n == 0 {
		return false
	}
	need, lo, hi := seqLen(p[0])
	if need <= 1 || n >= need {
		return true
	}
	// Incomplete: full anyway if a byte already present is invalid.
	if n < 2 {
		return false
	}
	if p[1] < lo || p[1] > hi {
		return true
	}
	if n > 2 && (p[2] < 0x80 || p[2] > 0xBF) {
		return true
	}
	return false
}

// FullRuneInString is like FullRune but its input is a string.
func FullRuneInString(s string) bool {
	n := len(s)
	if n == 0 {
		return false
	}
	need, lo, hi := seqLen(s[0])
	if need <= 1 || n >= need {
		return true
	}
	if n < 2 {
		return false
	}
	if s[1] < lo || s[1] > hi {
		return true
	}
	if n > 2 && (s[2] < 0x80 || s[2] > 0xBF) {
		return true
	}
	return false
}

// DecodeRune unpacks the first UTF-8 encoding in p and returns the rune and
// its width in bytes. If p is empty it returns (RuneError, 0). Otherwise, if
// the encoding is invalid, it returns (RuneError, 1).
func DecodeRune(p []byte) (r rune, size int) {
	n := len(p)
	if n < 1 {
		return RuneError, 0
	}
	b0 := p[0]
	if b0 < RuneSelf {
		return rune(b0), 1
	}
	need, lo, hi := seqLen(b0)
	if need == 0 || n < need {
		return RuneError, 1
	}
	b1 := p[1]
	if b1 < lo || b1 > hi {
		return RuneError, 1
	}
	if need == 2 {
		return rune(b0&0x1F)<<6 | rune(b1&0x3F), 2
	}
	b2 := p[2]
	if b2 < 0x80 || b2 > 0xBF {
		return RuneError, 1
	}
	if need == 3 {
		return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
	}
	b3 := p[3]
	if b3 < 0x80 || b3 > 0xBF {
		return RuneError, 1
	}
	return rune(b0&0x07)<<18 | rune(b1&0x3F)<<12 | rune(b2&0x3F)<<6 | rune(b3&0x3F), 4
}

// DecodeRuneInString is like DecodeRune but its input is a string.
func DecodeRuneInString(s string) (r rune, size int) {
	n := len(s)
	if n < 1 {
		return RuneError, 0
	}
	b0 := s[0]
	if b0 < RuneSelf {
		return rune(b0), 1
	}
	need, lo, hi := seqLen(b0)
	if need == 0 || n < need {
		return RuneError, 1
	}
	b1 := s[1]
	if b1 < lo || b1 > hi {
		return RuneError, 1
	}
	if need == 2 {
		return rune(b0&0x1F)<<6 | rune(b1&0x3F), 2
	}
	b2 := s[2]
	if b2 < 0x80 || b2 > 0xBF {
		return RuneError, 1
	}
	if need == 3 {
		return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
	}
	b3 := s[3]
	if b3 < 0x80 || b3 > 0xBF {
		return RuneError, 1
	}
	return rune(b0&0x07)<<18 | rune(b1&0x3F)<<12 | rune(b2&0x3F)<<6 | rune(b3&0x3F), 4
}

// DecodeLastRune unpacks the last UTF-8 encoding in p and returns the rune and
// its width in bytes. If p is empty it returns (RuneError, 0). Otherwise, if
// the encoding is invalid, it returns (RuneError, 1).
func DecodeLastRune(p []byte) (r rune, size int) {
	end := len(p)
	if end == 0 {
		return RuneError, 0
	}
	if p[end-1] < RuneSelf {
		return rune(p[end-1]), 1
	}
	// Back up over at most UTFMax-1 continuation bytes to a possible start.
	start := end - 1
	lim := end - UTFMax
	if lim < 0 {
		lim = 0
	}
	for start--; start >= lim; start-- {
		if RuneStart(p[start]) {
			break
		}
	}
	if start < 0 {
		start = 0
	}
	r, size = DecodeRune(p[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
}

// DecodeLastRuneInString is like DecodeLastRune but its input is a string.
func DecodeLastRuneInString(s string) (r rune, size int) {
	end := len(s)
	if end == 0 {
		return RuneError, 0
	}
	if s[end-1] < RuneSelf {
		return rune(s[end-1]), 1
	}
	start := end - 1
	lim := end - UTFMax
	if lim < 0 {
		lim = 0
	}
	for start--; start >= lim; start-- {
		if RuneStart(s[start]) {
			break
		}
	}
	if start < 0 {
		start = 0
	}
	r, size = DecodeRuneInString(s[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
}

// RuneLen returns the number of bytes required to encode the rune. It returns
// -1 if the rune is not a valid value to encode in UTF-8.
func RuneLen(r rune) int {
	switch {
	case r < 0:
		return -1
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case surrogateMin <= r && r <= surrogateMax:
		return -1
	case r < 0x10000:
		return 3
	case r <= MaxRune:
		return 4
	}
	return -1
}

// EncodeRune writes into p (which must be large enough) the UTF-8 encoding of
// the rune. If the rune is out of range, it writes the encoding of RuneError.
// It returns the number of bytes written.
func EncodeRune(p []byte, r rune) int {
	if uint32(r) < 0x80 {
		p[0] = byte(r)
		return 1
	}
	if uint32(r) < 0x800 {
		_ = p[1]
		p[0] = 0xC0 | byte(r>>6)
		p[1] = 0x80 | byte(r)&0x3F
		return 2
	}
	if uint32(r) > MaxRune || (surrogateMin <= r && r <= surrogateMax) {
		r = RuneError
	}
	if uint32(r) < 0x10000 {
		_ = p[2]
		p[0] = 0xE0 | byte(r>>12)
		p[1] = 0x80 | byte(r>>6)&0x3F
		p[2] = 0x80 | byte(r)&0x3F
		return 3
	}
	_ = p[3]
	p[0] = 0xF0 | byte(r>>18)
	p[1] = 0x80 | byte(r>>12)&0x3F
	p[2] = 0x80 | byte(r>>6)&0x3F
	p[3] = 0x80 | byte(r)&0x3F
	return 4
}

// AppendRune appends the UTF-8 encoding of r to the end of p and returns the
// extended buffer. If the rune is out of range, it appends the encoding of
// RuneError.
func AppendRune(p []byte, r rune) []byte {
	if uint32(r) < 0x80 {
		return append(p, byte(r))
	}
	var buf [UTFMax]byte
	n := EncodeRune(buf[:], r)
	return append(p, buf[:n]...)
}

// RuneCount returns the number of runes in p. Erroneous and short encodings
// are treated as single runes of width 1 byte.
func RuneCount(p []byte) int {
	n := 0
	for i := 0; i < len(p); n++ {
		if p[i] < RuneSelf {
			i++
			continue
		}
		_, size := DecodeRune(p[i:])
		i += size
	}
	return n
}

// RuneCountInString is like RuneCount but its input is a string.
func RuneCountInString(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		if s[i] < RuneSelf {
			i++
			continue
		}
		_, size := DecodeRuneInString(s[i:])
		i += size
	}
	return n
}

// RuneStart reports whether the byte could be the first byte of an encoded,
// possibly invalid rune. Second and subsequent bytes always have the top two
// bits set to 10.
func RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// Valid reports whether p consists entirely of valid UTF-8-encoded runes.
func Valid(p []byte) bool {
	for i := 0; i < len(p); {
		if p[i] < RuneSelf {
			i++
			continue
		}
		r, size := DecodeRune(p[i:])
		if r == RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// ValidString reports whether s consists entirely of valid UTF-8-encoded runes.
func ValidString(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < RuneSelf {
			i++
			continue
		}
		r, size := DecodeRuneInString(s[i:])
		if r == RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// ValidRune reports whether r can be legally encoded as UTF-8. Code points
// that are out of range or a surrogate half are illegal.
func ValidRune(r rune) bool {
	switch {
	case 0 <= r && r < surrogateMin:
		return true
	case surrogateMax < r && r <= MaxRune:
		return true
	}
	return false
}
