package main

type I interface{ M() }

type T struct{}

func (*T) M() {}

func main() {
	n := 5
	_ = n.(int) // ERROR "invalid operation: n \(variable of type int\) is not an interface"
	var i I = &T{}
	_ = i.(T) // ERROR "impossible type assertion: i.\(T\)\n\tT does not implement I \(M method has pointer receiver\)"
	_ = i.(*T)
	switch v := n.(type) { // ERROR "v declared but not used" "n \(variable of type int\) is not an interface"
	}
}
