package main

// A nil dereference is reported on the line of the load, even when the loaded value is used
// only by the next statement (where the code generator could fold the load into its user).

import (
	"runtime"
	"strings"
)

type T struct {
	a, b int64
	n    int32
}

var sink int64

// faultLine is the line of `fn` in the panicking goroutine's stack, as runtime.Stack shows it.
func faultLine(fn string) string {
	var buf [4096]byte
	s := string(buf[:runtime.Stack(buf[:], false)])
	i := strings.Index(s, "main."+fn+"(")
	if i < 0 {
		return "?"
	}
	s = s[i:]
	s = s[strings.Index(s, ".go:")+4:]
	return s[:strings.IndexAny(s, " \n")]
}

func sext(p *int32) {
	defer func() { recover(); println("sext", faultLine("sext")) }()
	v := *p
	sink = int64(v)
}

func add(t *T) {
	defer func() { recover(); println("add", faultLine("add")) }()
	x := t.b
	sink += x
}

func arr(a *[4]int32, i int) {
	defer func() { recover(); println("arr", faultLine("arr")) }()
	e := a[i]
	sink = int64(e) * 3
}

func main() {
	sext(nil)
	add(nil)
	arr(nil, 2)
}
