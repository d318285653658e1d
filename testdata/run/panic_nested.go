// exitcode: 2
package main

// A recovered panic followed by a new one in the same deferred call, and a deferred call
// that panics while another panic runs: gc prints the whole chain, oldest first.

func cleanup() {
	println("cleanup runs during the second panic")
}

func inner() {
	defer func() {
		r := recover()
		println("recovered something:", r != nil)
		var a []int
		i := 3
		_ = a[i] // a runtime error while the first panic is recovered
	}()
	panic("first")
}

func middle() {
	defer cleanup()
	defer func() {
		panic("third")
	}()
	inner()
}

func main() {
	defer println("main's deferred call runs too")
	middle()
}
