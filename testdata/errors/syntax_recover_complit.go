package main

type point struct{ x, y int }

func main() {
	ps := []point{
		{1, 2},
		{3 4}, // ERROR "syntax error: unexpected literal 4 in composite literal; possibly missing comma or }"
		{5, 6},
	}
	m := map[string]int{"a": 1 "b": 2} // ERROR "syntax error: unexpected literal \"b\" in composite literal; possibly missing comma or }"
	arr := [...]int{1, 2, +} // ERROR "syntax error: unexpected }, expecting expression"
	println(len(ps), len(m), len(arr))
}

var table = []int{1, 2 3} // ERROR "syntax error: unexpected literal 3 in composite literal; possibly missing comma or }"

func other() {
	x := []string{"a" "b"} // ERROR "syntax error: unexpected literal \"b\" in composite literal; possibly missing comma or }"
	println(x)
}
