// exitcode: 2
// An unrecovered panic in a callback (main -> C -> exported Go function -> panic):
// gc's panic message, the goroutine header and a traceback naming the Go frames on
// both sides of the C frame, and exit status 2. Deferred calls of the frames below
// the C frame run before the program dies.
package main

/*
void c_callgo(int x);
*/
import "C"

//export goCallback
func goCallback(x C.int) {
	println("in callback", x)
	explode(int(x))
}

func explode(x int) {
	panic("callback exploded: " + string(rune('0'+x)))
}

func run() {
	defer println("deferred in run")
	C.c_callgo(7)
}

func main() {
	println("start")
	run()
	println("not reached")
}
