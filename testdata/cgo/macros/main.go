// Macros that expand to expressions which are neither constants nor lvalues: cgo
// reaches them through a C function that computes the value at each use, with the
// expression's C type (a pointer, an int computed from a variable, a library macro).
package main

/*
#include <stdio.h>
#include <sys/mman.h>
int base = 40;
#define NOPTR ((void *)0)
#define NEXT (base + 2)
#define FAILED MAP_FAILED
#define TWICE_BASE (2 * base)
*/
import "C"

import "unsafe"

func main() {
	println(C.NOPTR == nil, C.NEXT, uintptr(C.FAILED) == ^uintptr(0))
	C.base = 1
	println(C.NEXT, C.TWICE_BASE, unsafe.Sizeof(C.NEXT))
	var n C.int = C.NEXT
	println(n + 1)
	C.fflush(C.stdout)
}
