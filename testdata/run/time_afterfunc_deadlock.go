// env: GOMAXPROCS=1
// env: GOMAXPROCS=2
// exitcode: 2
package main

import "time"

// main waits on a channel, with an AfterFunc pending: no deadlock yet. When the timer has
// fired and f blocks on the same channel, nothing is left to wake either: the report shows
// both goroutines, f's created by time.goFunc.

func main() {
	c := make(chan int)
	time.AfterFunc(5*time.Millisecond, func() {
		<-c
	})
	<-c
}
