package main

type T struct{ a int }

func (t *T) m() {}

func main() {
	undefinedv = 3
	var t T
	t.z()
	t.b = 1
	T{}.m()
	var s []int
	s.x = 1
	_ = undefinedf()
	var q T
	q.A = 1
}
