package main

// Recursive Fibonacci: stresses calls and the split-stack prologue.
func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	println(fib(35))
}
