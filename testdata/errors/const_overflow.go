package main

const big = 1 << 100

func main() {
	var a int = big // ERROR "cannot use big \(untyped int constant 1267650600228229401496703205376\) as int value in variable declaration \(overflows\)"
	var b byte = 256 // ERROR "cannot use 256 \(untyped int constant\) as byte value in variable declaration \(overflows\)"
	var c int8 = -129 // ERROR "overflows"
	var d uint = -1 // ERROR "cannot use -1 \(untyped int constant\) as uint value in variable declaration \(overflows\)"
	e := int32(1 << 31) // ERROR "cannot convert 1 << 31 \(untyped int constant 2147483648\) to type int32"
	const f uint8 = 255
	g := f + 1 // ERROR "f \+ 1 \(constant 256 of type uint8\) overflows uint8"
	println(a, b, c, d, e, g)
}
