package main

import (
	"runtime"
	"strings"
)

func base(file string) string { return file[strings.LastIndex(file, "/")+1:] }

func where() {
	pc, file, line, ok := runtime.Caller(1)
	println("called from", runtime.FuncForPC(pc).Name(), base(file), line, ok)
}

type T struct{}

func (T) method() { where() }

func stack() {
	pcs := make([]uintptr, 10)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "main.") {
			break
		}
		println(" ", f.Function, base(f.File), f.Line)
		if !more {
			break
		}
	}
}

func nested(depth int) {
	if depth == 0 {
		stack()
		return
	}
	nested(depth - 1)
}

var p *struct{ x int }

func main() {
	where()
	T{}.method()
	func() { where() }()
	nested(2)
	defer func() {
		recover()
		for i := 0; i < 10; i++ {
			pc, _, line, _ := runtime.Caller(i)
			if runtime.FuncForPC(pc).Name() == "main.fault" {
				println("fault at line", line)
			}
		}
	}()
	fault()
}

func fault() {
	println(p.x)
}
