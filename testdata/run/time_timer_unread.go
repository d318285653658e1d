// env: GOMAXPROCS=1
// env: GOMAXPROCS=4
// exitcode: 2
package main

import "time"

// Every goroutine is blocked while a timer is pending: not a deadlock yet. The timer fires
// into its buffered channel, which nobody reads, so after that nothing can ever run: the
// monitor thread that fired it must notice, since every M is asleep already.

func main() {
	t := time.NewTimer(10 * time.Millisecond)
	defer t.Stop()
	c := make(chan int)
	<-c
}
