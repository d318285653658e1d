// exitcode: 2
// cgo's pointer-passing rule for `&x[i]`: the element stands for the whole slice or array
// x, as in gc. Slices and arrays of pointers pass while every element is nil or points
// to C memory; a Go pointer in any element (not only the one whose address is passed)
// panics with gc's message.
package main

/*
#include <stdlib.h>
static int first(int **pp) { return pp[0] ? **pp : -1; }
static int firstu(void *p) { int **pp = p; return pp[0] ? **pp : -1; }
*/
import "C"

import "unsafe"

type holder struct {
	ps [2]*C.int
}

func main() {
	xs := make([]*C.int, 2)
	println("all nil:", C.first(&xs[0]))
	var h holder
	println("array, all nil:", C.firstu(unsafe.Pointer(&h.ps[0])))
	c := (*C.int)(C.malloc(4))
	*c = 7
	xs[0] = c
	h.ps[1] = c
	println("C pointers:", C.first(&xs[0]), C.firstu(unsafe.Pointer(&h.ps[0])))
	v := new(C.int)
	*v = 3
	xs[1] = v
	println("about to pass a slice whose second element is a Go pointer")
	println("not reached", C.first(&xs[0]))
}
