package main

// range over a string decodes UTF-8; invalid bytes yield U+FFFD one byte at a time.

func count(s string) (bytes, runes int) {
	for range s {
		runes++
	}
	return len(s), runes
}

func main() {
	s := "héllo, 世界 🌍"
	for i, r := range s {
		println(i, r, string(r))
	}
	b, r := count(s)
	println("bytes", b, "runes", r)
	bad := "a\xffb\xe4\xb8c\xf0\x9f\x8c"
	for i, r := range bad {
		println(i, r)
	}
	println(count(bad))
	// surrogate halves and overlong encodings are invalid
	for i, r := range "\xed\xa0\x80|\xc0\xaf|\xf4\x90\x80\x80" {
		print(i, ":", r, " ")
	}
	println()
	rs := []rune(s)
	println(len(rs), rs[1], string(rs[7:9]))
	println(string(rune(65)), string(rune(0x4e16)), string(rune(-1)), string(rune(0x110000)))
	bs := []byte("abc")
	bs[0] = 'X'
	println(string(bs), len(bs))
	var idx int
	for idx = range "abc" {
	}
	println(idx)
}
