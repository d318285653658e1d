package main

type T struct{ x int }

func main() {
	println(undefinedVar) // ERROR "undefined: undefinedVar"
	undefinedFunc(1)      // ERROR "undefined: undefinedFunc"
	var t T
	var u Unknown // ERROR "undefined: Unknown"
	println(t.x, u)
	notDeclared = 3 // ERROR "undefined: notDeclared"
}
