// Go -> C calls: void functions (with and without arguments), functions of many
// arguments mixing integers, doubles and floats (more than fit in registers), small
// and odd-sized arguments, results of every class, and errno: `r, err := C.f()`
// gives a syscall.Errno when the function set errno, nil otherwise; `_, err` for a
// void function.
package main

/*
#include <errno.h>
#include <stdint.h>
#include <string.h>

static int calls;
static void tick(void) { calls++; }
static void add_calls(int n) { calls += n; }
static int get_calls(void) { return calls; }

static long many_ints(int a, long b, short c, signed char d, unsigned e, long long f,
                      int g, int h, int i, int j) {
	return a + 2*b + 3*c + 4*d + 5*(long)e + 6*f + 7*g + 8*h + 9*i + 10*j;
}

static double many_doubles(double a, double b, double c, double d, double e, double f,
                           double g, double h, double i, double j) {
	return a + 2*b + 3*c + 4*d + 5*e + 6*f + 7*g + 8*h + 9*i + 10*j;
}

static double mixed(int a, double b, long c, float d, char e, double f, unsigned char g,
                    double h, int i, double k, long l, double m, int n, double o,
                    int p, double q, int r, double s) {
	return a + b + c + d + e + f + g + h + i + k + l + m + n + o + p + q + r + s;
}

static float f32(float a, float b) { return a * b; }
static uint8_t u8(uint8_t a, uint8_t b) { return a + b; }
static int64_t big(int64_t a, uint32_t b) { return a * b; }

static int set_errno(int e, int ret) { errno = e; return ret; }
static void void_errno(int e) { errno = e; }
static int no_errno(void) { errno = 0; return 5; }
static double div_checked(double a, double b) {
	if (b == 0) { errno = EINVAL; return 0; }
	errno = 0;
	return a / b;
}
*/
import "C"

import (
	"syscall"
)

func main() {
	C.tick()
	C.tick()
	C.add_calls(40)
	println("calls", C.get_calls())

	println("many ints", C.many_ints(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
	println("many ints neg", C.many_ints(-1, -2, -3, -4, 5, -6, -7, -8, -9, -10))
	println("many doubles", C.many_doubles(0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5))
	println("mixed", C.mixed(1, 0.5, 2, 0.25, 3, 0.125, 4, 1, 5, 2, 6, 3, 7, 4, 8, 5, 9, 6))
	println("f32", C.f32(1.5, -4))
	println("u8", C.u8(200, 100))
	println("big", C.big(-3000000000, 3))

	r, err := C.set_errno(C.ENOENT, -1)
	println("errno", r, err != nil, err.Error(), err == syscall.ENOENT)
	if e, ok := err.(syscall.Errno); ok {
		println("is Errno", int(e))
	}
	r, err = C.set_errno(C.EAGAIN, 3)
	println("eagain", r, err == syscall.EAGAIN, err.Error())
	r, err = C.no_errno()
	println("no errno", r, err == nil)
	_, err = C.void_errno(C.EPERM)
	println("void errno", err == syscall.EPERM, err.Error())
	_, err = C.void_errno(0)
	println("void no errno", err == nil)
	d, err := C.div_checked(1, 0)
	println("div by zero", d, err == syscall.EINVAL, err.Error())
	d, err = C.div_checked(1, 4)
	println("div", d, err == nil)
}
