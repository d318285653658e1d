package strings

// Replacer replaces a list of strings with replacements. It is safe for
// concurrent use by multiple goroutines.
//
// gorc's Replacer scans the input once; at each position the first pair
// (in argument order) whose old string matches is applied, as gc's does. An
// empty old string matches at every position, including the end; after an
// empty match, a non-empty one may still apply at the same position.
// (WriteString needs package io, which gorc does not have yet.)
type Replacer struct {
	oldnew []string
}

// NewReplacer returns a new Replacer from a list of old, new string pairs.
// Replacements are performed in the order they appear in the target string,
// without overlapping matches, and comparisons are done in argument order.
//
// NewReplacer panics if given an odd number of arguments.
func NewReplacer(oldnew ...string) *Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	return &Replacer{append([]string(nil), oldnew...)}
}

// Replace returns a copy of s with all replacements performed.
func (r *Replacer) Replace(s string) string {
	var b []byte
	changed := false
	last := 0 // s[last:i] is not yet copied
	prevEmpty := false
	for i := 0; i <= len(s); {
		// After an empty match, look again at the same position for a
		// non-empty one.
		matched := -1
		for k := 0; k < len(r.oldnew); k += 2 {
			if prevEmpty && r.oldnew[k] == "" {
				continue
			}
			if HasPrefix(s[i:], r.oldnew[k]) {
				matched = k
				break
			}
		}
		if matched < 0 {
			prevEmpty = false
			i++
			continue
		}
		old, new := r.oldnew[matched], r.oldnew[matched+1]
		prevEmpty = old == ""
		if !changed {
			b = make([]byte, 0, len(s))
			changed = true
		}
		b = append(b, s[last:i]...)
		b = append(b, new...)
		i += len(old)
		last = i
	}
	if !changed {
		return s
	}
	if last < len(s) {
		b = append(b, s[last:]...)
	}
	return string(b)
}
