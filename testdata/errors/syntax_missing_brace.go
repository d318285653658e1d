package main

func main() {
	if true {
		println("x")

}

func other() {} // ERROR "syntax error: unexpected other, expecting \("
