#include "shapes.h"

long rect_area(struct rect r) { return r.w * r.h; }
long rect_perimeter(const struct rect *r) { return 2 * (r->w + r->h); }
