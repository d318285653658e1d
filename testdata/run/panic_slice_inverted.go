// exitcode: 2
package main

func sub(s string, i, j int) string {
	return s[i:j]
}

func main() {
	println(sub("hello", 1, 3))
	println(sub("hello", 4, 2))
}
