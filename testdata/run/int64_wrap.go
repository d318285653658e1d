package main

func fib(n int) (int64, uint64) {
	var a, b int64 = 0, 1
	var ua, ub uint64 = 0, 1
	for i := 0; i < n; i++ {
		a, b = b, a+b
		ua, ub = ub, ua+ub
	}
	return a, ua
}

func main() {
	for _, n := range []int{10, 50, 90, 92, 93, 94, 100} {
		s, u := fib(n)
		println("fib", n, s, u)
	}
	var m int64 = 9223372036854775807
	println(m, m+1, -m-1)
	var mm int64 = -9223372036854775808
	println(mm/-1, mm%-1, -mm)
	var u uint64 = 18446744073709551615
	println(u, u+1, u*u, u/3)
	var x int = 1 << 62
	println(x*2, x*4)
	var y uint = 1<<64 - 1
	println(y, y>>1, int(y>>1))
	var p uintptr = 10
	p -= 11
	println(p == ^uintptr(0))
}
