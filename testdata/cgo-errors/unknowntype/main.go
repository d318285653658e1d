// An unknown C type and an unknown struct tag.
package main

/*
struct known { int x; };
*/
import "C"

func main() {
	var k C.struct_known
	var u C.struct_unknown
	println(k.x, u.x)
}
