// exitcode: 2
package main

type handler func(int) int

func dispatch(h handler, v int) int {
	return h(v)
}

func main() {
	println(dispatch(func(x int) int { return x + 1 }, 1))
	var h handler
	println(dispatch(h, 2))
}
