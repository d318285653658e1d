package main

func main() {
	for i := 0; i < 3; i++ {
		println(i)
	}
	x := 5
	x++ = 3 // ERROR "syntax error: unexpected = at end of statement"
	println(x)
	y := 1 +
} // ERROR "syntax error: unexpected }, expecting expression"
