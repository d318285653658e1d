package main

func main() {
	var x int
	var s string = x
	var b byte = 256
	var u uint = -1
	var i int = 1.5
	s = 1
	x = "s"
	_ = b
	_ = u
	_ = i
}
