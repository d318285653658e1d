// exitcode: 2
// env: GOMAXPROCS=1
package main

import "runtime"

func main() {
	c := make(chan int)
	go func() {
		println("worker")
		c <- 1
	}()
	go func() {
		<-c
		println("done")
	}()
	defer println("main deferred")
	runtime.Goexit()
}
