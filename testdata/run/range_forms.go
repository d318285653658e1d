package main

func main() {
	arr := [5]int{5, 4, 3, 2, 1}
	for i, v := range arr {
		arr[4-i] = v * 10 // ranging over an array copies it first
	}
	println(arr[0], arr[1], arr[2], arr[3], arr[4])
	arr2 := [3]int{1, 2, 3}
	for i, v := range &arr2 { // a pointer to an array is not copied
		if i+1 < len(arr2) {
			arr2[i+1] += v
		}
	}
	println(arr2[0], arr2[1], arr2[2])
	sl := []int{1, 2, 3}
	for i := range sl {
		sl = append(sl, i) // the range length is evaluated once
	}
	println(len(sl))
	total := 0
	for _, v := range sl {
		total += v
	}
	println(total)
	var nilSlice []string
	for range nilSlice {
		println("never")
	}
	count := 0
	for range [7]struct{}{} {
		count++
	}
	println(count)
	var p *[4]int
	for i := range p { // len of a nil array pointer is constant
		print(i)
	}
	println()
	matrix := [][]int{{1, 2}, {3, 4}, {5, 6}}
	for r, row := range matrix {
		for c := range row {
			print(r*10+c, ":", row[c], " ")
		}
	}
	println()
	for i, c := range "aé" {
		println(i, c)
	}
}
