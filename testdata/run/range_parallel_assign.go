package main

// A range clause with = assigns its targets as a parallel assignment does: all index operands
// first (with the old values), then the stores.

func main() {
	x := []int{10, 20}
	y := []int{99}
	i := 1
	for i, x[i] = range y {
		break
	}
	println(i, x[0], x[1])
	m := map[string]int{"a": 5}
	var k string
	arr := map[string]int{}
	for k, arr[k] = range m {
	}
	println(k, len(arr), arr[""])
	s := "é"
	b := []rune{0, 0, 0}
	j := 2
	for j, b[j] = range s {
	}
	println(j, b[0], b[2])
}
