// env: GOMAXPROCS=1
// env: GOMAXPROCS=2
package main

// Goroutines spinning in loops without calls must not starve the others: the monitor asks
// them to yield after 10 ms and the loop back-edge notices, even with one P.

var sink int

func spin() {
	for {
		sink++
	}
}

func spinCalls() {
	for {
		work()
	}
}

func work() { sink-- }

func main() {
	// The sender is started first, so the spinners are ahead of it in the run queue (the
	// last goroutine started runs first when main blocks).
	c := make(chan int)
	go func() {
		for i := 0; i < 5; i++ {
			c <- i
		}
		close(c)
	}()
	for i := 0; i < 3; i++ {
		go spin()
		go spinCalls()
	}
	n := 0
	for v := range c {
		n += v
	}
	println("received", n)
}
