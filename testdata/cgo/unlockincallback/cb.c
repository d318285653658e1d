#include "_cgo_export.h"
int c_call(int n) { return goCB(n) + 1; }
