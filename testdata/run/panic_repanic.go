// exitcode: 2
package main

func inner() {
	defer func() {
		r := recover()
		println("recovered:", r.(string))
		panic("second failure")
	}()
	panic("first failure")
}

func main() {
	defer println("main deferred")
	inner()
}
