package main

func counter() (func() int, func()) {
	n := 0
	return func() int { n++; return n }, func() { n = 0 }
}

func adders() []func(int) int {
	var fs []func(int) int
	for i := 1; i <= 3; i++ {
		k := i // a fresh variable each iteration
		fs = append(fs, func(x int) int { return x + k })
	}
	return fs
}

func memo(f func(int) int) func(int) int {
	cache := make(map[int]int)
	return func(n int) int {
		if v, ok := cache[n]; ok {
			return v
		}
		v := f(n)
		cache[n] = v
		return v
	}
}

func fibGen() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func main() {
	next, reset := counter()
	println(next(), next(), next())
	reset()
	println(next())
	for _, f := range adders() {
		print(f(10), " ")
	}
	println()
	calls := 0
	sq := memo(func(n int) int { calls++; return n * n })
	println(sq(4), sq(4), sq(5), calls)
	g := fibGen()
	for i := 0; i < 10; i++ {
		print(g(), " ")
	}
	println()
	// recursive closure
	var fact func(int) int
	fact = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * fact(n-1)
	}
	println(fact(10))
	// closures modifying captured outer variables
	total := 0
	add := func(xs ...int) {
		for _, x := range xs {
			total += x
		}
	}
	add(1, 2, 3)
	add(4)
	println(total)
	func() {
		total *= 2
	}()
	println(total)
}
