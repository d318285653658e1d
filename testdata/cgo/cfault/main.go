// exitcode: 2
// A fault inside C code (a store through NULL): not a Go panic but gc's
// `fatal error: unexpected signal during runtime execution` with the
// `[signal SIGSEGV: segmentation violation ...]` line, a goroutine traceback that
// names the Go frames below the C call, and exit status 2. Deferred calls do not run.
package main

/*
static void crash(int *p) { *p = 42; }
*/
import "C"

func callC() {
	defer println("deferred: must not print")
	C.crash(nil)
}

func main() {
	println("before")
	callC()
	println("after: must not print")
}
