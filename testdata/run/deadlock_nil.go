// exitcode: 2
package main

func main() {
	var c chan string
	println("before")
	c <- "x"
}
