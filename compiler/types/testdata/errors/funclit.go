package main

func main() {
	f := func() int {
		x := 1
		return 1
	}
	g := func() int {
	}
	_ = f
	_ = g
}
