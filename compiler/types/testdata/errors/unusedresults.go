package main

func main() {
	x := 1
	int(x)
	x == 1
	"abc"
	func() {}
	new(int)
}
