package strings

// Case mapping without the unicode tables.
//
// gorc has no package unicode yet, so ToUpper, ToLower and EqualFold map the
// ranges below themselves, with gc's results for them:
//
//   - ASCII and Latin-1 (including µ -> Μ and ÿ -> Ÿ; ß has no single-rune
//     upper case and is left alone, as unicode.ToUpper does),
//   - Latin Extended-A (U+0100..U+017F, including İ, ı and ſ),
//   - basic Greek (U+0386..U+03CE, final sigma),
//   - basic Cyrillic (U+0400..U+045F),
//   - the Kelvin and Ångström signs (lower case only, as in Unicode).
//
// Every other rune is returned unchanged, which differs from gc for the
// letters of other scripts (Armenian, Georgian, Latin Extended-B and
// Additional, full-width forms, ...).

func toUpperRune(r rune) rune {
	switch {
	case r < 0x80:
		if 'a' <= r && r <= 'z' {
			return r - ('a' - 'A')
		}
		return r
	case r < 0x100:
		if r == 0xB5 {
			return 0x39C
		}
		if r == 0xFF {
			return 0x178
		}
		if 0xE0 <= r && r <= 0xFE && r != 0xF7 {
			return r - 0x20
		}
		return r
	case r < 0x180:
		switch {
		case r == 0x131:
			return 'I'
		case r == 0x17F:
			return 'S'
		case r == 0x130 || r == 0x138 || r == 0x149 || r == 0x178:
			return r
		case r <= 0x137 || (0x14A <= r && r <= 0x177):
			return r &^ 1
		case (0x139 <= r && r <= 0x148) || (0x179 <= r && r <= 0x17E):
			if r&1 == 0 {
				return r - 1
			}
			return r
		}
		return r
	case 0x386 <= r && r <= 0x3CE:
		switch {
		case 0x3B1 <= r && r <= 0x3CB:
			if r == 0x3C2 {
				return 0x3A3
			}
			return r - 0x20
		case r == 0x3AC:
			return 0x386
		case 0x3AD <= r && r <= 0x3AF:
			return r - 0x25
		case r == 0x3CC:
			return 0x38C
		case r == 0x3CD || r == 0x3CE:
			return r - 0x3F
		}
		return r
	case 0x400 <= r && r <= 0x45F:
		if 0x430 <= r && r <= 0x44F {
			return r - 0x20
		}
		if r >= 0x450 {
			return r - 0x50
		}
		return r
	}
	return r
}

func toLowerRune(r rune) rune {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	case r < 0x100:
		if 0xC0 <= r && r <= 0xDE && r != 0xD7 {
			return r + 0x20
		}
		return r
	case r < 0x180:
		switch {
		case r == 0x130:
			return 'i'
		case r == 0x178:
			return 0xFF
		case r == 0x131 || r == 0x138 || r == 0x149 || r == 0x17F:
			return r
		case r <= 0x137 || (0x14A <= r && r <= 0x177):
			return r | 1
		case (0x139 <= r && r <= 0x148) || (0x179 <= r && r <= 0x17E):
			if r&1 == 1 {
				return r + 1
			}
			return r
		}
		return r
	case 0x386 <= r && r <= 0x3CE:
		switch {
		case 0x391 <= r && r <= 0x3AB:
			if r == 0x3A2 {
				return r
			}
			return r + 0x20
		case r == 0x386:
			return 0x3AC
		case 0x388 <= r && r <= 0x38A:
			return r + 0x25
		case r == 0x38C:
			return 0x3CC
		case r == 0x38E || r == 0x38F:
			return r + 0x3F
		}
		return r
	case 0x400 <= r && r <= 0x42F:
		if r >= 0x410 {
			return r + 0x20
		}
		return r + 0x50
	case r == 0x212A:
		return 'k'
	case r == 0x212B:
		return 0xE5
	}
	return r
}

// isSpace reports whether r is a Unicode White_Space character (the same set
// as unicode.IsSpace).
func isSpace(r rune) bool {
	if r < 0x100 {
		switch r {
		case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0:
			return true
		}
		return false
	}
	switch {
	case r == 0x1680:
		return true
	case 0x2000 <= r && r <= 0x200A:
		return true
	case r == 0x2028, r == 0x2029, r == 0x202F, r == 0x205F, r == 0x3000:
		return true
	}
	return false
}

// hasUpper/hasLower report whether s is ASCII-only and whether it has any
// byte that the ASCII mapping would change.
func asciiInfo(s string) (isASCII, hasUpper, hasLower bool) {
	isASCII = true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			isASCII = false
			return
		}
		if 'A' <= c && c <= 'Z' {
			hasUpper = true
		} else if 'a' <= c && c <= 'z' {
			hasLower = true
		}
	}
	return
}

// ToUpper returns s with all letters mapped to upper case (see the note at
// the top of this file for the ranges gorc maps).
func ToUpper(s string) string {
	isASCII, _, hasLower := asciiInfo(s)
	if isASCII {
		if !hasLower {
			return s
		}
		b := make([]byte, len(s))
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			b[i] = c
		}
		return string(b)
	}
	return Map(toUpperRune, s)
}

// ToLower returns s with all letters mapped to lower case (see the note at
// the top of this file for the ranges gorc maps).
func ToLower(s string) string {
	isASCII, hasUpper, _ := asciiInfo(s)
	if isASCII {
		if !hasUpper {
			return s
		}
		b := make([]byte, len(s))
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		return string(b)
	}
	return Map(toLowerRune, s)
}

// foldRune maps r to a representative of its simple case-folding orbit.
// Dotted capital I and dotless small i are alone in theirs.
func foldRune(r rune) rune {
	if r == 0x130 || r == 0x131 {
		return r
	}
	return toLowerRune(toUpperRune(r))
}

// EqualFold reports whether s and t, interpreted as UTF-8 strings, are equal
// under simple Unicode case-folding (within the ranges gorc maps).
func EqualFold(s, t string) bool {
	for s != "" && t != "" {
		r1, n1 := decodeRune(s)
		r2, n2 := decodeRune(t)
		s = s[n1:]
		t = t[n2:]
		if r1 == r2 {
			continue
		}
		if foldRune(r1) == foldRune(r2) {
			continue
		}
		return false
	}
	return s == t
}
