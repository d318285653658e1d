// Arguments of direct, method and interface calls: an empty-struct receiver (no parts),
// f(g()) spreading into fixed and variadic interface parameters.
package main

type Z struct{}

func (Z) Add(a, b int) int { return a + b }

type I interface{ Add(a, b int) int }

func pair() (int, int) { return 3, 4 }

func show(xs ...interface{}) {
	for _, x := range xs {
		println(x.(int))
	}
}

func main() {
	var z Z
	println(z.Add(1, 2), z.Add(pair()))
	var i I = z
	println(i.Add(5, 6), i.Add(pair()))
	show(pair())
}
