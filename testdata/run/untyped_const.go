package main

const (
	Big   = 1 << 100
	Small = Big >> 98
	Huge  = Big * Big
	Back  = Huge / Big / Big
	Third = 1.0 / 3
	Mix   = Big / 3 * 3 // exact integer arithmetic
)

const typed int32 = 1 << 30

func main() {
	println(Small, Back, Big>>90, Big%7)
	println(Mix == Big-Big%3)
	println(Third*3 == 1)
	var f float64 = Third
	println(f)
	var f32 float32 = Third
	println(f32)
	tv := typed
	println(typed, tv*2-1+tv*2)
	const r = 'a' + 1
	println(r, string(rune(r)))
	const s = "con" + "cat"
	println(s, len(s))
	println(1<<62>>60, 5/2, 5.0/2, 5/2.0)
	var i int = 1e3
	println(i)
	const maxU64 = 1<<64 - 1
	println(uint64(maxU64), maxU64>>32)
	const minI64 = -1 << 63
	println(int64(minI64))
}
