// Package strings implements simple functions to manipulate UTF-8 encoded
// strings.
package strings

import "unicode/utf8"

// decodeRune decodes the first rune of s (RuneError, 1 for an invalid byte).
func decodeRune(s string) (rune, int) {
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	return utf8.DecodeRuneInString(s)
}

// Compare returns an integer comparing two strings lexicographically: 0 if
// a == b, -1 if a < b, and +1 if a > b.
func Compare(a, b string) int {
	if a == b {
		return 0
	}
	if a < b {
		return -1
	}
	return +1
}

// Contains reports whether substr is within s.
func Contains(s, substr string) bool {
	return Index(s, substr) >= 0
}

// ContainsAny reports whether any Unicode code points in chars are within s.
func ContainsAny(s, chars string) bool {
	return IndexAny(s, chars) >= 0
}

// ContainsRune reports whether the Unicode code point r is within s.
func ContainsRune(s string, r rune) bool {
	return IndexRune(s, r) >= 0
}

// IndexByte returns the index of the first instance of c in s, or -1.
func IndexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// LastIndexByte returns the index of the last instance of c in s, or -1.
func LastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// Index returns the index of the first instance of substr in s, or -1 if
// substr is not present in s.
func Index(s, substr string) int {
	n := len(substr)
	switch {
	case n == 0:
		return 0
	case n == 1:
		return IndexByte(s, substr[0])
	case n == len(s):
		if s == substr {
			return 0
		}
		return -1
	case n > len(s):
		return -1
	}
	first := substr[0]
	last := len(s) - n
	for i := 0; i <= last; i++ {
		if s[i] != first {
			j := IndexByte(s[i+1:last+1], first)
			if j < 0 {
				return -1
			}
			i += j + 1
		}
		if s[i:i+n] == substr {
			return i
		}
	}
	return -1
}

// LastIndex returns the index of the last instance of substr in s, or -1 if
// substr is not present in s.
func LastIndex(s, substr string) int {
	n := len(substr)
	switch {
	case n == 0:
		return len(s)
	case n == 1:
		return LastIndexByte(s, substr[0])
	case n > len(s):
		return -1
	}
	for i := len(s) - n; i >= 0; i-- {
		if s[i] == substr[0] && s[i:i+n] == substr {
			return i
		}
	}
	return -1
}

// IndexRune returns the index of the first instance of the Unicode code point
// r, or -1 if rune is not present in s. If r is utf8.RuneError, it returns the
// first instance of any invalid UTF-8 byte sequence.
func IndexRune(s string, r rune) int {
	switch {
	case 0 <= r && r < utf8.RuneSelf:
		return IndexByte(s, byte(r))
	case r == utf8.RuneError:
		for i, c := range s {
			if c == utf8.RuneError {
				return i
			}
		}
		return -1
	case !utf8.ValidRune(r):
		return -1
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	return Index(s, string(buf[:n]))
}

// IndexAny returns the index of the first instance of any Unicode code point
// from chars in s, or -1 if no Unicode code point from chars is present in s.
func IndexAny(s, chars string) int {
	if chars == "" {
		return -1
	}
	for i, c := range s {
		if IndexRune(chars, c) >= 0 {
			return i
		}
	}
	return -1
}

// LastIndexAny returns the index of the last instance of any Unicode code
// point from chars in s, or -1 if no Unicode code point from chars is present.
func LastIndexAny(s, chars string) int {
	if chars == "" {
		return -1
	}
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if IndexRune(chars, r) >= 0 {
			return i
		}
	}
	return -1
}

// IndexFunc returns the index into s of the first Unicode code point
// satisfying f(c), or -1 if none do.
func IndexFunc(s string, f func(rune) bool) int {
	for i, c := range s {
		if f(c) {
			return i
		}
	}
	return -1
}

// LastIndexFunc returns the index into s of the last Unicode code point
// satisfying f(c), or -1 if none do.
func LastIndexFunc(s string, f func(rune) bool) int {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if f(r) {
			return i
		}
	}
	return -1
}

// HasPrefix tests whether the string s begins with prefix.
func HasPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && s[:len(prefix)] == prefix
}

// HasSuffix tests whether the string s ends with suffix.
func HasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

