// exitcode: 2
package main

type Reason string

func main() {
	var r Reason = "out of cheese"
	panic(r)
}
