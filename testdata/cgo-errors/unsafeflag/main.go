// A #cgo flag outside gc's safe list is refused before the C compiler runs.
package main

/*
#cgo CFLAGS: -fplugin=foo.so
static int ok(void) { return 1; }
*/
import "C"

func main() {
	println(C.ok())
}
