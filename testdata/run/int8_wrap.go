package main

// Signed and unsigned 8-bit arithmetic wraps around.

func main() {
	var a int8 = 127
	a++
	println("int8 127+1 =", a)
	var b int8 = -128
	b--
	println("int8 -128-1 =", b)
	var c int8 = -128
	c = -c
	println("int8 -(-128) =", c)
	var d int8 = 100
	d *= 3
	println("int8 100*3 =", d)
	var u uint8 = 255
	u++
	println("uint8 255+1 =", u)
	var v uint8 = 0
	v--
	println("uint8 0-1 =", v)
	var w uint8 = 200
	w += 100
	println("uint8 200+100 =", w)
	var x uint8 = 16
	x *= 16
	println("uint8 16*16 =", x)
	sum := int8(0)
	for i := 0; i < 20; i++ {
		sum += 13
		print(sum, " ")
	}
	println()
	var bs [4]byte
	bs[0] = 250
	for i := 1; i < len(bs); i++ {
		bs[i] = bs[i-1] + 3
	}
	println(bs[0], bs[1], bs[2], bs[3])
	println(^uint8(0), ^int8(0), ^int8(5))
}
