// exitcode: 2
// C.malloc never returns nil: when C's allocator fails, the program dies as gc's does
// (`fatal error: runtime: C malloc failed`, exit 2). A zero-byte C.malloc returns a
// usable, non-nil pointer.
package main

// #include <stdlib.h>
import "C"

import "unsafe"

func main() {
	p := C.malloc(0)
	println("malloc(0) is not nil:", p != nil)
	C.free(p)
	q := C.malloc(C.size_t(unsafe.Sizeof(C.long(0))))
	*(*C.long)(q) = 7
	println("malloc(8) holds", *(*C.long)(q))
	C.free(q)
	println("asking for 2^62 bytes")
	r := C.malloc(1 << 62)
	println("not reached", r != nil)
}
