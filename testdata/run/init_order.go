package main

// Package-level variables are initialised in dependency order, not source order.

var a = b + c // depends on b and c
var b = f("b", c*2)
var c = f("c", 3)
var d, e = pair()
var total = sum(a, b, c, d, e)
var x = y
var y = initY()
var tbl = makeTable()

var trace string

func f(name string, v int) int {
	trace += name
	println("init", name, v)
	return v
}

func pair() (int, int) {
	trace += "p"
	println("init pair")
	return 10, 20
}

func sum(vs ...int) int {
	t := 0
	for _, v := range vs {
		t += v
	}
	return t
}

func initY() int {
	println("init y, a =", a)
	return a * 2
}

func makeTable() [5]int {
	var t [5]int
	for i := range t {
		t[i] = i * i
	}
	return t
}

func init() {
	println("init() 1, total =", total)
}

func init() {
	println("init() 2, trace =", trace)
}

func main() {
	println(a, b, c, d, e, total, x, y, tbl[4])
}
