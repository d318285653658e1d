// exitcode: 2
package main

type S struct {
	n  int
	xs []int
}

func main() {
	var a interface{} = 1
	var b interface{} = "x"
	println(a == b)
	var c interface{} = S{1, nil}
	var d interface{} = 2
	println(c == d)
	var e interface{} = []int{1}
	println(e == e)
}
