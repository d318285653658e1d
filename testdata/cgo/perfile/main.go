package main

// static int helper(void) { return 20; }
// extern int shared_counter;
import "C"

func b() int {
	C.shared_counter++
	return int(C.helper()) + int(C.shared_counter)
}

func main() {
	println(a(), b(), a())
}
