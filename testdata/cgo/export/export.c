#include <stdio.h>
#include <string.h>
#include "_cgo_export.h"

int c_calls_add(int a, int b) { return goAdd(a, b); }

double c_calls_scale(double x) { return goScale(x, 3.0); }

void c_calls_note(void) { goNote(); }

long c_calls_strlen(void) {
	const char *s = "a C string";
	GoString gs = { s, (ptrdiff_t)strlen(s) };
	return (long)goStrlen(gs);
}

long long c_calls_sum(void) {
	long long xs[] = { 1, 2, 3, 4, 1000000000000LL };
	GoSlice sl = { xs, 5, 5 };
	return goSum(sl);
}

void c_calls_name(void) {
	for (int i = 0; i < 3; i++) {
		GoString s = goName(i);
		printf("name %d: %.*s (%d)\n", i, (int)s.n, s.p, (int)s.n);
	}
	fflush(stdout);
}

void c_calls_divmod(int a, int b) {
	struct goDivmod_return r = goDivmod(a, b);
	printf("divmod %d %d: q=%d r=%d ok=%d\n", a, b, (int)r.r0, (int)r.r1, (int)r.r2);
	fflush(stdout);
}

int c_calls_twice(int x) { return goTwice(x); }

void c_calls_fill(void) {
	int buf[5];
	goFill(buf, 5);
	printf("fill %d %d %d\n", buf[0], buf[2], buf[4]);
	fflush(stdout);
}
