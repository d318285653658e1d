package main

// Unbuffered ping-pong between two goroutines, 10^6 round trips: channel operations and
// goroutine switches.
func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
	}()
	x := 0
	for i := 0; i < 1000000; i++ {
		ping <- x
		x = <-pong
	}
	println(x)
}
