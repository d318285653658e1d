// A Go main package built as a C library (-buildmode=c-archive and c-shared):
// exported functions with C and Go types, a package initialiser that must have run
// before the first call, goroutines, channels and a mutex inside the calls, strings
// handed to C (C.CString, freed by C), and calls from several C threads at once.
// prog/main.c is the C program that links the library.
package main

/*
#include <stdlib.h>
*/
import "C"

import (
	"strconv"
	"sync"
)

var (
	initialised bool
	mu          sync.Mutex
	count       int
)

func init() { initialised = true }

//export Initialised
func Initialised() C.int {
	if initialised {
		return 1
	}
	return 0
}

//export Add
func Add(a, b C.int) C.int { return a + b }

//export Fib
func Fib(n int) int {
	if n < 2 {
		return n
	}
	return Fib(n-1) + Fib(n-2)
}

//export Work
func Work(id, n C.int) C.longlong {
	results := make(chan int, 4)
	var wg sync.WaitGroup
	for k := 0; k < 4; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			results <- int(id)*1000 + int(n)*4 + k
		}(k)
	}
	wg.Wait()
	close(results)
	s := 0
	for r := range results {
		s += r
	}
	mu.Lock()
	count++
	mu.Unlock()
	return C.longlong(s)
}

//export Count
func Count() int {
	mu.Lock()
	defer mu.Unlock()
	return count
}

//export Describe
func Describe(id C.int, label string) *C.char {
	return C.CString(label + " #" + strconv.Itoa(int(id)))
}

//export SayHello
func SayHello() { println("hello from Go (stderr)") }

func main() {} // not run in a library
