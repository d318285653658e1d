package main

func main() {
	_ = _
	x := 1
	x + 1
	len("abc")
	var i int
	append(i, 1)
	var s []int
	append(s, 1)
	1
}
