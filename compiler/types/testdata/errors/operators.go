package main

func main() {
	x := 1
	s := "a"
	f := 1.5
	var p *int
	_ = x + s
	_ = !x
	_ = f % 2
	_ = p + 1
	_ = "a" + 1
	_ = -s
	_ = x && true
	_ = ^f
}
