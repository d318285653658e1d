// exitcode: 2
// Callbacks from threads C created run on the goroutine of an extra M, made at start-up
// as gc makes it: the same goroutine (id 17, as gc's) for every callback from such a
// thread, locked to it. An unrecovered panic there prints gc's header
// (`goroutine 17 [running, locked to thread]:`) and traceback and exits 2.
package main

/*
#cgo LDFLAGS: -lpthread
void run_thread(void);
*/
import "C"

var n int

//export goCB
func goCB() {
	n++
	println("callback", n)
	if n == 3 {
		panic("boom in a C thread")
	}
}

func main() {
	C.run_thread()
	C.run_thread()
	C.run_thread()
	println("not reached")
}
