package main

func main() {
	var big int64 = 0x123456789abcdef0
	println(int8(big), uint8(big), int16(big), uint16(big), int32(big), uint32(big))
	var neg int32 = -1
	println(uint32(neg), uint64(neg), int64(neg), uint8(neg), uint64(uint32(neg)))
	var u8 uint8 = 200
	println(int8(u8), int(u8), int64(int8(u8)))
	f := 1e10
	println(int64(f), int32(int64(f)))
	g := -2.75
	println(int(g), int8(g), float32(g))
	var i int = 1<<53 + 1
	println(float64(i) == float64(1<<53), int64(float64(i)))
	var r rune = 0x1F600
	println(string(r), len(string(r)), byte(r))
	bs := []byte("héllo")
	rs := []rune("héllo")
	println(len(bs), len(rs), string(bs[1:3]), string(rs[1]))
	type Miles float64
	type Km float64
	m := Miles(26.2)
	k := Km(m * 1.609344)
	println(k)
	type ID uint16
	id := ID(65535)
	id++
	println(id)
	var up uintptr = uintptr(big)
	println(up == uintptr(0x123456789abcdef0))
	var f32 float32 = 16777217
	println(int(f32))
	h := 0.5
	k3 := 3.999
	println(int(h+0.5), int(-h-0.5), uint(k3))
}
