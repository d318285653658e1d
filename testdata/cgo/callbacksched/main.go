// env: GOMAXPROCS=1
// env: GOMAXPROCS=2
// Callbacks that do what any Go code may: block on a channel until another
// goroutine answers, start goroutines and wait for them (sync.WaitGroup), call
// runtime.GC with live C frames below, allocate, grow their stack a lot (deep
// recursion with big frames), and call back into C; the callback's results and
// Go-allocated data stay intact across these.
package main

/*
int c_run(int what, int arg);
*/
import "C"

import (
	"runtime"
	"sync"
)

var requests = make(chan int)
var replies = make(chan int)

func server() {
	for r := range requests {
		replies <- r * r
	}
}

type node struct {
	next *node
	val  int
}

func deep(n int) int {
	var pad [256]byte
	pad[n%256] = byte(n)
	if n == 0 {
		return int(pad[0])
	}
	return deep(n-1) + int(pad[n%256]&1)
}

//export goWork
func goWork(what, arg C.int) C.int {
	switch what {
	case 0: // block on a channel
		requests <- int(arg)
		return C.int(<-replies)
	case 1: // goroutines
		var wg sync.WaitGroup
		var mu sync.Mutex
		total := 0
		for i := 0; i < int(arg); i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				runtime.Gosched()
				mu.Lock()
				total += i
				mu.Unlock()
			}(i)
		}
		wg.Wait()
		return C.int(total)
	case 2: // garbage collection with a live list
		var head *node
		for i := 0; i < int(arg); i++ {
			head = &node{head, i}
			if i%1000 == 0 {
				runtime.GC()
			}
		}
		runtime.GC()
		s := 0
		for n := head; n != nil; n = n.next {
			s += n.val
		}
		return C.int(s)
	case 3: // stack growth: ~300 bytes a frame
		return C.int(deep(int(arg)))
	case 4: // back into C, which calls us again
		if arg == 0 {
			return 1
		}
		return C.c_run(4, arg-1) + 1
	}
	return -1
}

func main() {
	go server()
	println("channel", C.c_run(0, 12))
	println("goroutines", C.c_run(1, 100))
	println("gc", C.c_run(2, 20000))
	println("stack", C.c_run(3, 100000))
	println("reenter", C.c_run(4, 50))

	// All of it from several goroutines at once.
	var wg sync.WaitGroup
	results := make([]int, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			s := 0
			for i := 0; i < 20; i++ {
				s += int(C.c_run(0, C.int(g))) + int(C.c_run(1, 10)) + int(C.c_run(3, 1000))
			}
			results[g] = s
		}(g)
	}
	wg.Wait()
	for g, r := range results {
		println("goroutine", g, r)
	}
}
