package main

type T int

func (t T) String() string { return "t" }

func (x UnknownRecv) M() {} // ERROR "undefined: UnknownRecv"

func (p *int) Bad() {} // ERROR "cannot define new methods on non-local type int"

func main() {
	var t T
	println(t.String())
	var _ = T.Missing // ERROR "T.Missing undefined \(type T has no field or method Missing\)"
}
