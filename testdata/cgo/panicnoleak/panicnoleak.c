#include <stdint.h>
#include <stdio.h>
#include <unistd.h>
#include "_cgo_export.h"

static uintptr_t last_sp;

void c_call(int i) {
	volatile char here;
	last_sp = (uintptr_t)&here;
	goPanic(i);
}

uintptr_t c_last_sp(void) { return last_sp; }

long c_rss(void) {
	long size = 0, resident = 0;
	FILE *f = fopen("/proc/self/statm", "r");
	if (!f) return 0;
	if (fscanf(f, "%ld %ld", &size, &resident) != 2) resident = 0;
	fclose(f);
	return resident * sysconf(_SC_PAGESIZE);
}
