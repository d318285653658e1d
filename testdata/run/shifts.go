package main

func main() {
	var one int = 1
	var s uint
	for s = 0; s < 70; s += 7 {
		println("1<<", s, "=", one<<s, " -1>>", s, "=", -1>>s)
	}
	var i8 int8 = -128
	println(i8>>1, i8>>7, i8>>8, i8>>100, i8<<1)
	var u8 uint8 = 0x81
	println(u8>>1, u8<<1, u8>>8, u8<<8)
	var u32 uint32 = 0xdeadbeef
	for _, k := range []uint{0, 4, 16, 31, 32, 33, 64} {
		println(k, u32>>k, u32<<k, int32(u32)>>k)
	}
	var u64 uint64 = 0x8000000000000001
	println(u64>>63, u64>>64, u64<<1, int64(u64)>>63, int64(u64)>>64)
	// shift counts of different types
	var c8 uint8 = 3
	var c16 int16 = 5
	println(1<<c8, 1024>>c16)
	x := 0xff
	x <<= 4
	x >>= 2
	println(x)
	// rotate via shifts
	rotl := func(v uint32, k uint) uint32 { return v<<k | v>>(32-k) }
	println(rotl(0x80000001, 1), rotl(0x12345678, 8))
}
