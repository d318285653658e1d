package main

import "unsafe"

type T struct {
	a int8
	b int64
}

func main() {
	var t T
	const s = unsafe.Sizeof(t)
	const o = unsafe.Offsetof(t.b)
	const al = unsafe.Alignof(t.b)
	var x [s + o + al]int
	_ = x
	var y uint8 = s
	_ = y
	_ = unsafe.Foo
}
