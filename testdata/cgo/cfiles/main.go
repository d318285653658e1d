// A package with C sources besides the preamble: two .c files, a .h file that the
// preamble, the .c files and the assembly file include, and a .S file (assembly run
// through the C preprocessor; the _amd64 suffix is a build constraint, as for Go
// files). The second Go file also imports "C" and shares the package's C code.
package main

/*
#include "shapes.h"
*/
import "C"

func main() {
	r := C.struct_rect{w: 3, h: 4}
	println("area", C.rect_area(r), "perimeter", C.rect_perimeter(&r))
	println("asm", C.asm_add3(1, 20, 300), C.asm_scaled(14), C.SHAPES_SCALE)
	println("counter", C.counter_next(), C.counter_next())
	println("other file", otherFile())
}
