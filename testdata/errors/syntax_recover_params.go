package main

func add(a int b int) int { // ERROR "syntax error: unexpected b in parameter list; possibly missing comma or \)"
	s := a + ] // ERROR "syntax error: unexpected ], expecting expression"
	return s
}

func mul(a, b int) (r int s int) { // ERROR "syntax error: unexpected s in parameter list; possibly missing comma or \)"
	r = a * b
	r++ = 1 // ERROR "syntax error: unexpected = at end of statement"
	return
}

func main() {
	f := func(x int y int) int { return x } // ERROR "syntax error: unexpected y in parameter list; possibly missing comma or \)"
	println(add(1, 2), mul(3, 4), f(5, 6))
}
