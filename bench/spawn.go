package main

// Spawning and joining 10^6 short goroutines (at most 1000 alive at a time).
func main() {
	const n = 1000000
	done := make(chan int, 1000)
	s := 0
	for i := 0; i < n; i++ {
		go func(i int) { done <- i }(i)
		if i >= 999 {
			s += <-done
		}
	}
	for i := 0; i < 999; i++ {
		s += <-done
	}
	println(s)
}
