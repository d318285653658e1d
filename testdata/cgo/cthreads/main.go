// env: GOMAXPROCS=1
// env: GOMAXPROCS=2
// Threads created by C (pthread_create in cthreads.c) calling exported Go functions:
// one thread first, then 8 threads at once making 500 callbacks each (4,000 in all);
// each callback starts goroutines, talks to them over channels, and updates shared
// state under a sync.Mutex, and some callbacks block on a channel served by a Go
// goroutine of the main program. A callback on a C thread may call C again. Then C
// threads that are started and joined from inside a callback.
package main

/*
#cgo LDFLAGS: -lpthread
int c_run_threads(int nthreads, int calls);
*/
import "C"

import (
	"runtime"
	"sync"
)

var (
	mu      sync.Mutex
	total   int64
	perTh   = map[int]int{}
	service = make(chan chan int)
)

func serve() {
	n := 0
	for reply := range service {
		n++
		reply <- n
	}
}

//export goWork
func goWork(thread, i C.int) C.int {
	// Two goroutines and a channel per callback.
	ch := make(chan int, 2)
	var wg sync.WaitGroup
	for k := 0; k < 2; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			ch <- int(i)*2 + k
		}(k)
	}
	wg.Wait()
	s := <-ch + <-ch
	if i%50 == 0 {
		reply := make(chan int)
		service <- reply
		<-reply
		runtime.Gosched()
	}
	mu.Lock()
	total += int64(s)
	perTh[int(thread)]++
	mu.Unlock()
	return C.int(s)
}

//export goNested
func goNested(n C.int) C.int {
	// Called on a C thread; starts C threads of its own, which call goWork.
	return C.c_run_threads(n, 10)
}

func main() {
	go serve()
	println("one thread", C.c_run_threads(1, 100))
	println("eight threads", C.c_run_threads(8, 500))
	mu.Lock()
	println("total", total, "threads seen", len(perTh))
	for t := 0; t < 8; t++ {
		println("thread", t, perTh[t])
	}
	mu.Unlock()
	println("nested", C.c_run_threads(-3, 0))
	println("total after nested", total)
}
