package main

func main() {
	_ = make(int)
	_ = make([]int)
	_ = make([]int, -1)
	_ = make(map[int]int, 1, 2)
	_ = new(1)
	var s []int
	copy(s, "a")
	delete(s, 1)
	close(1)
}
