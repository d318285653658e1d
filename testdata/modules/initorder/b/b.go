package b

import "example.com/initorder/c"

// Declared before the variable it depends on: initialised after it.
var Y = X * 2
var X = c.Base + 1

func init() { c.Log("b.init") }
