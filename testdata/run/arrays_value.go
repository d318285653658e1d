package main

func modify(a [4]int) [4]int {
	a[0] = 100
	return a
}

func modifyPtr(a *[4]int) {
	a[0] = 100
}

func main() {
	a := [4]int{1, 2, 3, 4}
	b := a
	b[1] = 20
	println(a[1], b[1])
	c := modify(a)
	println(a[0], c[0])
	modifyPtr(&a)
	println(a[0])
	println(a == [4]int{100, 2, 3, 4}, a != b, [0]int{} == [0]int{})
	var grid [3][3]int
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			grid[i][j] = i * j
		}
	}
	g2 := grid
	g2[2][2] = -1
	println(grid[2][2], g2[2][2], grid == g2)
	sparse := [...]string{2: "two", 5: "five", "six"}
	println(len(sparse), sparse[2], sparse[6], sparse[0] == "")
	type point struct{ x, y int }
	pts := [2]point{{1, 2}, {3, 4}}
	pts2 := pts
	pts2[0].x = 9
	println(pts[0].x, pts2[0].x, pts == pts2)
	var strs [3]string
	strs[1] = "mid"
	println(strs == [3]string{"", "mid", ""})
	arrOfArr := [2][2]bool{{true}, {false, true}}
	println(arrOfArr[0][0], arrOfArr[0][1], arrOfArr[1][1])
	// arrays as map-like tables
	var counts [10]int
	for _, d := range "3141592653589793" {
		counts[d-'0']++
	}
	for d, n := range counts {
		print(d, ":", n, " ")
	}
	println()
}
