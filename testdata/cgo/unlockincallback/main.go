// env: GOMAXPROCS=1
// env: GOMAXPROCS=2
// env: GOMAXPROCS=4

// runtime.UnlockOSThread inside a callback from C does not let the goroutine leave its
// thread (whose stack holds the C frames it returns to: gc keeps its own lock), however
// often it yields.
package main

/*
int c_call(int n);
*/
import "C"

import "runtime"

//export goCB
func goCB(n C.int) C.int {
	runtime.UnlockOSThread()
	for i := 0; i < 20; i++ {
		runtime.Gosched()
	}
	return n * 2
}


func main() {
	done := make(chan bool)
	for w := 0; w < 4; w++ {
		go func() {
			for {
				select {
				case <-done:
					return
				default:
					runtime.Gosched()
				}
			}
		}()
	}
	s := 0
	for i := 0; i < 2000; i++ {
		s += int(C.c_call(C.int(i)))
	}
	close(done)
	println(s)
}
