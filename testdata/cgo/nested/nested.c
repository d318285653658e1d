#include "_cgo_export.h"

int c_down(int depth, int acc) {
	volatile int guard = depth * 7;
	int r = goDown(depth, acc);
	if (guard != depth * 7) return -1000000;
	return r;
}
