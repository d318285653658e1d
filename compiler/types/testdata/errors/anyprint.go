package main

func main() {
	var x any
	var y int = x
	_ = y
}
