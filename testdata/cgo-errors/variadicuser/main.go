// Calling a variadic function of the preamble is refused like printf.
package main

/*
#include <stdarg.h>
static int sum(int n, ...) {
	va_list ap;
	int s = 0;
	va_start(ap, n);
	for (int i = 0; i < n; i++) s += va_arg(ap, int);
	va_end(ap);
	return s;
}
*/
import "C"

func main() {
	println(C.sum(2, 3, 4))
}
