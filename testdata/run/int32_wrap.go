package main

// A 32-bit FNV-1a hash and an LCG exercise uint32 wrapping.

func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

type lcg struct{ state uint32 }

func (g *lcg) next() uint32 {
	g.state = g.state*1664525 + 1013904223
	return g.state
}

func main() {
	words := [...]string{"", "a", "go", "gorc", "hello, world", "The quick brown fox"}
	for _, w := range words {
		println(w, fnv32(w))
	}
	g := &lcg{42}
	for i := 0; i < 8; i++ {
		print(g.next(), " ")
	}
	println()
	var m int32 = 2147483647
	m++
	println("int32 max+1:", m)
	var n int32 = -2147483648
	println(n-1, n*-1, -n)
	x := int32(123456789)
	println(x*x, uint32(x)*uint32(x))
	var r rune = 'A'
	r += 0x20
	println(r, string(r))
}
