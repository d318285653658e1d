// exitcode: 2
// cgo's pointer-passing rules, checked at run time as gc does by default
// (GODEBUG=cgocheck=1): Go memory without Go pointers may be passed to C (a byte
// slice, a struct of integers, a C struct in Go memory whose pointer field points to
// C memory), but passing a pointer to Go memory that holds a Go pointer panics with
// `panic: runtime error: cgo argument has Go pointer to Go pointer`.
package main

/*
#include <stdlib.h>
struct holder { int *p; int n; };
static int read_holder(struct holder *h) { return h->p ? *h->p + h->n : h->n; }
static int sum(int *xs, int n) { int s = 0; for (int i = 0; i < n; i++) s += xs[i]; return s; }
*/
import "C"

import "unsafe"

func main() {
	xs := []C.int{1, 2, 3}
	println("slice ok", C.sum(&xs[0], 3))

	var h C.struct_holder
	h.n = 5
	println("no pointer ok", C.read_holder(&h))

	h.p = (*C.int)(C.malloc(C.size_t(unsafe.Sizeof(C.int(0)))))
	*h.p = 10
	println("C pointer ok", C.read_holder(&h))
	C.free(unsafe.Pointer(h.p))

	x := new(C.int)
	*x = 99
	h2 := &C.struct_holder{p: x, n: 1}
	println("about to pass a Go pointer to a Go pointer")
	println("not reached", C.read_holder(h2))
}
