package main

// 100,000 goroutines each blocked on a channel, then released: spawning and stack memory.
func main() {
	const n = 100000
	release := make(chan bool)
	done := make(chan int, n)
	for i := 0; i < n; i++ {
		go func(i int) {
			<-release
			done <- i
		}(i)
	}
	close(release)
	s := 0
	for i := 0; i < n; i++ {
		s += <-done
	}
	println(s)
}
