package main

func main() {
	a := 1
	a++ = 1 // ERROR "syntax error: unexpected = at end of statement"
	a++ = 2 // ERROR "syntax error: unexpected = at end of statement"
	println(a a) // ERROR "syntax error: unexpected a in argument list; possibly missing comma or \)"
	switch a {
	case 1:
		b := 2 3 // ERROR "syntax error: unexpected literal 3 at end of statement"
		println(b)
	default:
		c := [2]int{1 2} // ERROR "syntax error: unexpected literal 2 in composite literal; possibly missing comma or }"
		println(c[0])
	}
	d := a + ) // ERROR "syntax error: unexpected \), expecting expression"
	a++ = 7 // ERROR "syntax error: unexpected = at end of statement"
	a++ = 8 // ERROR "syntax error: unexpected = at end of statement"
	a++ = 9 // ERROR "syntax error: unexpected = at end of statement"
	a++ = 10 // ERROR "syntax error: unexpected = at end of statement"
	a++ = 11
	a++ = 12
	println(d)
}
