// env: GOMAXPROCS=1
// env: GOMAXPROCS=4
package main

import (
	"runtime"
	"time"
)

// time.Timer and time.After on the runtime's timer heap: Stop, Reset, the one-element
// channel, and no goroutine per timer.

func main() {
	base := runtime.NumGoroutine()

	// Stop before it fires: true, and nothing arrives.
	t := time.NewTimer(20 * time.Millisecond)
	println("stop pending:", t.Stop())
	select {
	case <-t.C:
		println("stopped timer fired")
	case <-time.After(60 * time.Millisecond):
		println("nothing arrived")
	}
	println("stop again:", t.Stop())

	// Stop after it fired: false, and the value is in the channel.
	t = time.NewTimer(time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	println("buffered:", len(t.C), cap(t.C))
	println("stop fired:", t.Stop())
	<-t.C

	// Reset of an active timer returns true and moves it.
	t = time.NewTimer(time.Hour)
	println("reset active:", t.Reset(2*time.Millisecond))
	<-t.C
	println("reset timer fired")
	// Reset of an expired timer returns false and arms it again.
	println("reset expired:", t.Reset(2*time.Millisecond))
	<-t.C
	println("fired again")
	// Reset of a stopped timer.
	println("stop:", t.Stop(), "reset stopped:", t.Reset(time.Millisecond))
	<-t.C
	println("stopped then reset fired")
	// The documented drain idiom.
	t = time.NewTimer(time.Millisecond)
	time.Sleep(10 * time.Millisecond)
	if !t.Stop() {
		<-t.C
	}
	t.Reset(time.Millisecond)
	<-t.C
	println("drain and reset")

	// A zero or negative duration fires at once.
	<-time.NewTimer(0).C
	<-time.NewTimer(-time.Second).C
	<-time.After(-1)
	println("non-positive durations fire")

	// After in a select, losing and winning.
	c := make(chan int, 1)
	select {
	case v := <-c:
		println("value", v)
	case <-time.After(10 * time.Millisecond):
		println("timeout")
	}
	c <- 42
	select {
	case v := <-c:
		println("value", v)
	case <-time.After(time.Hour):
		println("timeout")
	}

	// Timers fire in the order of their deadlines.
	var ts [6]*time.Timer
	for i := range ts {
		ts[i] = time.NewTimer(time.Duration(i+1) * 3 * time.Millisecond)
	}
	<-ts[5].C
	for i := 0; i < 5; i++ {
		print(len(ts[i].C))
	}
	println(" earlier ones fired first")

	// Pending timers are not goroutines.
	var many []*time.Timer
	for i := 0; i < 1000; i++ {
		many = append(many, time.NewTimer(time.Hour+time.Duration(i)))
	}
	println("goroutines with 1000 pending timers:", runtime.NumGoroutine()-base)
	stopped := 0
	for _, x := range many {
		if x.Stop() {
			stopped++
		}
	}
	println("stopped", stopped)

	// 10,000 timers at once.
	many = many[:0]
	for i := 0; i < 10000; i++ {
		many = append(many, time.NewTimer(time.Duration(i%50)*time.Millisecond/5))
	}
	for _, x := range many {
		<-x.C
	}
	println("10000 timers fired; goroutines:", runtime.NumGoroutine()-base)
}
