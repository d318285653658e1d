package main

func noBody() // ERROR "missing function body"

func alsoNoBody(x int) int // ERROR "missing function body"

func main() {
	noBody()
	println(alsoNoBody(1))
}