// Count counts the number of non-overlapping instances of substr in s. If
// substr is empty, Count returns 1 + the number of Unicode code points in s.
func Count(s, substr string) int {
	if len(substr) == 0 {
		return utf8.RuneCountInString(s) + 1
	}
	n := 0
	for {
		i := Index(s, substr)
		if i < 0 {
			return n
		}
		n++
		s = s[i+len(substr):]
	}
}

// explode splits s into a slice of UTF-8 sequences, one per Unicode code
// point (invalid bytes become one-byte strings), up to a maximum of n (n < 0
// means no limit).
func explode(s string, n int) []string {
	l := utf8.RuneCountInString(s)
	if n < 0 || n > l {
		n = l
	}
	a := make([]string, n)
	for i := 0; i < n-1; i++ {
		r, size := decodeRune(s)
		a[i] = s[:size]
		s = s[size:]
		if r == utf8.RuneError {
			a[i] = "\uFFFD"
		}
	}
	if n > 0 {
		a[n-1] = s
	}
	return a
}

// genSplit splits s after each instance of sep, keeping sepSave bytes of sep
// in the pieces, returning at most n pieces.
func genSplit(s, sep string, sepSave, n int) []string {
	if n == 0 {
		return nil
	}
	if sep == "" {
		return explode(s, n)
	}
	if n < 0 {
		n = Count(s, sep) + 1
	}
	if n > len(s)+1 {
		n = len(s) + 1
	}
	a := make([]string, n)
	n--
	i := 0
	for i < n {
		m := Index(s, sep)
		if m < 0 {
			break
		}
		a[i] = s[:m+sepSave]
		s = s[m+len(sep):]
		i++
	}
	a[i] = s
	return a[:i+1]
}

// SplitN slices s into substrings separated by sep and returns a slice of the
// substrings between those separators. n > 0: at most n substrings, the last
// being the unsplit remainder; n == 0: nil; n < 0: all substrings.
func SplitN(s, sep string, n int) []string { return genSplit(s, sep, 0, n) }

// SplitAfterN slices s into substrings after each instance of sep, at most n.
func SplitAfterN(s, sep string, n int) []string { return genSplit(s, sep, len(sep), n) }

// Split slices s into all substrings separated by sep.
func Split(s, sep string) []string { return genSplit(s, sep, 0, -1) }

// SplitAfter slices s into all substrings after each instance of sep.
func SplitAfter(s, sep string) []string { return genSplit(s, sep, len(sep), -1) }

// Fields splits s around each run of consecutive white space characters (as
// defined by unicode.IsSpace), returning the non-empty pieces.
func Fields(s string) []string {
	return FieldsFunc(s, isSpace)
}

