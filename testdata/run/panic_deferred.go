// exitcode: 2
package main

// Deferred calls run (and print) before the panic message.

func cleanup(name string) {
	println("cleanup", name)
}

func work() {
	defer cleanup("work")
	var a []int
	_ = a[5]
}

func main() {
	defer cleanup("main")
	work()
}
