package main

func main() {
	var a [5]int
	a[5] = 1   // ERROR "invalid argument: index 5 out of bounds \[0:5\]"
	a[-1] = 2  // ERROR "invalid argument: index -1 \(constant of type int\) must not be negative"
	s := a[2:7] // ERROR "invalid argument: index 7 out of bounds \[0:6\]"
	str := "abc"
	println(str[10]) // not a compile-time error: str is a variable
	println(a[1.5]) // ERROR "1.5 \(untyped float constant\) truncated to int"
	println(s, a[4])
}
