// The cgo helpers: C.CString (a NUL-terminated copy in C memory), C.GoString,
// C.GoStringN (embedded NULs kept), C.GoBytes, C.CBytes, C.malloc and C.free; C
// functions from <string.h> and <stdlib.h>; Go memory (a byte slice's elements)
// passed to C and written by it; a C array walked from Go through unsafe.Slice.
package main

/*
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

static void upcase(char *s) { for (; *s; s++) *s = toupper((unsigned char)*s); }

static char *make_greeting(const char *name) {
	const char *pre = "hello, ";
	char *r = malloc(strlen(pre) + strlen(name) + 1);
	strcpy(r, pre);
	strcat(r, name);
	return r;
}

static void fill(unsigned char *p, int n) { for (int i = 0; i < n; i++) p[i] = (unsigned char)(i * 3); }

static int sum_bytes(const unsigned char *p, int n) {
	int s = 0;
	for (int i = 0; i < n; i++) s += p[i];
	return s;
}

static const char with_nul[] = "ab\0cd";
static const char *get_with_nul(void) { return with_nul; }
static const char *empty(void) { return ""; }
*/
import "C"

import (
	"unsafe"
)

func main() {
	cs := C.CString("gopher")
	println("strlen", C.strlen(cs))
	C.upcase(cs)
	println("upcased", C.GoString(cs))
	g := C.make_greeting(cs)
	println(C.GoString(g))
	C.free(unsafe.Pointer(g))
	C.free(unsafe.Pointer(cs))

	println("GoString(nil)", C.GoString(nil) == "", len(C.GoString(C.empty())))
	s := C.GoStringN(C.get_with_nul(), 5)
	println("GoStringN", len(s), s[0], s[2], s[4])
	println("GoString stops at NUL", C.GoString(C.get_with_nul()))

	b := C.GoBytes(unsafe.Pointer(C.get_with_nul()), 6)
	println("GoBytes", len(b), b[1], b[2], b[5])

	src := []byte{1, 2, 3, 250}
	cb := C.CBytes(src)
	src[0] = 99 // the copy is independent
	println("CBytes", C.sum_bytes((*C.uchar)(cb), 4))
	C.free(cb)

	m := C.malloc(64)
	println("malloc nil?", m == nil)
	C.fill((*C.uchar)(m), 64)
	view := unsafe.Slice((*byte)(m), 64)
	println("filled", view[0], view[1], view[63], C.sum_bytes((*C.uchar)(m), 64))
	C.memset(m, 7, 64)
	println("memset", view[10], C.sum_bytes((*C.uchar)(m), 64))
	C.free(m)

	// Go memory written by C.
	buf := make([]byte, 10)
	C.fill((*C.uchar)(unsafe.Pointer(&buf[0])), C.int(len(buf)))
	println("go buf", buf[9], C.sum_bytes((*C.uchar)(unsafe.Pointer(&buf[0])), 10))

	// A long string survives the round trip.
	long := ""
	for i := 0; i < 1000; i++ {
		long += string(rune('a' + i%26))
	}
	cl := C.CString(long)
	back := C.GoString(cl)
	C.free(unsafe.Pointer(cl))
	println("long", len(back), back == long, back[999:])

	// strtol/atoi from libc.
	num := C.CString("  -12345xyz")
	var end *C.char
	v := C.strtol(num, &end, 10)
	println("strtol", v, C.GoString(end))
	C.free(unsafe.Pointer(num))
}
