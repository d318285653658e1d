package main

// C -> Go callbacks: one C call that loops 2*10^6 times calling an exported Go
// function (per callback: crosscall2, cgocallback, exitsyscall/entersyscall).

/*
long loop(int n);
*/
import "C"

var calls int

//export goAdd1
func goAdd1(x C.long) C.long {
	calls++
	return x + 1
}

func main() {
	r := C.loop(2000000)
	println(r, calls)
}
