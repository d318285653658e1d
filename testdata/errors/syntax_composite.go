package main

func main() {
	x := [3]int{1, 2 3} // ERROR "syntax error: unexpected literal 3 in composite literal; possibly missing comma or }"
	println(x)
}
