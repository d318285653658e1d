// A panic in a callback recovered by a Go frame below the C frame (Go -> C -> Go ->
// panic -> recover in the outer Go frame), 100,000 times in a row: first on an
// unlocked goroutine, then with runtime.LockOSThread (where the C frame must sit at
// the same stack address every time: the g0 stack does not creep), then from a
// goroutine. The resident set size (read by C from /proc/self/statm) must not grow
// by more than 12 MiB over the 300,000 iterations (gc: about 4 MiB; a leak of 40 bytes
// an iteration fails). Also: panic values of several types, and a recovered panic
// followed by normal callbacks.
package main

/*
#include <stdint.h>
void c_call(int i);
uintptr_t c_last_sp(void);
long c_rss_pages(void);
*/
import "C"

import (
	"runtime"
	"strconv"
)

type myErr struct{ code int }

//export goPanic
func goPanic(i C.int) {
	switch i % 4 {
	case 0:
		panic(int(i))
	case 1:
		panic("string " + strconv.Itoa(int(i)))
	case 2:
		panic(myErr{int(i)})
	case 3:
		var p *int
		_ = *p // a runtime error
	}
}

//export goNoPanic
func goNoPanic(i C.int) {}

func once(i int) (kind string) {
	defer func() {
		switch e := recover().(type) {
		case int:
			kind = "int"
		case string:
			kind = "string"
		case myErr:
			kind = "myErr"
		case runtime.Error:
			kind = "runtime.Error"
		default:
			kind = "?"
			_ = e
		}
	}()
	C.c_call(C.int(i))
	return "none"
}

func loop(n int, checkSP bool) (counts map[string]int, spStable bool) {
	counts = map[string]int{}
	spStable = true
	var sp C.uintptr_t
	for i := 0; i < n; i++ {
		counts[once(i)]++
		if checkSP {
			if i == 0 {
				sp = C.c_last_sp()
			} else if C.c_last_sp() != sp {
				spStable = false
			}
		}
	}
	return
}

func report(label string, counts map[string]int) {
	println(label, counts["int"], counts["string"], counts["myErr"], counts["runtime.Error"], counts["none"])
}

func main() {
	println("first", once(0), once(1), once(2), once(3))
	rss0 := C.c_rss_pages()

	counts, _ := loop(100000, false)
	report("unlocked", counts)

	runtime.LockOSThread()
	counts, stable := loop(100000, true)
	runtime.UnlockOSThread()
	report("locked", counts)
	println("locked sp stable", stable)

	done := make(chan map[string]int)
	go func() {
		c, _ := loop(100000, false)
		done <- c
	}()
	report("goroutine", <-done)

	// Normal callbacks still work.
	for i := 0; i < 1000; i++ {
		C.c_call(-1)
	}
	grew := (C.c_rss_pages() - rss0) * 4096
	println("rss growth under 12 MiB", grew < 12<<20)
	if grew >= 12<<20 {
		println("grew by", grew)
	}
}
