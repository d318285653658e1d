package main

var (
	g1      = 10
	g2, g3  = "two", 3.0
	g4      int
	g5      [3]string
	counter uint
)

func next() uint {
	counter++
	return counter
}

func main() {
	var a int
	var b, c = 1, "c"
	var d, e int = 4, 5
	f := 6
	g, h := f*2, "h"
	println(a, b, c, d, e, f, g, h)
	println(g1, g2, g3, g4, g5[0] == "", len(g5))
	// := with at least one new variable reuses the old ones
	g, i := 100, 200
	println(g, i)
	// shadowing in an inner scope
	x := 1
	{
		x := 2
		x++
		println("inner", x)
	}
	println("outer", x)
	if x := 10; x > 5 {
		println("if-scoped", x)
	}
	println(x)
	n1, n2, n3 := next(), next(), next()
	println(n1, n2, n3, counter)
	var _ = next()
	_, n4 := next(), next()
	println(n4)
	var ptr = &g4
	*ptr = 77
	println(g4)
}
