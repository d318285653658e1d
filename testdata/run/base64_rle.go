package main

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

func encode(src []byte) string {
	out := make([]byte, 0, (len(src)+2)/3*4)
	for i := 0; i < len(src); i += 3 {
		var v uint32
		n := len(src) - i
		if n > 3 {
			n = 3
		}
		for j := 0; j < 3; j++ {
			v <<= 8
			if j < n {
				v |= uint32(src[i+j])
			}
		}
		for j := 0; j < 4; j++ {
			if j <= n {
				out = append(out, alphabet[v>>(18-6*j)&63])
			} else {
				out = append(out, '=')
			}
		}
	}
	return string(out)
}

func decode(s string) []byte {
	var rev [256]int
	for i := range rev {
		rev[i] = -1
	}
	for i := 0; i < len(alphabet); i++ {
		rev[alphabet[i]] = i
	}
	var out []byte
	var acc uint32
	bits := 0
	for i := 0; i < len(s); i++ {
		v := rev[s[i]]
		if v < 0 {
			break
		}
		acc = acc<<6 | uint32(v)
		bits += 6
		if bits >= 8 {
			bits -= 8
			out = append(out, byte(acc>>bits))
		}
	}
	return out
}

func rle(s string) string {
	out := ""
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] == s[i] {
			j++
		}
		n := j - i
		if n > 1 {
			digits := ""
			for n > 0 {
				digits = string(rune('0'+n%10)) + digits
				n /= 10
			}
			out += digits
		}
		out += s[i:j][:1]
		i = j
	}
	return out
}

func main() {
	for _, s := range []string{"", "f", "fo", "foo", "foob", "fooba", "foobar", "Hello, gorc!"} {
		e := encode([]byte(s))
		println(s, "->", e, "->", string(decode(e)))
	}
	println(rle("WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW"))
	println(rle("abc"), rle("aabcccd"), rle(""))
}
