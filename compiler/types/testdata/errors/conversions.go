package main

type MyInt int

func main() {
	var x int = 1
	var s string = "a"
	_ = string(x)
	_ = int(s)
	_ = []byte(s)
	_ = MyInt(x)
	_ = float64("a")
	var p *int
	_ = uintptr(p)
	_ = int(1.5)
	_ = bool(1)
}