// FieldsFunc splits s at each run of Unicode code points c satisfying f(c)
// and returns the non-empty pieces.
func FieldsFunc(s string, f func(rune) bool) []string {
	a := []string{}
	start := -1
	for i, c := range s {
		if f(c) {
			if start >= 0 {
				a = append(a, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		a = append(a, s[start:])
	}
	return a
}

// Join concatenates the elements of elems, placing sep between them.
func Join(elems []string, sep string) string {
	switch len(elems) {
	case 0:
		return ""
	case 1:
		return elems[0]
	}
	n := len(sep) * (len(elems) - 1)
	for i := 0; i < len(elems); i++ {
		n += len(elems[i])
	}
	b := make([]byte, 0, n)
	b = append(b, elems[0]...)
	for _, e := range elems[1:] {
		b = append(b, sep...)
		b = append(b, e...)
	}
	return string(b)
}

// Repeat returns a new string consisting of count copies of s. It panics if
// count is negative or if the result would overflow.
func Repeat(s string, count int) string {
	if count == 0 {
		return ""
	}
	if count < 0 {
		panic("strings: negative Repeat count")
	} else if len(s)*count/count != len(s) {
		panic("strings: Repeat count causes overflow")
	}
	n := len(s) * count
	b := make([]byte, 0, n)
	b = append(b, s...)
	for len(b) < n {
		if len(b) <= n-len(b) {
			b = append(b, b...)
		} else {
			b = append(b, b[:n-len(b)]...)
		}
	}
	return string(b)
}

// Map returns a copy of s with all its characters modified by mapping. If
// mapping returns a negative value, the character is dropped. Invalid UTF-8
// bytes are passed to mapping as utf8.RuneError. When nothing changes, s
// itself is returned.
func Map(mapping func(rune) rune, s string) string {
	// Find the first rune that changes (mapping is called once per rune).
	i := 0
	var first rune
	var wid int
	for i < len(s) {
		var c rune
		c, wid = decodeRune(s[i:])
		first = mapping(c)
		if first == c && (c != utf8.RuneError || wid != 1) {
			i += wid
			continue
		}
		break
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, 0, len(s)+utf8.UTFMax)
	b = append(b, s[:i]...)
	if first >= 0 {
		b = utf8.AppendRune(b, first)
	}
	i += wid
	for _, c := range s[i:] {
		r := mapping(c)
		if r < 0 {
			continue
		}
		if r < utf8.RuneSelf {
			b = append(b, byte(r))
		} else {
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b)
}

// Replace returns a copy of s with the first n non-overlapping instances of
// old replaced by new. If old is empty, it matches at the beginning of the
// string and after each UTF-8 sequence. n < 0 means no limit.
func Replace(s, old, new string, n int) string {
	if old == new || n == 0 {
		return s
	}
	if m := Count(s, old); m == 0 {
		return s
	} else if n < 0 || m < n {
		n = m
	}
	b := make([]byte, 0, len(s)+n*(len(new)-len(old)))
	start := 0
	for i := 0; i < n; i++ {
		j := start
		if len(old) == 0 {
			if i > 0 {
				_, size := decodeRune(s[start:])
				j += size
			}
		} else {
			j += Index(s[start:], old)
		}
		b = append(b, s[start:j]...)
		b = append(b, new...)
		start = j + len(old)
	}
	b = append(b, s[start:]...)
	return string(b)
}

// ReplaceAll returns a copy of s with all non-overlapping instances of old
// replaced by new.
func ReplaceAll(s, old, new string) string {
	return Replace(s, old, new, -1)
}

// TrimLeftFunc returns s with all leading code points c satisfying f(c)
// removed.
func TrimLeftFunc(s string, f func(rune) bool) string {
	for len(s) > 0 {
		r, n := decodeRune(s)
		if !f(r) {
			break
		}
		s = s[n:]
	}
	return s
}

// TrimRightFunc returns s with all trailing code points c satisfying f(c)
// removed.
func TrimRightFunc(s string, f func(rune) bool) string {
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		if !f(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// TrimFunc returns s with all leading and trailing code points c satisfying
// f(c) removed.
func TrimFunc(s string, f func(rune) bool) string {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

// TrimSpace returns s with all leading and trailing white space removed, as
// defined by Unicode.
func TrimSpace(s string) string {
	return TrimFunc(s, isSpace)
}

// Trim returns s with all leading and trailing code points contained in
// cutset removed.
func Trim(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	return TrimRight(TrimLeft(s, cutset), cutset)
}

// TrimLeft returns s with all leading code points contained in cutset
// removed.
func TrimLeft(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	for len(s) > 0 {
		r, n := decodeRune(s)
		if IndexRune(cutset, r) < 0 {
			break
		}
		s = s[n:]
	}
	return s
}

// TrimRight returns s with all trailing code points contained in cutset
// removed.
func TrimRight(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		if IndexRune(cutset, r) < 0 {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// TrimPrefix returns s without the provided leading prefix string. If s
// doesn't start with prefix, s is returned unchanged.
func TrimPrefix(s, prefix string) string {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

// TrimSuffix returns s without the provided trailing suffix string. If s
// doesn't end with suffix, s is returned unchanged.
func TrimSuffix(s, suffix string) string {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

// Cut slices s around the first instance of sep, returning the text before
// and after sep. If sep does not appear in s, cut returns s, "", false.
func Cut(s, sep string) (before, after string, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// Clone returns a fresh copy of s.
func Clone(s string) string {
	if len(s) == 0 {
		return ""
	}
	b := make([]byte, len(s))
	copy(b, s)
	return string(b)
}

// ToValidUTF8 returns a copy of the string s with each run of invalid UTF-8
// byte sequences replaced by the replacement string, which may be empty.
func ToValidUTF8(s, replacement string) string {
	b := make([]byte, 0, len(s))
	invalid := false // previous byte was from an invalid sequence
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			invalid = false
			b = append(b, c)
			continue
		}
		_, wid := utf8.DecodeRuneInString(s[i:])
		if wid == 1 {
			i++
			if !invalid {
				invalid = true
				b = append(b, replacement...)
			}
			continue
		}
		invalid = false
		b = append(b, s[i:i+wid]...)
		i += wid
	}
	return string(b)
}
