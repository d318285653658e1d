// exitcode: 2
package main

func main() {
	println("before")
	panic(42)
}
