package main

// Go -> C calls: 2*10^7 calls of a trivial C function (cgo's per-call cost: the
// C wrapper, entersyscall/exitsyscall, the switch to the system stack and back).

/*
int add1(int x) { return x + 1; }
*/
import "C"

func main() {
	var x C.int
	sum := 0
	for i := 0; i < 20000000; i++ {
		x = C.add1(x)
		sum += int(x) & 0xff
	}
	println(x, sum)
}
