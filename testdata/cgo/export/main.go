// //export: C code (in a .c file that includes _cgo_export.h) calling exported Go
// functions: integer and floating arguments and results, no result, Go strings
// (GoString) and slices (GoSlice) as arguments, a Go string as result (GoString,
// read in C through its p and n fields), several results (returned as a struct
// r0, r1, ...), a pointer to C memory, and an exported function that calls C again.
// A file with //export may only declare things in its preamble (it is copied into
// two C files), so the C definitions are in export.c -- except static functions,
// which gc accepts: one in the preamble calls an exported function too.
package main

/*
#include <stdint.h>
int c_calls_add(int a, int b);
double c_calls_scale(double x);
void c_calls_note(void);
long c_calls_strlen(void);
long long c_calls_sum(void);
void c_calls_name(void);
void c_calls_divmod(int a, int b);
int c_calls_twice(int x);
void c_calls_fill(void);

extern int goAdd(int, int);
static int preamble_calls_add(int x) { return goAdd(x, 1000); }
*/
import "C"

import "unsafe"

var notes int

//export goAdd
func goAdd(a, b C.int) C.int { return a + b }

//export goScale
func goScale(x C.double, k float64) C.double { return x * C.double(k) }

//export goNote
func goNote() { notes++ }

//export goStrlen
func goStrlen(s string) int { return len(s) }

//export goSum
func goSum(xs []int64) int64 {
	var t int64
	for _, x := range xs {
		t += x
	}
	return t
}

//export goName
func goName(i int) string {
	return []string{"zero", "one", "two"}[i]
}

//export goDivmod
func goDivmod(a, b int) (q, r int, ok bool) {
	if b == 0 {
		return 0, 0, false
	}
	return a / b, a % b, true
}

//export goTwice
func goTwice(x C.int) C.int { return C.c_calls_add(x, x) }

//export goFill
func goFill(p *C.int, n C.int) {
	s := unsafe.Slice(p, n)
	for i := range s {
		s[i] = C.int(i * 10)
	}
}

func main() {
	println("add", C.c_calls_add(40, 2))
	println("scale", C.c_calls_scale(1.5))
	C.c_calls_note()
	C.c_calls_note()
	println("notes", notes)
	println("strlen", C.c_calls_strlen())
	println("sum", C.c_calls_sum())
	C.c_calls_name()
	C.c_calls_divmod(17, 5)
	C.c_calls_divmod(1, 0)
	println("twice", C.c_calls_twice(21))
	C.c_calls_fill()
	println("from preamble", C.preamble_calls_add(234))
}
