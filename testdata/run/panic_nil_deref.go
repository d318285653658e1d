// exitcode: 2
package main

type T struct {
	a, b int
}

func sumFields(t *T) int {
	return t.a + t.b
}

func main() {
	t := &T{1, 2}
	println(sumFields(t))
	t = nil
	println(sumFields(t))
}
