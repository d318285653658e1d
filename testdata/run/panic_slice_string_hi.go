// exitcode: 2
package main

func prefix(s string, n int) string {
	return s[:n]
}

func main() {
	println(prefix("gopher", 2))
	println(prefix("gopher", 7))
}
