package main

func f(a, b, c int) int { return 1 }
func g(a int) {}
func h(s string, xs ...int) {}

func main() {
	f(1, "s")
	f(1)
	g(1, 2)
	g()
	g("s")
	h("a", 1, "b")
	h()
	var x int
	x()
	_ = g(1)
}
