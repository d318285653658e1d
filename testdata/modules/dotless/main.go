package main

import "myapp/internal/greet"

func main() {
	println(greet.Hello("wörld"), greet.Len("wörld"))
}
