// exitcode: 2
package main

func main() {
	panic(1 > 2)
}
