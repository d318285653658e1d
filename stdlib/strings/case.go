package strings

// Case mapping: gorc has no package unicode yet, so strings carries the
// three tables it needs (casetables.go, generated from gc's unicode package):
// simple upper and lower case mappings and simple case folding orbits. The
// results are gc's for every rune.

type caseRange struct {
	lo, hi, stride, delta int32
}

// lookupCase returns r plus the delta of the table entry covering r.
func lookupCase(t []caseRange, r rune) rune {
	lo, hi := 0, len(t)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t[m].lo <= r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return r
	}
	e := &t[lo-1]
	if r <= e.hi && (r-e.lo)%e.stride == 0 {
		return r + e.delta
	}
	return r
}

func toUpperRune(r rune) rune {
	if r < 0x80 {
		if 'a' <= r && r <= 'z' {
			return r - ('a' - 'A')
		}
		return r
	}
	return lookupCase(upperTable[:], r)
}

func toLowerRune(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	return lookupCase(lowerTable[:], r)
}

// foldRune maps r to the smallest rune of its simple case folding orbit.
func foldRune(r rune) rune {
	if r < 0x80 {
		if 'a' <= r && r <= 'z' {
			return r - ('a' - 'A')
		}
		return r
	}
	return lookupCase(foldTable[:], r)
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

// asciiInfo reports whether s is ASCII-only and whether it has any upper or
// lower case ASCII letters.
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

// ToUpper returns s with all Unicode letters mapped to their upper case.
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

// ToLower returns s with all Unicode letters mapped to their lower case.
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

// EqualFold reports whether s and t, interpreted as UTF-8 strings, are equal
// under simple Unicode case-folding, which is a more general form of
// case-insensitivity.
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

// toTitleRune is unicode.ToTitle: the upper case, except for the Latin
// digraphs (whose title case is their middle form) and the Georgian letters
// U+10D0..U+10FF (which have no title case).
func toTitleRune(r rune) rune {
	switch {
	case 0x1C4 <= r && r <= 0x1CC:
		return 0x1C5 + (r-0x1C4)/3*3
	case 0x1F1 <= r && r <= 0x1F3:
		return 0x1F2
	case 0x10D0 <= r && r <= 0x10FF:
		return r
	}
	return toUpperRune(r)
}

// ToTitle returns a copy of the string s with all Unicode letters mapped to
// their Unicode title case.
func ToTitle(s string) string {
	return Map(toTitleRune, s)
}
