package main

import "unicode/utf8"

func main() {
	println(utf8.RuneError, utf8.RuneSelf, utf8.MaxRune, utf8.UTFMax)
	inputs := []string{"", "a", "é", "€", "😀", "\xff", "\xe2\x82", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\x80", "héllo, 世界", "a\xffb\xe2\x82c", "\xf0\x9f\x98"}
	for _, s := range inputs {
		b := []byte(s)
		r, n := utf8.DecodeRuneInString(s)
		r2, n2 := utf8.DecodeRune(b)
		r3, n3 := utf8.DecodeLastRuneInString(s)
		r4, n4 := utf8.DecodeLastRune(b)
		println(len(s), r, n, r2, n2, r3, n3, r4, n4)
		println(utf8.RuneCountInString(s), utf8.RuneCount(b), utf8.ValidString(s), utf8.Valid(b), utf8.FullRuneInString(s), utf8.FullRune(b))
		for i := 0; i < len(s); i++ {
			print(utf8.RuneStart(s[i]), " ")
		}
		println()
	}
	runes := []rune{0, 'a', 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xd800, 0xdfff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff, 0x110000, -1}
	for _, r := range runes {
		buf := make([]byte, 4)
		n := utf8.EncodeRune(buf, r)
		println(r, utf8.RuneLen(r), utf8.ValidRune(r), n, buf[0], buf[1], buf[2], buf[3], string(utf8.AppendRune([]byte("<"), r)))
	}
}
