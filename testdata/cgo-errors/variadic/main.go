// Calling a variadic C function is not allowed.
package main

/*
#include <stdio.h>
*/
import "C"

func main() {
	s := C.CString("%d\n")
	C.printf(s, 1)
}
