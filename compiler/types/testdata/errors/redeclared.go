package main

func f() {}
func f() {}

var v int
var v string

func main() {
	x := 1
	x := 2
	var y int
	var y int
	_, _ = x, y
	z, w := 1, 2
	z, w := 3, 4
	_, _ = z, w
}
