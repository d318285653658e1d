package main

var x = iota

func main() {
	var a [3]int
	_ = a[2:1]
	b := [3]int{}[:]
	_ = b
	var s string
	_ = s[1:2:3]
	var q int = nil
	var r = nil
	_, _ = q, r
	var i interface{} = 1
	_ = i.x
}
