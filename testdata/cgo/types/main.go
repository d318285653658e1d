// Every numeric C type name cgo maps (C.char ... C.size_t and the <stdint.h> types):
// values passed through C and back, unsafe.Sizeof of each, conversions between them
// and Go types, wrap-around at the type's width, and void* as unsafe.Pointer.
package main

/*
#include <stddef.h>
#include <stdint.h>
#include <limits.h>

static char c_char(char x) { return x + 1; }
static signed char c_schar(signed char x) { return x - 1; }
static unsigned char c_uchar(unsigned char x) { return x + 1; }
static short c_short(short x) { return x * 2; }
static unsigned short c_ushort(unsigned short x) { return x + 1; }
static int c_int(int x) { return -x; }
static unsigned int c_uint(unsigned int x) { return x + 1; }
static long c_long(long x) { return x * 3; }
static unsigned long c_ulong(unsigned long x) { return x + 1; }
static long long c_longlong(long long x) { return x - 1; }
static unsigned long long c_ulonglong(unsigned long long x) { return x * 2; }
static float c_float(float x) { return x * 0.5f; }
static double c_double(double x) { return x / 4; }
static size_t c_size(size_t x) { return x + 1; }
static int8_t c_i8(int8_t x) { return x + 1; }
static uint8_t c_u8(uint8_t x) { return x + 1; }
static int16_t c_i16(int16_t x) { return x + 1; }
static uint16_t c_u16(uint16_t x) { return x + 1; }
static int32_t c_i32(int32_t x) { return x + 1; }
static uint32_t c_u32(uint32_t x) { return x + 1; }
static int64_t c_i64(int64_t x) { return x + 1; }
static uint64_t c_u64(uint64_t x) { return x + 1; }
static uintptr_t c_uptr(uintptr_t x) { return x ^ 0xff; }
static intptr_t c_iptr(intptr_t x) { return -x; }
static void *c_ptr(void *p) { return (char *)p + 1; }
static int c_char_is_signed(void) { return CHAR_MIN < 0; }
static int c_sum_mixed(signed char a, unsigned short b, int c, long long d) {
	return (int)(a + b + c + d);
}
*/
import "C"

import "unsafe"

func main() {
	println("char", C.c_char(C.char(-2)), unsafe.Sizeof(C.char(0)), C.c_char_is_signed())
	println("char 127+1", C.c_char(127))
	println("schar", C.c_schar(-128), unsafe.Sizeof(C.schar(0)))
	println("uchar", C.c_uchar(255), C.c_uchar(41), unsafe.Sizeof(C.uchar(0)))
	println("short", C.c_short(-1000), C.c_short(20000), unsafe.Sizeof(C.short(0)))
	println("ushort", C.c_ushort(65535), C.c_ushort(7), unsafe.Sizeof(C.ushort(0)))
	println("int", C.c_int(-2147483647), C.c_int(5), unsafe.Sizeof(C.int(0)))
	println("uint", C.c_uint(4294967295), C.c_uint(9), unsafe.Sizeof(C.uint(0)))
	println("long", C.c_long(-3000000000), unsafe.Sizeof(C.long(0)))
	println("ulong", C.c_ulong(18446744073709551615), C.c_ulong(1), unsafe.Sizeof(C.ulong(0)))
	println("longlong", C.c_longlong(-9223372036854775807), unsafe.Sizeof(C.longlong(0)))
	println("ulonglong", C.c_ulonglong(9223372036854775808), C.c_ulonglong(21), unsafe.Sizeof(C.ulonglong(0)))
	println("float", C.c_float(3), C.c_float(-1.25), unsafe.Sizeof(C.float(0)))
	println("double", C.c_double(10), C.c_double(1e300), unsafe.Sizeof(C.double(0)))
	println("size_t", C.c_size(41), unsafe.Sizeof(C.size_t(0)))
	println("int8", C.c_i8(127), unsafe.Sizeof(C.int8_t(0)))
	println("uint8", C.c_u8(255), unsafe.Sizeof(C.uint8_t(0)))
	println("int16", C.c_i16(32767), unsafe.Sizeof(C.int16_t(0)))
	println("uint16", C.c_u16(65535), unsafe.Sizeof(C.uint16_t(0)))
	println("int32", C.c_i32(2147483646), unsafe.Sizeof(C.int32_t(0)))
	println("uint32", C.c_u32(4294967295), unsafe.Sizeof(C.uint32_t(0)))
	println("int64", C.c_i64(-9223372036854775807), unsafe.Sizeof(C.int64_t(0)))
	println("uint64", C.c_u64(18446744073709551615), unsafe.Sizeof(C.uint64_t(0)))
	println("uintptr", C.c_uptr(0x1234), unsafe.Sizeof(C.uintptr_t(0)))
	println("intptr", C.c_iptr(-77), unsafe.Sizeof(C.intptr_t(0)))

	// Conversions between C and Go types.
	var gi int = 1 << 40
	ci := C.int(gi) // truncates
	println("C.int(1<<40) =", ci)
	var f64 float64 = 2.75
	cf := C.float(f64)
	println("C.float(2.75) =", cf, "back", float64(cf))
	var u8 uint8 = 200
	cs := C.schar(u8)
	println("C.schar(uint8(200)) =", cs, "int", int(cs))
	cl := C.long(C.uint(4294967295))
	println("C.long(C.uint(max)) =", cl)
	println("mixed", C.c_sum_mixed(-1, 65535, 100000, -5000000000))

	// void * is unsafe.Pointer.
	buf := [4]byte{10, 20, 30, 40}
	p := C.c_ptr(unsafe.Pointer(&buf[0]))
	println("ptr", *(*byte)(p), uintptr(p)-uintptr(unsafe.Pointer(&buf[0])))

	// Arithmetic keeps the C type's width.
	var a C.uchar = 250
	a += 10
	var b C.short = 32767
	b++
	println("wrap", a, b)
}
