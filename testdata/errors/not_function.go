package main

type T struct{ f int }

func main() {
	x := 5
	x() // ERROR "invalid operation: cannot call non-function x \(variable of type int\)"
	t := T{}
	t.f(1) // ERROR "invalid operation: cannot call non-function t.f \(variable of type int\)"
	"str"() // ERROR "invalid operation: cannot call non-function \"str\" \(untyped string constant\)"
}
