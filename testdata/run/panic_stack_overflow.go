// exitcode: 2
package main

func forever(n int) int {
	return forever(n+1) + 1
}

func main() {
	println("start")
	println(forever(0))
}
