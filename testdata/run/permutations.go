package main

func permute(a []int, k int, visit func([]int)) {
	if k == len(a) {
		visit(a)
		return
	}
	for i := k; i < len(a); i++ {
		a[k], a[i] = a[i], a[k]
		permute(a, k+1, visit)
		a[k], a[i] = a[i], a[k]
	}
}

func nextPerm(a []int) bool {
	i := len(a) - 2
	for i >= 0 && a[i] >= a[i+1] {
		i--
	}
	if i < 0 {
		return false
	}
	j := len(a) - 1
	for a[j] <= a[i] {
		j--
	}
	a[i], a[j] = a[j], a[i]
	for l, r := i+1, len(a)-1; l < r; l, r = l+1, r-1 {
		a[l], a[r] = a[r], a[l]
	}
	return true
}

func combinations(n, k int) [][]int {
	var out [][]int
	var cur []int
	var rec func(start int)
	rec = func(start int) {
		if len(cur) == k {
			out = append(out, append([]int(nil), cur...))
			return
		}
		for i := start; i < n; i++ {
			cur = append(cur, i)
			rec(i + 1)
			cur = cur[:len(cur)-1]
		}
	}
	rec(0)
	return out
}

func main() {
	permute([]int{1, 2, 3}, 0, func(p []int) {
		println(p[0], p[1], p[2])
	})
	a := []int{1, 1, 2, 3}
	n := 1
	for nextPerm(a) {
		n++
	}
	println("distinct permutations of 1123:", n)
	count := 0
	permute([]int{0, 1, 2, 3, 4, 5, 6}, 0, func([]int) { count++ })
	println("7! =", count)
	cs := combinations(5, 3)
	println(len(cs))
	for _, c := range cs[:4] {
		println(c[0], c[1], c[2])
	}
}
