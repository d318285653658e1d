// Enums and constants: C.enum_x as a type, enumerators (implicit, explicit,
// negative), anonymous enums, #define'd integer, float, string and character
// constants, negative and big unsigned values, constant expressions, and C.sizeof_T
// for types, structs and typedefs.
package main

/*
#include <stdint.h>

enum color { RED, GREEN = 5, BLUE, };
enum sign { NEG = -3, ZERO = 0, POS = 3 };
enum { ANON_A = 100, ANON_B };
typedef enum { SMALL = 1, LARGE = 2 } size_kind;

#define INT_CONST 42
#define NEG_CONST (-17)
#define HEX_CONST 0x7fff
#define BIG_UNSIGNED 0xffffffffffffffffULL
#define BIG_SIGNED 9223372036854775807LL
#define EXPR_CONST (INT_CONST * 2 + 1)
#define SHIFT_CONST (1 << 20)
#define FLOAT_CONST 2.5
#define FLOAT_EXP 1.5e-3
#define STRING_CONST "hello, cgo"
#define CHAR_CONST 'A'

struct rec { char c; double d; int arr[3]; };
typedef struct rec rec_t;

static int color_value(enum color c) { return (int)c * 10; }
static enum color next_color(enum color c) { return c == RED ? GREEN : c == GREEN ? BLUE : RED; }
static const char *kind_name(size_kind k) { return k == SMALL ? "small" : "large"; }
*/
import "C"

import "unsafe"

func main() {
	println("color", C.RED, C.GREEN, C.BLUE)
	var c C.enum_color = C.GREEN
	println("enum var", c, C.color_value(c), C.next_color(c), C.next_color(C.BLUE))
	println("enum size", unsafe.Sizeof(c))
	println("sign", C.NEG, C.ZERO, C.POS)
	println("anon", C.ANON_A, C.ANON_B)
	var k C.size_kind = C.LARGE
	println("typedef enum", k, C.GoString(C.kind_name(k)), C.GoString(C.kind_name(C.SMALL)))

	println("int", C.INT_CONST, C.NEG_CONST, C.HEX_CONST, C.EXPR_CONST, C.SHIFT_CONST)
	var u uint64 = C.BIG_UNSIGNED
	println("big", u, C.BIG_SIGNED)
	println("float", C.FLOAT_CONST, C.FLOAT_EXP)
	var s string = C.STRING_CONST
	println("string", s, len(C.STRING_CONST))
	println("char", C.CHAR_CONST)

	// Constants are untyped: they convert to any type that holds them.
	var f32 float32 = C.FLOAT_CONST
	var i8 int8 = C.NEG_CONST
	var cint C.int = C.INT_CONST
	println("typed", f32, i8, cint)

	println("sizeof", C.sizeof_int, C.sizeof_char, C.sizeof_double, C.sizeof_long, C.sizeof_int64_t)
	println("sizeof struct", C.sizeof_struct_rec, C.sizeof_rec_t, unsafe.Sizeof(C.struct_rec{}))
	var arr [C.sizeof_struct_rec]byte
	println("array len", len(arr))
}
