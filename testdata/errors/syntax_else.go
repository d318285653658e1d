package main

func main() {
	x := 3
	if x > 2 {
		println("big")
	}
	else { // ERROR "syntax error: unexpected else, expecting }"
		println("small")
	}
}
