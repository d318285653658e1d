#include "shapes.h"

static int n;
int counter_next(void) { return ++n; }
