package main

func main() {
	for i := range 10 {
		_ = i
	}
	var ch chan int
	for a, b := range ch {
		_, _ = a, b
	}
	for i, c := range "abc" {
		var x int = c
		_, _ = i, x
	}
}
