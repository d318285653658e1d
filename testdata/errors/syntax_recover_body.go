package main

func main() {
	a := 1
	a++ = 2 // ERROR "syntax error: unexpected = at end of statement"
	b := (a + ) * 2 // ERROR "syntax error: unexpected \), expecting expression"
	println(a b) // ERROR "syntax error: unexpected b in argument list; possibly missing comma or \)"
	if a > 0 {
		c := 3 4 // ERROR "syntax error: unexpected literal 4 at end of statement"
		println(c)
	}
	for i := 0; i < 3; i++ {
		println(i ; a) // ERROR "syntax error: unexpected semicolon in argument list; possibly missing comma or \)"
	}
	return 1 2 // ERROR "syntax error: unexpected literal 2 at end of statement"
}
