package main

func two() (int, int) { return 1, 2 }

func one() int { return 1 }

func main() {
	a, b := 1 // ERROR "assignment mismatch: 2 variables but 1 value"
	c := two() // ERROR "assignment mismatch: 1 variable but two returns 2 values"
	var d, e, f = two() // ERROR "assignment mismatch: 3 variables but two returns 2 values"
	var g, h int
	g, h = one() // ERROR "assignment mismatch: 2 variables but one returns 1 value"
	g, h = 1, 2, 3 // ERROR "assignment mismatch: 2 variables but 3 values"
	println(a, b, c, d, e, f, g, h)
}
