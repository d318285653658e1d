// exitcode: 2
package main

// A deadlock lists every goroutine, in the order they were created, each with its "created by".

func worker(c chan int) {
	<-c
}

func main() {
	c := make(chan int)
	go worker(c)
	go worker(c)
	var m chan int
	m <- 1
}
