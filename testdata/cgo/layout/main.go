// gc's layout of C structs where Go's alignment differs from C's: a union is a byte array
// to Go (alignment 1), so members after one get explicit padding; a packed struct keeps
// only the members Go can place at their C offsets; an anonymous union member is anon0;
// a field named like a Go keyword gets `_`, and more `_` if that name is taken. Unions
// and structs holding them pass by value to C and back with the right bytes.
package main

/*
#include <stdint.h>
#include <stdlib.h>
union num { int i; double d; };
struct withunion { int kind; union num u; };
struct inner { union { long l; char c[8]; } v; };
struct outer { char c; struct inner in; int tail; };
struct __attribute__((packed)) pk { char c; int i; short s; };
struct holder { char tag; struct pk p; };
struct anon { int kind; union { int i; float f; }; int after; };
struct kw { int type; int _type; int range; };
static union num mk(int i) { union num n; n.d = 0; n.i = i; return n; }
static int uni2(char c, union num n) { return c + n.i; }
static int kind_plus(struct withunion w) { return w.kind + w.u.i; }
static struct outer mkouter(void) { struct outer o = {0}; o.c = 'x'; o.in.v.l = 77; o.tail = 5; return o; }
static int pk_s(struct pk *p) { return p->s; }
*/
import "C"

import "unsafe"

func main() {
	var w C.struct_withunion
	println("withunion:", unsafe.Sizeof(w), unsafe.Offsetof(w.u), unsafe.Alignof(w))
	var o C.struct_outer
	println("outer:", unsafe.Sizeof(o), unsafe.Offsetof(o.in), unsafe.Offsetof(o.tail))
	var p C.struct_pk
	println("packed:", unsafe.Sizeof(p), unsafe.Offsetof(p.c))
	var h C.struct_holder
	println("holder:", unsafe.Sizeof(h), unsafe.Offsetof(h.p))
	var a C.struct_anon
	println("anon:", unsafe.Sizeof(a), len(a.anon0), unsafe.Offsetof(a.after))
	var k C.struct_kw
	k._type = 1
	k.__type = 2
	k._range = 3
	println("keywords:", k._type, k.__type, k._range)

	println("union by value:", C.uni2(1, C.mk(100)))
	w.kind = 2
	*(*C.int)(unsafe.Pointer(&w.u[0])) = 40
	println("struct with union by value:", C.kind_plus(w))
	o = C.mkouter()
	println("struct result:", o.c, *(*C.long)(unsafe.Pointer(&o.in.v[0])), o.tail)
	p2 := (*C.struct_pk)(C.malloc(C.size_t(unsafe.Sizeof(p))))
	*(*int16)(unsafe.Pointer(uintptr(unsafe.Pointer(p2)) + 5)) = 9
	println("packed member through C:", C.pk_s(p2))
	C.free(unsafe.Pointer(p2))
}
