package main

// Callbacks from a thread that C created (the runtime did not): C starts one
// pthread that calls an exported Go function 2*10^5 times (gc: needm/dropm, an extra
// M borrowed and returned on every callback).

/*
#cgo LDFLAGS: -lpthread
long run_thread(int n);
*/
import "C"

var calls int

//export goAdd1
func goAdd1(x C.long) C.long {
	calls++
	return x + 1
}

func main() {
	r := C.run_thread(200000)
	println(r, calls)
}
