#include "_cgo_export.h"

long loop(int n) {
	long x = 0;
	for (int i = 0; i < n; i++) x = goAdd1(x) ^ (i & 1);
	return x;
}
