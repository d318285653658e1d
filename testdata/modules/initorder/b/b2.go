package b

func init() { println("b: init in b2.go", X, Y) }

// unexported helpers are reachable only through exported API
func double(n int) int { return 2 * n }

func Double(n int) int { return double(n) }
