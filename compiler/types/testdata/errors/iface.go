package main

type I interface{ M() }
type T struct{}

func (t *T) M() {}

type U struct{}

func main() {
	var i I = T{}
	var j I = U{}
	var k I = &T{}
	_, _, _ = i, j, k
	var e error = 1
	_ = e
}
