package main

// A name declared only in another file's preamble is not known here (gc resolves each
// file's C names against its own preamble).

// static int helper2(void) { return 2; }
import "C"

func b() int { return int(C.helper2()) + int(C.shared_counter) }

func main() { println(a(), b()) }
