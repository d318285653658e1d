package main

const zero = 0

func main() {
	x := 10
	println(x / 0)    // ERROR "invalid operation: division by zero"
	println(x % zero) // ERROR "invalid operation: division by zero"
	println(1.5 / 0)  // ERROR "invalid operation: division by zero"
	x /= 0            // ERROR "invalid operation: division by zero"
	f := 2.0
	println(f / 0) // not an error: f is a variable
	var d int
	println(x / d) // fine at compile time
}
