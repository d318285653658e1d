// exitcode: 1

package main

import (
	"example.com/missing/nothere"
	"example.org/elsewhere"
	"nosuch/std"
)

func main() { println(nothere.X, elsewhere.Y, std.Z) }
