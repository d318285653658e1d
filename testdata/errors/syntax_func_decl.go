package main

func f(a int b int) int { // ERROR "syntax error: unexpected b in parameter list; possibly missing comma or \)"
	return a
}

func main() {
	println(f(1, 2))
}
