// env: GOMAXPROCS=1
// env: GOMAXPROCS=2
// env: GOMAXPROCS=4

// Requests to stop the world queue up (gc's worldsema): eight goroutines calling
// runtime.GC at the same time, while others change GOMAXPROCS and take runtime.Stack of
// every goroutine, all finish, at any GOMAXPROCS.
package main

import (
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				runtime.GC()
			}
		}()
	}
	procs := runtime.GOMAXPROCS(0)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				runtime.GOMAXPROCS(1 + (i+j)%3)
			}
		}(i)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		buf := make([]byte, 1<<16)
		for j := 0; j < 50; j++ {
			if runtime.Stack(buf, true) == 0 {
				println("empty stack dump")
			}
		}
	}()
	wg.Wait()
	runtime.GOMAXPROCS(procs)
	println("all done; GOMAXPROCS back to the start:", runtime.GOMAXPROCS(0) == procs)
}
