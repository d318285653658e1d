package main

func main() {
	a := [3]int{}
	_ = a[5]
	_ = a[-1]
	s := "abc"
	_ = s[10]
	_ = "abc"[3]
	var sl []int
	_ = sl["x"]
	var m map[string]int
	_ = m[1]
	x := 1
	_ = x[0]
	_ = [2]int{1, 2, 3}
}
