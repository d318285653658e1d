package main

type MyInt int
type MyStr string

func main() {
	var i8 int8 = -8
	var i16 int16 = -16
	var i32 int32 = -32
	var i64 int64 = -64
	var u8 uint8 = 8
	var u16 uint16 = 16
	var u32 uint32 = 32
	var u64 uint64 = 64
	var up uintptr = 0x100
	var f32 float32 = 3.25
	var f64 float64 = -6.5
	println(i8, i16, i32, i64)
	println(u8, u16, u32, u64, up)
	println(f32, f64)
	println(true, false)
	println("string", 'r', byte('b'))
	println(MyInt(7), MyStr("named"))
	println()
	println("")
	println("a", "", "b")
	print("no", "spaces", 1, 2, true, "\n")
	print()
	print(3.0, "\n")
	var p *int
	println(p == nil)
	var s []int
	println(s == nil, len(s), cap(s))
	var c64 complex128 = complex(1.5, -2)
	println(c64, real(c64), imag(c64))
	var c32 complex64 = 3i
	println(c32)
}
