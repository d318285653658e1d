package main

func main() {
	var s uint = 2
	var g float64 = 1 << s
	var f = 1.5 << s
	var x = 1 << -1
	_, _, _ = g, f, x
	var y int = 1 << s
	_ = y
}
