// exitcode: 2
package main

type I interface {
	A()
	M()
}

type T struct{}

func (T) A() {}

func main() {
	var x interface{} = T{}
	_ = x.(I)
}
