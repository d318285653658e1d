// env: GOMAXPROCS=1
// env: GOMAXPROCS=2

// Callbacks from several C threads while Ps are scarce: every callback's goroutine is locked
// to its thread's M, so Ms keep handing their P to one another (startlockedm). Each hand-off
// must leave the scheduler's g0 stack as it was (it once grew a frame per hand-off and
// overflowed), and no P may be idled while a goroutine waits on the global queue (a lost
// wakeup in handoffp once hung this program).
package main

/*
#cgo LDFLAGS: -lpthread
long c_threads(int n, int calls);
*/
import "C"

//export goCB
func goCB(n C.int) C.int { return n & 1 }

func main() {
	for round := 0; round < 3; round++ {
		s := int(C.c_threads(4, 20000))
		println("round", round, "sum", s)
	}
	for round := 0; round < 300; round++ {
		if s := int(C.c_threads(3, 2)); s != 3 {
			println("bad sum", s)
		}
	}
	println("ok")
}
