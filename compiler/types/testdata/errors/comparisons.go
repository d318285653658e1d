package main

type S struct{ f []int }

func main() {
	var a, b []int
	_ = a == b
	var m map[int]int
	_ = m == nil
	_ = m == m
	var s1, s2 S
	_ = s1 == s2
	f := func() {}
	_ = f == nil
	_ = f == f
	var x int
	var y string
	_ = x == y
	_ = x < nil
	var i interface{}
	_ = i == x
	_ = nil == nil
}
