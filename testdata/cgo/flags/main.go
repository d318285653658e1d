// #cgo directives: CFLAGS with -D (with and without a value) and -I${SRCDIR}/inc (a
// header in a directory of the package), CPPFLAGS, LDFLAGS -lm for libm's sqrt, cos
// and pow, directives under build constraints (`linux`, `amd64`, `!windows`, and
// `windows`, which must not apply), flags also seen by the package's .c file, and
// -O2/-std= style flags.
package main

/*
#cgo CFLAGS: -DANSWER=42 -DFEATURE -I${SRCDIR}/inc -O2 -std=gnu11
#cgo CPPFLAGS: -DFROM_CPPFLAGS=7
#cgo LDFLAGS: -lm
#cgo linux CFLAGS: -DON_LINUX=1
#cgo amd64 CFLAGS: -DON_AMD64=1
#cgo !windows CFLAGS: -DNOT_WINDOWS=1
#cgo windows CFLAGS: -DON_WINDOWS=1
#cgo linux,amd64 LDFLAGS: -lm

#include <math.h>
#include "settings.h"

#ifndef ON_LINUX
#define ON_LINUX 0
#endif
#ifndef ON_AMD64
#define ON_AMD64 0
#endif
#ifndef ON_WINDOWS
#define ON_WINDOWS 0
#endif

static int answer(void) { return ANSWER; }
static int has_feature(void) {
#ifdef FEATURE
	return 1;
#else
	return 0;
#endif
}
static int platform(void) { return ON_LINUX * 100 + ON_AMD64 * 10 + ON_WINDOWS + NOT_WINDOWS * 1000; }
static double hyp(double a, double b) { return sqrt(a * a + b * b); }
static const char *settings_name(void) { return SETTINGS_NAME; }

int from_c_file(void); // flags.c, compiled with the same flags
*/
import "C"

func main() {
	println("answer", C.answer(), "feature", C.has_feature(), "cppflags", C.FROM_CPPFLAGS)
	println("platform", C.platform())
	println("include", C.GoString(C.settings_name()), C.SETTINGS_VALUE, C.settings_twice(21))
	println("sqrt", C.sqrt(2), "hyp", C.hyp(3, 4))
	println("cos", C.cos(0), "pow", C.pow(2, 10), "floor", C.floor(-2.5))
	println("c file", C.from_c_file())
}
