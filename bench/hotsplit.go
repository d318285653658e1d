package main

// A call at a segment boundary in a loop (the hot-split pathology of segmented stacks): a new
// goroutine calls a function whose frame does not fit in what is left of its first stack
// segment, 2·10^7 times.

//go:noinline
func big(n int) int {
	var a [120]int
	a[n%120] = n
	return a[(n*7)%120] + n
}

func loop(k int) int {
	s := 0
	for i := 0; i < k; i++ {
		s += big(i)
	}
	return s
}

func main() {
	done := make(chan int)
	go func() { done <- loop(20000000) }()
	println(<-done)
}
