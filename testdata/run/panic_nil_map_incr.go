// exitcode: 2
package main

type T struct{ counts map[string]int }

func main() {
	var t T
	println(t.counts["a"], len(t.counts))
	t.counts["a"]++
}
