#include "_cgo_export.h"

int c_run(int what, int arg) {
	volatile char frame[512]; /* a C frame with some weight below the callback */
	frame[0] = (char)what;
	int r = goWork(what, arg);
	return r + frame[0] - what;
}
