package main

// Recursing a million frames deep must grow the goroutine stack, not crash.

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

type big struct{ a [16]int }

func heavy(n int, b big) int {
	if n == 0 {
		return b.a[3]
	}
	b.a[3]++
	return heavy(n-1, b)
}

func sumTo(n int, acc *int) {
	if n == 0 {
		return
	}
	*acc += n
	sumTo(n-1, acc)
}

func main() {
	println(depth(1000000))
	println(heavy(100000, big{}))
	s := 0
	sumTo(1000000, &s)
	println(s)
}
