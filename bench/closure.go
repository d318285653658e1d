package main

// Calls through func values in a loop: closures capturing variables by reference, picked
// from a slice so that neither compiler can inline or devirtualise them.

func makeOps() []func(int) int {
	total := 0
	k := 3
	return []func(int) int{
		func(x int) int { total += x; return total & 1023 },
		func(x int) int { return x*k + 1 },
		func(x int) int { k = x & 7; return x ^ k },
		func(x int) int { return (x >> 1) + total&15 },
	}
}

func run(ops []func(int) int, n int) int {
	x := 1
	for i := 0; i < n; i++ {
		x = ops[i&3](x + i)
	}
	return x
}

func main() {
	println(run(makeOps(), 200000000))
}
