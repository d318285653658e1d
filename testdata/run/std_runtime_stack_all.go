package main

// runtime.Stack with all = true: the caller's goroutine first, then every other one.

import (
	"runtime"
	"strings"
)

func waiter(c chan int) {
	<-c
}

func main() {
	c := make(chan int)
	for i := 0; i < 3; i++ {
		go waiter(c)
	}
	runtime.Gosched()
	for runtime.NumGoroutine() < 4 {
		runtime.Gosched()
	}
	buf := make([]byte, 1<<16)
	n := runtime.Stack(buf, true)
	s := string(buf[:n])
	println(strings.Count(s, "goroutine "), strings.Count(s, "[chan receive]"), strings.Count(s, "created by main.main"), strings.Count(s, "main.waiter("))
	n = runtime.Stack(buf, false)
	s = string(buf[:n])
	println(strings.Count(s, "goroutine "), strings.HasPrefix(s, "goroutine 1 [running]:\nmain.main()"))
	close(c)
}
