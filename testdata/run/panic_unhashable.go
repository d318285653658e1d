// exitcode: 2
package main

func main() {
	m := map[interface{}]int{}
	m[1] = 1
	m[[2]string{"a", "b"}] = 2
	println(len(m), m[[2]string{"a", "b"}])
	m[[]int{1}] = 3
}
