package main

const limit = 10

func f() int { return 1 }

func main() {
	limit = 20 // ERROR "cannot assign to limit \(untyped int constant 10\)"
	s := "hello"
	s[0] = 'H' // ERROR "cannot assign to s\[0\] \(value of type byte\)"
	f() = 2    // ERROR "cannot assign to f\(\)"
	len("x") = 1 // ERROR "cannot assign to len\(\"x\"\)"
	println(s)
}
