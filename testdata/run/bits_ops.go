package main

func popcount(x uint64) int {
	n := 0
	for x != 0 {
		x &= x - 1
		n++
	}
	return n
}

func reverseBits(x uint32) uint32 {
	var r uint32
	for i := 0; i < 32; i++ {
		r = r<<1 | x&1
		x >>= 1
	}
	return r
}

func leadingZeros(x uint64) int {
	if x == 0 {
		return 64
	}
	n := 0
	for x&(1<<63) == 0 {
		x <<= 1
		n++
	}
	return n
}

func isPow2(x int) bool { return x > 0 && x&(x-1) == 0 }

func main() {
	for _, x := range []uint64{0, 1, 255, 0xf0f0, 1<<64 - 1} {
		println(x, popcount(x), leadingZeros(x))
	}
	println(reverseBits(1), reverseBits(0x0000ffff), reverseBits(0x12345678))
	a, b := 0b1100, 0b1010
	println(a&b, a|b, a^b, a&^b, ^a, -a^a)
	println(0o17, 0x_FF, 1_000_000, 017)
	for i := -2; i <= 9; i++ {
		if isPow2(i) {
			print(i, " ")
		}
	}
	println()
	var flags uint8
	flags |= 1 << 3
	flags |= 1 << 0
	flags ^= 1 << 7
	flags &^= 1 << 0
	println(flags)
	// gray code
	for i := uint(0); i < 8; i++ {
		g := i ^ i>>1
		print(g, " ")
	}
	println()
	// xor swap
	x, y := 12, 34
	x ^= y
	y ^= x
	x ^= y
	println(x, y)
	var m int8 = -1
	println(uint8(m)>>4, m>>4, m<<7)
}
