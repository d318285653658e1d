// A name the preamble does not declare.
package main

/*
static int known(void) { return 1; }
*/
import "C"

func main() {
	println(C.known())
	println(C.unknown_thing())
}
