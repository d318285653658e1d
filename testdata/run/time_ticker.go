// env: GOMAXPROCS=1
// env: GOMAXPROCS=2
package main

import (
	"runtime"
	"time"
)

// time.Ticker and time.Tick: periodic runtime timers sending without blocking on a
// one-element channel.

func main() {
	base := runtime.NumGoroutine()
	start := time.Now()
	tk := time.NewTicker(2 * time.Millisecond)
	println("goroutines with a ticker:", runtime.NumGoroutine()-base)
	for i := 0; i < 5; i++ {
		<-tk.C
	}
	println("5 ticks, at least 10ms:", time.Since(start) >= 10*time.Millisecond)
	tk.Stop()
	// A tick sent just before Stop may be buffered; after that nothing comes.
	select {
	case <-tk.C:
	default:
	}
	select {
	case <-tk.C:
		println("tick after Stop")
	case <-time.After(30 * time.Millisecond):
		println("no tick after Stop")
	}
	tk.Stop()

	// A slow reader: ticks are dropped, the buffer holds one.
	tk = time.NewTicker(time.Millisecond)
	time.Sleep(30 * time.Millisecond)
	println("buffered ticks:", len(tk.C), cap(tk.C))
	tk.Stop()

	// Reset changes the period.
	tk = time.NewTicker(time.Hour)
	tk.Reset(2 * time.Millisecond)
	<-tk.C
	<-tk.C
	<-tk.C
	println("3 ticks after Reset")
	tk.Stop()
	tk.Reset(time.Millisecond)
	<-tk.C
	println("Reset restarts a stopped ticker")
	tk.Stop()

	// Tick.
	c := time.Tick(time.Millisecond)
	for i := 0; i < 3; i++ {
		<-c
	}
	println("Tick ticks; nil for d <= 0:", time.Tick(0) == nil, time.Tick(-1) == nil)

	// Many tickers at once.
	var tks []*time.Ticker
	for i := 0; i < 100; i++ {
		tks = append(tks, time.NewTicker(time.Duration(i%7+1)*time.Millisecond))
	}
	for round := 0; round < 3; round++ {
		for _, t := range tks {
			<-t.C
		}
	}
	for _, t := range tks {
		t.Stop()
	}
	println("100 tickers ticked; goroutines:", runtime.NumGoroutine()-base)

	// A zero Ticker can be stopped.
	var zero time.Ticker
	zero.Stop()

	// The panics.
	func() {
		defer func() {
			r := recover()
			println("NewTicker(0):", r.(error).Error())
		}()
		time.NewTicker(0)
	}()
	func() {
		defer func() { println("Reset(-1):", recover().(string)) }()
		t := time.NewTicker(time.Hour)
		defer t.Stop()
		t.Reset(-1)
	}()
	func() {
		defer func() { println("zero Reset:", recover().(string)) }()
		zero.Reset(time.Second)
	}()
}
