// env: GOMAXPROCS=1
// env: GOMAXPROCS=2
// env: GOMAXPROCS=4
package main

import (
	"runtime"
	"sync/atomic"
)

// P goroutines spin (calling a small function, or calling nothing) on GOMAXPROCS(P+1) while
// main calls Gosched and GC ten times: every GC stops the world, so it must preempt the
// spinners, and the program must finish promptly. Then GOMAXPROCS shrinks and grows back.

var stop int32
var sink int64

//go:noinline
func small(x int64) int64 { return x + 1 }

func spinCalls(started *int32) {
	atomic.AddInt32(started, 1)
	for atomic.LoadInt32(&stop) == 0 {
		for i := 0; i < 1000; i++ {
			sink = small(sink)
		}
	}
}

func spinBare(started *int32, x *int64) {
	atomic.AddInt32(started, 1)
	for {
		*x++
	}
}

func main() {
	p := runtime.GOMAXPROCS(0)
	old := runtime.GOMAXPROCS(p + 1)
	println("changed", old == p, runtime.GOMAXPROCS(0) == p+1)
	var started int32
	for i := 0; i < p; i++ {
		go spinCalls(&started)
	}
	for atomic.LoadInt32(&started) < int32(p) {
		runtime.Gosched()
	}
	for i := 0; i < 10; i++ {
		runtime.Gosched()
		runtime.GC()
	}
	atomic.StoreInt32(&stop, 1)
	println("calls: done")

	started = 0
	counters := make([]int64, p)
	for i := 0; i < p; i++ {
		go spinBare(&started, &counters[i])
	}
	for atomic.LoadInt32(&started) < int32(p) {
		runtime.Gosched()
	}
	for i := 0; i < 10; i++ {
		runtime.Gosched()
		runtime.GC()
	}
	println("bare loops: done")

	runtime.GOMAXPROCS(1)
	runtime.GC()
	runtime.GOMAXPROCS(p + 1)
	println("resized", runtime.GOMAXPROCS(0) == p+1)
}
