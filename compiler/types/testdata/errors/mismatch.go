package main

func f() int { return 1 }
func g() (int, int) { return 1, 2 }

func main() {
	a, b := f()
	var c, d = 1
	var e int = g()
	x, y, z := g()
	a, b = 1, 2, 3
	_, _, _, _, _, _, _ = a, b, c, d, e, x, y
	_ = z
}
