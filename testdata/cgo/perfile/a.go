package main

// Each file's preamble is its own C translation unit, as with gc: both files may define a
// static helper of the same name, each file's C.helper is its own, and a variable defined
// in one preamble is declared extern in the other.

// static int helper(void) { return 1; }
// int shared_counter = 5;
import "C"

func a() int { return int(C.helper()) + int(C.shared_counter) }
