package main

const big = 1 << 100
const c byte = 255

func main() {
	var i int = big
	_ = c + 1
	const d = byte(300)
	var f = 1e1000
	_ = 1 / 0
	_ = 1.0 / 0
	x := 1
	_ = x / 0
	const e int8 = 100
	_ = e * 2
	_ = 1 << 1.5
	_ = i
	_ = f
}
