#include "globals.h"

int counter = 10;
double ratio = 0.5;
const char *greeting = "hi from C";
struct config cfg = { 3, "default" };
int table[5] = { 1, 2, 3, 4, 5 };
long *shared_ptr;

void bump(void) { counter++; }
int read_counter(void) { return counter; }
long read_shared(void) { return shared_ptr ? *shared_ptr : -1; }
int table_sum(void) {
	int s = 0;
	for (int i = 0; i < 5; i++) s += table[i];
	return s;
}
