package main

const big = 1 << 100

func main() {
	var a int = big
	var b byte = 256
	var c int8 = -129
	var d uint = -1
	e := int32(1 << 31)
	const f uint8 = 255
	g := f + 1
	println(a, b, c, d, e, g)
}
