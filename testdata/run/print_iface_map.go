package main

// println of nil interfaces and nil maps; non-nil ones print addresses (not compared here).

type I interface{ M() }

func main() {
	var e interface{}
	var i I
	var m map[string]int
	println(e, i, m)
	println(e == nil, i == nil, m == nil)
	e = m
	println(e == nil)
}
