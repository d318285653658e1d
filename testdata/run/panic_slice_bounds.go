// exitcode: 2
package main

func window(s []int, lo, hi int) []int {
	return s[lo:hi]
}

func main() {
	s := make([]int, 3, 5)
	println(len(window(s, 1, 5)))
	println(len(window(s, 0, 6)))
}
