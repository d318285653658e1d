package main

import (
	"runtime"
	"strings"
)

// runtime.Stack: the calling goroutine's trace; wrappers (here a method value's) are hidden.

type T struct{}

func (T) inner() {
	buf := make([]byte, 4096)
	n := runtime.Stack(buf, false)
	for _, l := range strings.Split(string(buf[:n]), "\n") {
		if strings.HasPrefix(l, "goroutine ") {
			println(l)
		} else if strings.HasPrefix(l, "main.") {
			println(l[:strings.Index(l, "(")])
		} else if strings.HasPrefix(l, "\t") && strings.Contains(l, ".go:") {
			l = l[strings.LastIndex(l, "/")+1:]
			if i := strings.Index(l, " "); i >= 0 {
				l = l[:i]
			}
			println(" ", l)
		}
	}
}

func outer(f func()) { f() }

func main() {
	outer(T{}.inner)
}
