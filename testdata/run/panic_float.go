// exitcode: 2
package main

func main() {
	x := 1.5
	panic(x * 2)
}
