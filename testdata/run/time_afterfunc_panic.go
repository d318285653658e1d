// env: GOMAXPROCS=1
// exitcode: 2
package main

import "time"

// A panic in an AfterFunc goroutine: gc's header (its goroutine id) and "created by
// time.goFunc".

func boom(n int) {
	panic(n)
}

func main() {
	done := make(chan bool)
	go func() { done <- true }()
	<-done
	time.AfterFunc(time.Millisecond, func() { boom(7) })
	select {}
}
