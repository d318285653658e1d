package main

// A tagless switch compares each case with true; an interface{} case compares as an
// interface (issue 3980 in Go's tracker).

func classify(i interface{}) string {
	switch {
	case i:
		return "true"
	case false:
		return "false case"
	default:
		return "not true"
	}
}

func main() {
	println(classify(true), classify(false), classify(1), classify("true"), classify(nil))
	switch i := interface{}(true); {
	case i:
		println("i is true")
	}
}
