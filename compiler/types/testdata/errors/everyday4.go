package main

import "unsafe"

type Animal interface {
	Sound() string
	Name() string
}

type Dog struct{}

func (d Dog) Sound() string { return "woof" }

func describe(a Animal) {}

func main() {
	describe(Dog{})
	var d Dog
	d.Sound = nil
	var arr [2]int
	arr[2] = 1
	var sl []int
	sl.Len()
	for i := range 3 {
	}
	var u uintptr = unsafe.Sizeof(d)
	_ = u
	var fn func(int) int = func(s string) int { return 0 }
	_ = fn
	type P struct{ X, Y int }
	_ = P{1, 2, 3}
	_ = P{X: 1, X: 2}
	var mp map[[]int]bool
	_ = mp
}
