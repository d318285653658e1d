package main

type P struct{ x int }

func main() {
	n := 3
	b := true
	s := "str"
	f := 1.5
	p := P{1}
	println(!n)     // ERROR "operator ! not defined on n \(variable of type int\)"
	println(-b)     // ERROR "operator - not defined on b \(variable of type bool\)"
	println(s * 2)  // ERROR "invalid operation: s \* 2 \(mismatched types string and untyped int\)"
	println(f % 2)  // ERROR "operator % not defined on f \(variable of type float64\)"
	println(b + b)  // ERROR "operator \+ not defined on b \(variable of type bool\)"
	println(p < p)  // ERROR "invalid operation: p < p \(operator < not defined on struct\)"
	println(f << 1) // ERROR "shifted operand f \(variable of type float64\) must be integer"
	println(^f)     // ERROR "operator \^ not defined on f"
}
