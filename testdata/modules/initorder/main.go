package main

import (
	"example.com/initorder/a"
	"example.com/initorder/b"
	. "example.com/initorder/c"
	_ "example.com/initorder/c"
)

type rect struct{ w, h int }

func (r rect) Area() int { return r.w * r.h }

var fromA = a.A

func init() { Log("main.init") }

func main() {
	println("main:", fromA, b.X, b.Y, b.Double(21), Base)
	k := &a.Counter{Name: "k"}
	k.Inc()
	k.Inc()
	println(k.Name, k.N())
	var s a.Shape = a.Square{Side: 3}
	println(s.Area(), a.Total(s, rect{2, 5}, a.Square{4}))
	if sq, ok := s.(a.Square); ok {
		println("square", sq.Side)
	}
	println(len(Trace), Trace[0], Trace[len(Trace)-1])
}
