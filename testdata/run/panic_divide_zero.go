// exitcode: 2
package main

func avg(xs []int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total / len(xs)
}

func main() {
	println(avg([]int{1, 2, 3, 4}))
	println(avg(nil))
}
