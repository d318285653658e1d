package main

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

func caesar(s string, k rune) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			r = 'a' + (r-'a'+k)%26
		case r >= 'A' && r <= 'Z':
			r = 'A' + (r-'A'+k)%26
		}
		out = append(out, r)
	}
	return string(out)
}

func main() {
	var c byte = 'A'
	var r rune = 'é'
	println(c, r, '\n', '\t', '\x7f', '\u00e9', '\U0001F600', '\'')
	println(upper("hello, world 123"))
	enc := caesar("Hello, Wörld!", 3)
	println(enc, caesar(enc, 23))
	digits := "0123456789"
	sum := 0
	for i := 0; i < len(digits); i++ {
		sum += int(digits[i] - '0')
	}
	println(sum)
	var hist [26]int
	for _, ch := range "the quick brown fox jumps over the lazy dog" {
		if ch != ' ' {
			hist[ch-'a']++
		}
	}
	for i, n := range hist {
		if n > 1 {
			print(string(rune('a'+i)), n, " ")
		}
	}
	println()
	bs := []byte{0x68, 0x69}
	println(string(bs), string(append(bs, '!')))
	println(string([]rune{0x47, 0x6f, 0x2764}))
}
