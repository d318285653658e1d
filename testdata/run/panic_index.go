// exitcode: 2
package main

func get(xs []int, i int) int {
	return xs[i]
}

func main() {
	xs := []int{1, 2, 3}
	sum := 0
	for i := 0; i <= len(xs); i++ {
		println("reading", i)
		sum += get(xs, i)
	}
	println("unreachable", sum)
}
