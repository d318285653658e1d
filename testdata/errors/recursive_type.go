package main

type Node struct { // ERROR "invalid recursive type Node"
	val  int
	next Node
}

type A struct{ b B } // ERROR "invalid recursive type A"
type B struct{ a A }

type OK struct{ next *OK }

func main() {
	var n Node
	var a A
	var ok OK
	println(n.val, a.b.a.b.a.b.a.b.a.b.a.b.a.b.a.b.a.b.a.b.a.b.a.b.a.b.a.b.a.b.a.b, ok.next == nil)
}
