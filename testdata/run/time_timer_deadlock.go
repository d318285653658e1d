// exitcode: 2
package main

import "time"

// A pending timer keeps the deadlock detector quiet until it has fired: after that,
// nothing can wake main.

func main() {
	t := time.NewTimer(20 * time.Millisecond)
	c := make(chan int)
	go func() {
		<-t.C
		println("timer fired")
	}()
	<-c
}
