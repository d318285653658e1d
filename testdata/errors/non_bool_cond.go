package main

func main() {
	n := 3
	s := "s"
	if n { // ERROR "non-boolean condition in if statement"
	}
	for n { // ERROR "non-boolean condition in for statement"
	}
	if s { // ERROR "non-boolean condition in if statement"
	}
	for i := 0; i; i++ { // ERROR "non-boolean condition in for statement"
	}
	println(n && true) // ERROR "invalid operation: n && true \(mismatched types int and untyped bool\)"
}
