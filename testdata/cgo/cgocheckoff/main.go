// env: GODEBUG=cgocheck=0
// With GODEBUG=cgocheck=0 the run-time pointer checks are off: passing Go memory that
// holds a Go pointer to C (a panic under the default, see ../cgocheck) goes through,
// and C reads through both pointers.
package main

/*
struct holder { int *p; int n; };
static int read_holder(struct holder *h) { return h->p ? *h->p + h->n : h->n; }
static int deref(int **pp) { return **pp; }
*/
import "C"

func main() {
	x := new(C.int)
	*x = 99
	h := &C.struct_holder{p: x, n: 1}
	println("holder", C.read_holder(h))
	pp := &x
	println("deref", C.deref(pp))
}
