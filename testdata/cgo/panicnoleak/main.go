// The Go -> C -> Go -> panic -> recover path itself must not leak: 100,000 recovered
// callback panics, unlocked and then with runtime.LockOSThread, whose Go code allocates
// nothing (a preallocated panic value, a deferred closure without captures), leave the
// resident set size where it was (less than 1 MiB of growth; gc: about 0.2 MiB) and the C
// frame at the same stack address (the g0 stack does not creep).
// panicloop does the same with allocating panics, which needs the collector.
package main

/*
#include <stdint.h>
void c_call(int i);
uintptr_t c_last_sp(void);
long c_rss(void);
*/
import "C"

import (
	"errors"
	"runtime"
)

var errBoom = errors.New("boom")

var recovered int

//export goPanic
func goPanic(i C.int) {
	panic(errBoom)
}

func once(i int) {
	defer func() {
		if recover() == errBoom {
			recovered++
		}
	}()
	C.c_call(C.int(i))
}

func loop(n int) (grewKiB C.long, spStable bool) {
	once(-1)
	sp := C.c_last_sp()
	before := C.c_rss()
	spStable = true
	for i := 0; i < n; i++ {
		once(i)
		if C.c_last_sp() != sp {
			spStable = false
		}
	}
	return (C.c_rss() - before) / 1024, spStable
}

func main() {
	for i := 0; i < 1000; i++ {
		once(i)
	}
	grew, stable := loop(100000)
	println("unlocked: grew less than 1 MiB:", grew < 1024, "same C sp:", stable)
	runtime.LockOSThread()
	grew, stable = loop(100000)
	println("locked: grew less than 1 MiB:", grew < 1024, "same C sp:", stable)
	println("recovered", recovered)
}
