// Go -> C -> Go -> C ... nested 1000 deep (2000 alternating frames): each level
// passes an accumulator down and checks it on the way back, the innermost callback
// calls runtime.GC and yields to another goroutine, and a panic at the bottom is
// recovered by a Go frame 500 levels up, after which the remaining C and Go frames
// return normally. Repeated to show the C stack does not leak.
package main

/*
int c_down(int depth, int acc);
*/
import "C"

import (
	"runtime"
)

var panicAt = -1
var recoverAt = -1
var done = make(chan bool)

//export goDown
func goDown(depth, acc C.int) C.int {
	if int(depth) == panicAt {
		panic("bottom reached")
	}
	if int(depth) == recoverAt {
		return recovering(depth, acc)
	}
	if depth == 0 {
		runtime.GC()
		go func() { done <- true }()
		<-done
		return acc
	}
	var local [64]byte
	local[depth%64] = byte(depth)
	r := C.c_down(depth-1, acc+depth)
	if local[depth%64] != byte(depth) {
		println("frame clobbered at", depth)
	}
	return r
}

func recovering(depth, acc C.int) (r C.int) {
	defer func() {
		if e := recover(); e != nil {
			println("recovered at", depth, e.(string))
			r = -1
		}
	}()
	return C.c_down(depth-1, acc)
}

func main() {
	for round := 0; round < 3; round++ {
		println("round", round, C.c_down(1000, 0))
	}
	panicAt, recoverAt = 0, 500
	for round := 0; round < 3; round++ {
		println("panic round", round, C.c_down(1000, 0))
	}
	panicAt, recoverAt = -1, -1
	println("after", C.c_down(1000, 0))
}
