// exitcode: 2
package main

func main() {
	var m map[string]int
	println(m["absent"], len(m))
	m["x"] = 1
}
