// env: GOMAXPROCS=1
// env: GOMAXPROCS=4
package main

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// time.AfterFunc runs f in a goroutine of its own when the timer fires (gc's goFunc); the
// timer itself is no goroutine.

func main() {
	base := runtime.NumGoroutine()
	done := make(chan string)
	t := time.AfterFunc(2*time.Millisecond, func() { done <- "ran" })
	println("C is nil:", t.C == nil)
	println(<-done)
	println("stop after it ran:", t.Stop())
	println("reset after it ran:", t.Reset(time.Millisecond))
	println(<-done, "again")

	// Stopped before it fires: f never runs.
	settle(base)
	var ran int32
	t = time.AfterFunc(20*time.Millisecond, func() { atomic.StoreInt32(&ran, 1) })
	println("goroutines while pending:", runtime.NumGoroutine()-base)
	println("stop pending:", t.Stop())
	time.Sleep(50 * time.Millisecond)
	println("ran:", atomic.LoadInt32(&ran))

	// Reset of a pending AfterFunc moves it.
	t = time.AfterFunc(time.Hour, func() { done <- "moved" })
	println("reset pending:", t.Reset(time.Millisecond))
	println(<-done)

	// Many at once, each in its own goroutine.
	var wg sync.WaitGroup
	var sum int64
	for i := 0; i < 10000; i++ {
		wg.Add(1)
		i := i
		time.AfterFunc(time.Duration(i%20)*time.Millisecond/4, func() {
			atomic.AddInt64(&sum, int64(i))
			wg.Done()
		})
	}
	wg.Wait()
	println("sum", atomic.LoadInt64(&sum))

	// f may block without delaying other timers.
	block := make(chan bool)
	time.AfterFunc(time.Millisecond, func() { <-block; done <- "unblocked" })
	<-time.After(5 * time.Millisecond)
	println("other timers still fire")
	close(block)
	println(<-done)

	settle(base)
	println("goroutines at the end:", runtime.NumGoroutine()-base)
}

// settle waits for the AfterFunc goroutines that have done their work to exit.
func settle(base int) {
	for i := 0; i < 1000 && runtime.NumGoroutine() != base; i++ {
		time.Sleep(time.Millisecond)
	}
}
