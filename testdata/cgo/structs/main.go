// C structs, unions and typedefs: field access, gc's layout (Sizeof, Offsetof,
// Alignof), bitfields (omitted by cgo, the struct keeps its C size), fields named
// like Go keywords (accessed with a leading `_`), nested structs, array fields,
// unions (byte arrays of the union's size), pointers to structs passed to C, and
// structs passed to and returned from C by value.
package main

/*
#include <stdlib.h>
#include <string.h>

struct point { int x; double y; };

struct padded { char c; long l; short s; };

struct bits {
	int a;
	unsigned int b : 3;
	unsigned int c : 5;
	int d;
};

struct keywords { int type; int range; int go; };

union number { int i; double d; char b[12]; };

struct outer {
	struct point p;
	int arr[4];
	char name[8];
	union number n;
	struct point *next;
};

typedef struct { unsigned char r, g, b; } rgb_t;

typedef struct point point_t;

static void scale(struct point *p, int k) { p->x *= k; p->y *= k; }

static struct point make_point(int x, double y) {
	struct point p = { x, y };
	return p;
}

static double sum_point(struct point p) { return p.x + p.y; }

static struct outer make_outer(void) {
	struct outer o;
	memset(&o, 0, sizeof o);
	o.p.x = 7; o.p.y = 0.5;
	for (int i = 0; i < 4; i++) o.arr[i] = i * i;
	strcpy(o.name, "outer");
	o.n.d = 1.5;
	return o;
}

static int outer_sum(struct outer *o) {
	int s = o->p.x;
	for (int i = 0; i < 4; i++) s += o->arr[i];
	if (o->next) s += o->next->x;
	return s;
}

static int bits_sum(struct bits *b) { return b->a + b->b + b->c + b->d; }
static void bits_set(struct bits *b) { b->b = 5; b->c = 17; }

static int kw_sum(struct keywords k) { return k.type * 100 + k.range * 10 + k.go; }

static rgb_t gray(unsigned char v) { rgb_t c = { v, v, v }; return c; }

static double number_double(union number *n) { return n->d; }
static int number_int(union number *n) { return n->i; }

static struct padded make_padded(void) { struct padded p = { 'z', -123456789012L, 42 }; return p; }
*/
import "C"

import "unsafe"

func main() {
	var p C.struct_point
	println("point", unsafe.Sizeof(p), unsafe.Alignof(p), unsafe.Offsetof(p.x), unsafe.Offsetof(p.y))
	p.x = 3
	p.y = 1.25
	C.scale(&p, 4)
	println("scaled", p.x, p.y)

	q := C.make_point(-5, 2.5)
	println("by value", q.x, q.y, C.sum_point(q))
	var pt C.point_t = q
	println("typedef", pt.x)

	var pd C.struct_padded
	println("padded", unsafe.Sizeof(pd), unsafe.Offsetof(pd.c), unsafe.Offsetof(pd.l), unsafe.Offsetof(pd.s))
	pd = C.make_padded()
	println("padded values", pd.c, pd.l, pd.s)

	var b C.struct_bits
	println("bits", unsafe.Sizeof(b), unsafe.Offsetof(b.a), unsafe.Offsetof(b.d))
	b.a = 1000
	b.d = 2000
	C.bits_set(&b)
	println("bits sum", C.bits_sum(&b), b.a, b.d)

	var k C.struct_keywords
	k._type = 1
	k._range = 2
	k._go = 3
	println("keywords", C.kw_sum(k), unsafe.Offsetof(k._range))

	var n C.union_number
	println("union", unsafe.Sizeof(n), len(n))
	*(*C.int)(unsafe.Pointer(&n[0])) = 77
	println("union int", C.number_int(&n))
	*(*C.double)(unsafe.Pointer(&n)) = 0.25
	println("union double", C.number_double(&n))

	o := C.make_outer()
	println("outer", unsafe.Sizeof(o), unsafe.Offsetof(o.arr), unsafe.Offsetof(o.name), unsafe.Offsetof(o.n), unsafe.Offsetof(o.next))
	println("outer fields", o.p.x, o.p.y, o.arr[3], len(o.arr), C.GoString(&o.name[0]), *(*C.double)(unsafe.Pointer(&o.n)))
	o.arr[0] = 100
	var extra C.struct_point
	extra.x = 1000
	cp := (*C.struct_point)(C.malloc(C.size_t(unsafe.Sizeof(extra))))
	*cp = extra
	o.next = cp
	println("outer sum", C.outer_sum(&o))
	C.free(unsafe.Pointer(cp))

	c := C.gray(200)
	println("rgb", unsafe.Sizeof(c), c.r, c.g, c.b)

	// An array of structs, indexed from C through a pointer to its first element.
	pts := make([]C.struct_point, 3)
	for i := range pts {
		pts[i].x = C.int(i + 1)
	}
	C.scale(&pts[2], 10)
	println("slice elem", pts[0].x, pts[1].x, pts[2].x)
}
