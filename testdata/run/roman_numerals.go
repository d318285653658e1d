package main

var values = [...]int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
var symbols = [...]string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}

func toRoman(n int) string {
	s := ""
	for i, v := range values {
		for n >= v {
			s += symbols[i]
			n -= v
		}
	}
	return s
}

func fromRoman(s string) int {
	val := func(c byte) int {
		switch c {
		case 'I':
			return 1
		case 'V':
			return 5
		case 'X':
			return 10
		case 'L':
			return 50
		case 'C':
			return 100
		case 'D':
			return 500
		case 'M':
			return 1000
		}
		return 0
	}
	total := 0
	for i := 0; i < len(s); i++ {
		v := val(s[i])
		if i+1 < len(s) && v < val(s[i+1]) {
			total -= v
		} else {
			total += v
		}
	}
	return total
}

func main() {
	for _, n := range []int{1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999} {
		r := toRoman(n)
		println(n, r, fromRoman(r))
	}
	ok := true
	for n := 1; n < 4000; n++ {
		if fromRoman(toRoman(n)) != n {
			ok = false
		}
	}
	println("round trip ok:", ok)
}
