// exitcode: 2
// cgo's pointer-passing rule for unsafe.Pointer arguments: the argument written
// unsafe.Pointer(p) is checked with p's type, as gc's cgo does. Go memory without Go
// pointers passes (a struct whose pointer is nil, an element of an int slice, a C pointer);
// a struct holding a Go pointer panics with gc's message.
package main

/*
#include <stdlib.h>
static int peek(void *p) { return *(int *)p; }
*/
import "C"

import "unsafe"

type node struct {
	v    int32
	next *node
}

func main() {
	a := &node{v: 1}
	println("nil pointer inside:", C.peek(unsafe.Pointer(a)))
	xs := []int32{5, 6}
	println("int slice element:", C.peek(unsafe.Pointer(&xs[1])))
	c := (*C.int)(C.malloc(4))
	*c = 9
	println("C memory:", C.peek(unsafe.Pointer(c)))
	C.free(unsafe.Pointer(c))
	b := &node{v: 2, next: a}
	println("about to pass a Go pointer to a Go pointer")
	println("not reached", C.peek(unsafe.Pointer(b)))
}
