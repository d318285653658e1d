package main

func main() {
	println("x" // ERROR "syntax error: unexpected newline in argument list; possibly missing comma or \)"
	println("y")
}
