package main

// Building strings without the standard library: integer formatting,
// padding, joining and a tiny word-wrapper.

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	var buf [20]byte
	i := len(buf)
	for n != 0 {
		d := n % 10
		if d < 0 {
			d = -d
		}
		i--
		buf[i] = byte('0' + d)
		n /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

func hex(n uint64) string {
	const digits = "0123456789abcdef"
	if n == 0 {
		return "0x0"
	}
	s := ""
	for n > 0 {
		s = string(digits[n&15]) + s
		n >>= 4
	}
	return "0x" + s
}

func pad(s string, w int) string {
	for len(s) < w {
		s = " " + s
	}
	return s
}

func join(parts []string, sep string) string {
	out := make([]byte, 0, 64)
	for i, p := range parts {
		if i > 0 {
			out = append(out, sep...)
		}
		out = append(out, p...)
	}
	return string(out)
}

func fields(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}

func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

func main() {
	nums := []int{0, 7, -7, 12345, -9223372036854775808, 9223372036854775807}
	var strs []string
	for _, n := range nums {
		strs = append(strs, itoa(n))
	}
	println(join(strs, ", "))
	println(hex(255), hex(0), hex(0xdeadbeefcafe), hex(1<<63))
	for i := 1; i <= 10000; i *= 10 {
		println("[" + pad(itoa(i), 6) + "]")
	}
	text := "the quick brown fox jumps over the lazy dog and keeps running far away from the  hunter"
	for i, l := range wrap(text, 20) {
		println(itoa(i+1)+":", l)
	}
	table := ""
	for i := 1; i <= 3; i++ {
		for j := 1; j <= 3; j++ {
			table += pad(itoa(i*j), 3)
		}
		table += "\n"
	}
	print(table)
}
