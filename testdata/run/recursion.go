package main

func fact(n uint64) uint64 {
	if n <= 1 {
		return 1
	}
	return n * fact(n-1)
}

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func ackermann(m, n int) int {
	if m == 0 {
		return n + 1
	}
	if n == 0 {
		return ackermann(m-1, 1)
	}
	return ackermann(m-1, ackermann(m, n-1))
}

func hanoi(n int, from, to, via byte, moves *int) {
	if n == 0 {
		return
	}
	hanoi(n-1, from, via, to, moves)
	*moves++
	if n >= 4 {
		println("move disk", n, string(from), "->", string(to))
	}
	hanoi(n-1, via, to, from, moves)
}

// mutual recursion
func isEven(n int) bool {
	if n == 0 {
		return true
	}
	return isOdd(n - 1)
}

func isOdd(n int) bool {
	if n == 0 {
		return false
	}
	return isEven(n - 1)
}

func main() {
	for _, n := range []uint64{0, 1, 5, 10, 20} {
		println(n, fact(n))
	}
	println(fib(25))
	println(ackermann(2, 3), ackermann(3, 3))
	moves := 0
	hanoi(5, 'A', 'C', 'B', &moves)
	println("moves", moves)
	println(isEven(100), isOdd(77), isEven(7))
}
