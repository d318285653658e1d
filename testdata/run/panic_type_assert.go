// exitcode: 2
package main

type Animal interface{ Sound() string }

type Dog struct{}

func (Dog) Sound() string { return "woof" }

type Cat struct{}

func (Cat) Sound() string { return "meow" }

func asDog(a Animal) Dog {
	return a.(Dog)
}

func main() {
	println(asDog(Dog{}).Sound())
	var x interface{} = 3
	if s, ok := x.(string); !ok {
		println("not a string:", s == "")
	}
	println(asDog(Cat{}).Sound())
}
