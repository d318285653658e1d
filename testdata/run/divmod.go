package main

// Go's division truncates toward zero and % takes the sign of the dividend.

func show(a, b int) {
	println(a, "/", b, "=", a/b, " ", a, "%", b, "=", a%b)
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	if a < 0 {
		return -a
	}
	return a
}

func main() {
	pairs := [][2]int{{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 5}, {5, 7}, {-5, 7}, {100, 10}, {-1, 3}}
	for _, p := range pairs {
		show(p[0], p[1])
	}
	var a8 int8 = -128
	var b8 int8 = 7
	println(a8/b8, a8%b8)
	var u8 uint8 = 250
	println(u8/7, u8%7)
	var a32 int32 = -2147483648
	println(a32/3, a32%3, a32/-1)
	var u64 uint64 = 1<<64 - 1
	println(u64/10, u64%10)
	println(gcd(48, 18), gcd(-48, 18), gcd(17, 5), gcd(0, 9))
	// division by powers of two must not become a plain shift for negatives
	for _, n := range []int{-9, -8, -7, -1, 1, 7, 8, 9} {
		print(n/4, ":", n%4, ":", n>>2, " ")
	}
	println()
	const c = -7
	println(c/2, c%2, c/2.0)
}
