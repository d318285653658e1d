#include "_cgo_export.h"

void c_callgo(int x) { goCallback(x); }
