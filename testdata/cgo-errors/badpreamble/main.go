// A preamble with a C syntax error: the C compiler's message, placed at the .go
// file's line.
package main

/*
static int ok(void) { return 1; }
static int broken(void) { return 1 +; }
*/
import "C"

func main() {
	println(C.ok())
}
