// C global variables (defined in a .c file of the package, declared in a .h file):
// read and written from Go, their addresses taken (&C.counter is the C object's
// address, seen by C), a struct, an array and a pointer variable. (A static variable
// of the preamble is not usable: gc fails to link it.)
package main

/*
#include <stdlib.h>
#include "globals.h"

static int *addr_of_counter(void) { return &counter; }
*/
import "C"

import "unsafe"

func main() {
	println("counter", C.counter, C.read_counter())
	C.counter = 100
	C.bump()
	println("after write+bump", C.counter, C.read_counter())

	p := &C.counter
	println("same address", p == C.addr_of_counter(), uintptr(unsafe.Pointer(p)) == uintptr(unsafe.Pointer(C.addr_of_counter())))
	*p += 5
	println("through pointer", C.read_counter())

	println("ratio", C.ratio)
	C.ratio *= 4
	println("ratio x4", C.ratio)

	println("greeting", C.GoString(C.greeting))

	println("cfg", C.cfg.level, C.GoString(&C.cfg.name[0]))
	C.cfg.level = 9
	C.cfg.name[0] = 'D'
	println("cfg changed", C.cfg.level, C.GoString(&C.cfg.name[0]))

	println("table", len(C.table), C.table[4], C.table_sum())
	C.table[0] = 1000
	println("table changed", C.table_sum())

	println("shared nil", C.shared_ptr == nil, C.read_shared())
	C.shared_ptr = (*C.long)(C.malloc(8))
	*C.shared_ptr = -99
	println("shared set", C.read_shared())
	C.free(unsafe.Pointer(C.shared_ptr))
	C.shared_ptr = nil
}
