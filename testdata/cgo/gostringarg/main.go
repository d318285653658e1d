// A Go string passed to C as it is: `_GoString_` in the preamble is Go's string, read in C
// through _GoStringLen and _GoStringPtr (cgo's builtin prolog).
package main

/*
#include <stddef.h>
static size_t glen(_GoString_ s) { return _GoStringLen(s); }
static char at(_GoString_ s, int i) { return _GoStringPtr(s)[i]; }
static int count(_GoString_ s, char c) {
	int n = 0;
	for (size_t i = 0; i < _GoStringLen(s); i++) n += _GoStringPtr(s)[i] == c;
	return n;
}
*/
import "C"

func main() {
	s := "hello, world"
	println(C.glen(s), C.at(s, 4), C.count(s, 'l'), C.glen(""), C.glen(s[7:]))
}
