package main

func fact16(n int16) int16 {
	r := int16(1)
	for i := int16(2); i <= n; i++ {
		r *= i
	}
	return r
}

func factU16(n uint16) uint16 {
	r := uint16(1)
	for i := uint16(2); i <= n; i++ {
		r *= i
	}
	return r
}

func main() {
	for n := int16(1); n <= 10; n++ {
		println("fact16", n, fact16(n), factU16(uint16(n)))
	}
	var a int16 = 32767
	a += 1
	println(a)
	var b uint16 = 65535
	b += 2
	println(b)
	var c int16 = -32768
	println(c/-1, c%-1)
	var h uint16 = 0x1234
	println(h>>8, h&0xff, h<<4, ^h)
	m := int16(-300)
	println(m * 200)
}
