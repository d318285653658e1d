// exitcode: 2
package main

type I interface{ M() }
type A int
type B string

func (A) M() {}
func (B) M() {}

func main() {
	var i I = A(1)
	_, ok := i.(B)
	println(ok)
	println(i.(B))
}
