package main

var g int

var g string // ERROR "g redeclared in this block"

func helper() {}

func helper() {} // ERROR "helper redeclared in this block"

type T struct{}

func (T) M() {}

func (T) M() {} // ERROR "T.M redeclared in this block"

func main() {
	a := 1
	var a int // ERROR "a redeclared in this block"
	println(a, g)
}
