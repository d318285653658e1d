package main

func bubble(a []int) {
	for i := 0; i < len(a); i++ {
		for j := 0; j < len(a)-1-i; j++ {
			if a[j] > a[j+1] {
				a[j], a[j+1] = a[j+1], a[j]
			}
		}
	}
}

func insertion(a []int) {
	for i := 1; i < len(a); i++ {
		v := a[i]
		j := i - 1
		for j >= 0 && a[j] > v {
			a[j+1] = a[j]
			j--
		}
		a[j+1] = v
	}
}

func quick(a []int) {
	if len(a) < 2 {
		return
	}
	p := a[len(a)/2]
	i, j := 0, len(a)-1
	for i <= j {
		for a[i] < p {
			i++
		}
		for a[j] > p {
			j--
		}
		if i <= j {
			a[i], a[j] = a[j], a[i]
			i++
			j--
		}
	}
	quick(a[:j+1])
	quick(a[i:])
}

func mergeSort(a []int) []int {
	if len(a) <= 1 {
		return a
	}
	m := len(a) / 2
	l, r := mergeSort(a[:m]), mergeSort(a[m:])
	out := make([]int, 0, len(a))
	for len(l) > 0 && len(r) > 0 {
		if l[0] <= r[0] {
			out, l = append(out, l[0]), l[1:]
		} else {
			out, r = append(out, r[0]), r[1:]
		}
	}
	return append(append(out, l...), r...)
}

func heapSort(a []int) {
	sift := func(root, end int) {
		for {
			c := 2*root + 1
			if c >= end {
				return
			}
			if c+1 < end && a[c+1] > a[c] {
				c++
			}
			if a[root] >= a[c] {
				return
			}
			a[root], a[c] = a[c], a[root]
			root = c
		}
	}
	for i := len(a)/2 - 1; i >= 0; i-- {
		sift(i, len(a))
	}
	for end := len(a) - 1; end > 0; end-- {
		a[0], a[end] = a[end], a[0]
		sift(0, end)
	}
}

func gen(n int, seed uint32) []int {
	out := make([]int, n)
	for i := range out {
		seed = seed*1664525 + 1013904223
		out[i] = int(seed>>8) % 1000
	}
	return out
}

func sorted(a []int) bool {
	for i := 1; i < len(a); i++ {
		if a[i-1] > a[i] {
			return false
		}
	}
	return true
}

func checksum(a []int) int {
	h := 0
	for i, v := range a {
		h = h*31 + v*(i+1)
		h %= 1000000007
	}
	return h
}

func main() {
	small := gen(12, 1)
	for _, v := range small {
		print(v, " ")
	}
	println()
	algos := []struct {
		name string
		f    func([]int) []int
	}{
		{"bubble", func(a []int) []int { bubble(a); return a }},
		{"insertion", func(a []int) []int { insertion(a); return a }},
		{"quick", func(a []int) []int { quick(a); return a }},
		{"merge", mergeSort},
		{"heap", func(a []int) []int { heapSort(a); return a }},
	}
	for _, al := range algos {
		s := al.f(gen(12, 1))
		print(al.name, ": ")
		for _, v := range s {
			print(v, " ")
		}
		println()
		big := al.f(gen(2000, 99))
		println(al.name, "2000:", sorted(big), checksum(big))
	}
}
