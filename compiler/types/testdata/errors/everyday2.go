package main

func f(a int, b string) {}

func main() {
	f("a", 1)
	var p *int = 5
	var q int = nil
	var i interface{} = 1
	var n int = i
	var b bool = 1 == "a"
	k := []int{1, 2}[5]
	var c chan int
	c <- "s"
	_, _, _, _, _ = p, q, n, b, k
	return 1
}
