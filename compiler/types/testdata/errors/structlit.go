package main

type T struct{ a, b int }

func main() {
	_ = T{a: 1, z: 2}
	_ = T{1}
	_ = T{1, 2, 3}
	_ = T{1, b: 2}
	_ = map[int]int{1: 2, 1: 3}
	_ = []int{1: 1, 1: 2}
	_ = map[string]int{"a"}
}
