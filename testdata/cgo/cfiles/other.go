package main

// #include "shapes.h"
// static long twice_area(long w, long h) { struct rect r = { w, h }; return 2 * rect_area(r); }
import "C"

func otherFile() int {
	return int(C.twice_area(5, 6)) + int(C.counter_next())
}
