package main

type Celsius float64

func takesInt(x int) int { return x }

func retString() string {
	return 42 // ERROR `cannot use 42 \(untyped int constant\) as string value in return statement`
}

func main() {
	var s string = "x"
	var i int = s // ERROR "cannot use s \(variable of type string\) as type int in variable declaration"
	takesInt("no") // ERROR `cannot use "no" \(untyped string constant\) as int value in argument to takesInt`
	var c Celsius
	var f float64 = c // ERROR "cannot use c \(variable of type Celsius\) as type float64 in variable declaration"
	var b bool
	b = 1 // ERROR "cannot use 1 \(untyped int constant\) as bool value in assignment"
	arr := []int{1, "two", 3} // ERROR `cannot use "two" \(untyped string constant\) as int value in array or slice literal`
	println(i, f, b, arr, retString())
}
