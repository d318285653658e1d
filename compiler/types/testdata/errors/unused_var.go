package main

func main() {
	a := 1
	var b int = "s"
	c := 2
	c = 3
	d, e := 1, 2
	_ = d
}
