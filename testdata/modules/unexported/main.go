// exitcode: 1

package main

import (
	"example.com/unexported/p"
)

func main() {
	var t p.T
	println(t.x, p.v, t.Y)
	t.m()
}
