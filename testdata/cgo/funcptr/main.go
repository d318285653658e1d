// C function pointers: a typedef of a function pointer type, function pointers
// returned by C and taken in Go (C.binop(C.add): the function must not be static, gc
// refers to it by its symbol), stored in Go variables and in C structs, compared, and
// passed back to C, which calls them.
package main

/*
#include <stddef.h>

typedef int (*binop)(int, int);

int add(int a, int b) { return a + b; }
int mul(int a, int b) { return a * b; }
int sub(int a, int b) { return a - b; }

static binop pick(int which) {
	switch (which) {
	case 0: return add;
	case 1: return mul;
	case 2: return sub;
	}
	return NULL;
}

static int apply(binop f, int a, int b) { return f ? f(a, b) : -1; }

static int fold(binop f, int *xs, int n, int init) {
	int acc = init;
	for (int i = 0; i < n; i++) acc = f(acc, xs[i]);
	return acc;
}

struct ops { binop first; binop second; const char *name; };
static int run_ops(struct ops *o, int a, int b) { return o->second(o->first(a, b), b); }

typedef void (*void_fn)(void);
static int hits;
void hit(void) { hits++; }
static void call_n(void_fn f, int n) { for (int i = 0; i < n; i++) f(); }
static int get_hits(void) { return hits; }
*/
import "C"

import "unsafe"

func main() {
	var f C.binop = C.pick(0)
	g := C.pick(1)
	println("apply", C.apply(f, 3, 4), C.apply(g, 3, 4), C.apply(C.pick(2), 3, 4))
	none := C.pick(9)
	println("nil", none == nil, f == nil, C.apply(none, 1, 1))

	// A C function's address taken directly in Go.
	direct := C.binop(C.add)
	println("direct", C.apply(direct, 20, 22), direct == f)

	xs := []C.int{1, 2, 3, 4, 5}
	println("fold", C.fold(C.binop(C.mul), &xs[0], C.int(len(xs)), 1), C.fold(f, &xs[0], 5, 100))

	var o C.struct_ops
	o.first = C.pick(0)
	o.second = C.pick(1)
	println("struct", C.run_ops(&o, 2, 5))

	C.call_n(C.void_fn(C.hit), 7)
	println("hits", C.get_hits())
	println("sizeof", unsafe.Sizeof(f))
}
