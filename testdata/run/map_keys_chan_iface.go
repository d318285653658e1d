package main

import "runtime"

// Channels and interfaces as map keys; runtime errors asserted through package runtime.

type key struct {
	c chan int
	n int
}

func main() {
	a, b := make(chan int), make(chan int, 1)
	m := map[chan int]string{a: "a", b: "b"}
	println(len(m), m[a], m[b], m[nil] == "")
	delete(m, a)
	_, ok := m[a]
	println(len(m), ok)

	s := map[key]int{{a, 1}: 10, {b, 1}: 20, {a, 2}: 30}
	println(s[key{a, 1}], s[key{b, 1}], s[key{a, 2}], s[key{b, 2}])

	var ch interface{} = b
	im := map[interface{}]int{ch: 1, 2: 2, "x": 3, key{a, 1}: 4}
	println(im[b], im[2], im["x"], im[key{a, 1}], im[a])

	defer func() {
		r := recover()
		if re, ok := r.(runtime.Error); ok {
			println("runtime.Error:", re.Error())
		}
	}()
	im[[]int{1}] = 5 // unhashable: a runtime error
}
