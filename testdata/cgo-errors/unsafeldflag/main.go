// An unsafe linker flag (loading a linker plugin) is refused as well.
package main

/*
#cgo LDFLAGS: -Wl,-plugin=evil.so
static int ok(void) { return 1; }
*/
import "C"

func main() {
	println(C.ok())
}
