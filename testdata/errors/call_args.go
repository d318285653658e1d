package main

func add(a, b int) int { return a + b }

func none() {}

func variadic(first string, rest ...int) {}

func main() {
	add(1)       // ERROR "not enough arguments in call to add"
	add(1, 2, 3) // ERROR "too many arguments in call to add"
	none(5)      // ERROR "too many arguments in call to none"
	variadic()   // ERROR "not enough arguments in call to variadic"
	variadic("a", "b") // ERROR `cannot use "b" \(untyped string constant\) as int value in argument to variadic`
	_ = add(1, 2)
}
