package main

import (
	"errors"
	"math"
	"strconv"
)

var seed uint64 = 0x9E3779B97F4A7C15

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

func errStr(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func main() {
	// Integers.
	ints := []int64{0, 1, -1, 42, -42, 1 << 31, -1 << 31, math.MaxInt64, math.MinInt64, 1234567890123}
	for _, v := range ints {
		println(strconv.Itoa(int(v)), strconv.FormatInt(v, 2), strconv.FormatInt(v, 16), strconv.FormatInt(v, 36), strconv.FormatUint(uint64(v), 10), string(strconv.AppendInt([]byte("x="), v, 8)))
	}
	for _, s := range []string{"0", "123", "-123", "+5", "", "abc", "12a", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "99999999999999999999", " 1", "1_000"} {
		i, err := strconv.Atoi(s)
		println("Atoi", s, i, errStr(err))
	}
	type pi struct {
		s       string
		base    int
		bitSize int
	}
	for _, c := range []pi{{"0x1F", 0, 64}, {"0b101", 0, 8}, {"0o17", 0, 64}, {"017", 0, 64}, {"1_000_000", 0, 64}, {"1__0", 0, 64}, {"_1", 0, 64}, {"ff", 16, 64}, {"FF", 16, 8}, {"-80", 16, 8}, {"-81", 16, 8}, {"127", 10, 8}, {"128", 10, 8}, {"zz", 36, 64}, {"1", 1, 64}, {"1", 37, 64}, {"1", 10, 65}, {"0x", 0, 64}, {"-0x10", 0, 64}} {
		i, err := strconv.ParseInt(c.s, c.base, c.bitSize)
		u, err2 := strconv.ParseUint(c.s, c.base, c.bitSize)
		println("ParseInt", c.s, c.base, c.bitSize, i, errStr(err), u, errStr(err2))
	}
	_, err := strconv.Atoi("x")
	var ne *strconv.NumError
	ne, _ = err.(*strconv.NumError)
	println(ne.Func, ne.Num, ne.Err == strconv.ErrSyntax, errors.Is(err, strconv.ErrSyntax), errors.Unwrap(err) == strconv.ErrSyntax)
	_, err = strconv.ParseInt("300", 10, 8)
	println(errors.Is(err, strconv.ErrRange))
	for _, s := range []string{"1", "t", "T", "true", "TRUE", "True", "0", "f", "false", "FALSE", "yes"} {
		b, err := strconv.ParseBool(s)
		println("ParseBool", s, b, errStr(err))
	}
	println(strconv.FormatBool(true), strconv.FormatBool(false))

	// Quoting.
	for _, s := range []string{"hello", "tab\there", "quote\"back\\slash", "héllo 世界", "\x00\x07\x7f", "\xff\xfe", "bell\a", "😀", "\u200b\u00ad", "'single'"} {
		println(strconv.Quote(s), strconv.QuoteToASCII(s), string(strconv.AppendQuote([]byte("q:"), s)))
		u, err := strconv.Unquote(strconv.Quote(s))
		println(u == s, errStr(err))
	}
	for _, r := range []rune{'a', '\'', '"', '\n', 'é', '世', 0x1F600, 0x7f, 0xD800, 0x110000, 0x200B} {
		println(strconv.QuoteRune(r), strconv.QuoteRuneToASCII(r))
	}
	for _, s := range []string{`"abc"`, `'a'`, "`raw\\n`", `"\u00e9\x41\101\n"`, `'\''`, `"unterminated`, `'ab'`, `"bad \q"`, `"\377"`, `''`, `x`} {
		u, err := strconv.Unquote(s)
		println("Unquote", s, strconv.Quote(u), errStr(err))
	}

	// Floats: fixed cases.
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 100, 1e21, 1e20, 123456789, 1e23, 5e-324, math.MaxFloat64, math.SmallestNonzeroFloat64, 2.5, 0.125, 1e-7, 123.456, math.Pi, math.E, math.Inf(1), math.Inf(-1), math.NaN(), 9007199254740993, float64(math.MaxFloat32)}
	fmts := []byte{'e', 'E', 'f', 'g', 'G', 'b'}
	for _, f := range floats {
		for _, c := range fmts {
			print(strconv.FormatFloat(f, c, -1, 64), " ")
			for _, p := range []int{0, 1, 3, 6, 17} {
				print(strconv.FormatFloat(f, c, p, 64), " ")
			}
		}
		println()
		println(strconv.FormatFloat(f, 'g', -1, 32), strconv.FormatFloat(f, 'e', 5, 32), strconv.FormatFloat(f, 'f', 2, 32))
	}
	// Floats: pseudo-random bit patterns, formatted and parsed back.
	bad := 0
	for i := 0; i < 400; i++ {
		b := next()
		f := math.Float64frombits(b)
		s := strconv.FormatFloat(f, 'g', -1, 64)
		s2 := strconv.FormatFloat(f, 'e', int(b%20), 64)
		f32 := math.Float32frombits(uint32(b >> 32))
		s3 := strconv.FormatFloat(float64(f32), 'g', -1, 32)
		println(s, s2, s3)
		g, err := strconv.ParseFloat(s, 64)
		if err != nil || (g != f && f == f) {
			bad++
		}
		g32, err := strconv.ParseFloat(s3, 32)
		if err != nil || (float32(g32) != f32 && f32 == f32) {
			bad++
		}
	}
	println("round trip failures:", bad)
	for i := 0; i < 200; i++ {
		f := float64(next()%2000000) / 1024
		println(strconv.FormatFloat(f, 'f', -1, 64), strconv.FormatFloat(f, 'f', int(i%8), 64), strconv.FormatFloat(f, 'g', int(i%8), 64))
	}
	for _, s := range []string{"1", "-1.5", "1e10", "1E-10", ".5", "5.", "0x1p-2", "0x1.8p3", "1_000.5", "1__0", "inf", "-Infinity", "NaN", "1e400", "-1e400", "1e-400", "2.4703282292062328e-324", "1.7976931348623159e308", "3.4028236e38", "abc", "", "1e", "0x1.fffffffffffff8p1023", "123456789012345678901234567890", "0.1000000000000000055511151231257827021181583404541015625"} {
		f, err := strconv.ParseFloat(s, 64)
		f32, err32 := strconv.ParseFloat(s, 32)
		println("ParseFloat", s, strconv.FormatFloat(f, 'g', -1, 64), errStr(err), strconv.FormatFloat(f32, 'g', -1, 32), errStr(err32))
	}
}
