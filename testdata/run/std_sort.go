package main

import "sort"

type person struct {
	name string
	age  int
}

type byAge []person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Less(i, j int) bool { return a[i].age < a[j].age }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

var seed uint32 = 12345

func rnd(n int) int {
	seed = seed*1664525 + 1013904223
	return int(seed>>8) % n
}

func printInts(a []int) {
	for _, v := range a {
		print(v, " ")
	}
	println()
}

func main() {
	a := []int{5, 2, 8, 1, 9, 3, 7, 4, 6, 0}
	println(sort.IntsAreSorted(a))
	sort.Ints(a)
	printInts(a)
	println(sort.IntsAreSorted(a), sort.SearchInts(a, 4), sort.SearchInts(a, 42), sort.SearchInts(a, -1))
	s := []string{"pear", "apple", "fig", "banana", "cherry", ""}
	sort.Strings(s)
	for _, v := range s {
		print("[", v, "] ")
	}
	println(sort.StringsAreSorted(s), sort.SearchStrings(s, "cherry"), sort.SearchStrings(s, "date"))
	f := []float64{2.5, -1, 3.25, 0, 1e10, -7.5}
	sort.Float64s(f)
	for _, v := range f {
		print(v, " ")
	}
	println(sort.Float64sAreSorted(f))
	// Large random slices, checked to be sorted.
	for n := 0; n < 300; n += 37 {
		b := make([]int, n)
		sum := 0
		for i := range b {
			b[i] = rnd(50)
			sum += b[i]
		}
		sort.Sort(sort.Reverse(sort.IntSlice(b)))
		ok := true
		s2 := 0
		for i := range b {
			s2 += b[i]
			if i > 0 && b[i-1] < b[i] {
				ok = false
			}
		}
		println(n, ok, sum == s2)
	}
	// Stable sorts keep the order of equal keys.
	people := []person{{"alice", 30}, {"bob", 25}, {"carol", 30}, {"dave", 25}, {"eve", 35}, {"frank", 30}, {"grace", 25}}
	sort.Stable(byAge(people))
	for _, p := range people {
		print(p.name, ":", p.age, " ")
	}
	println()
	p2 := []person{{"a", 3}, {"b", 1}, {"c", 2}, {"d", 1}, {"e", 3}, {"f", 2}}
	sort.SliceStable(p2, func(i, j int) bool { return p2[i].age > p2[j].age })
	for _, p := range p2 {
		print(p.name, ":", p.age, " ")
	}
	println()
	p3 := []person{{"z", 9}, {"y", 8}, {"x", 7}, {"w", 6}}
	sort.Slice(p3, func(i, j int) bool { return p3[i].name < p3[j].name })
	for _, p := range p3 {
		print(p.name, " ")
	}
	println(sort.SliceIsSorted(p3, func(i, j int) bool { return p3[i].name < p3[j].name }))
	big := make([]person, 500)
	for i := range big {
		big[i] = person{"p", rnd(10)}
		big[i].name = string(rune('a' + i%26))
	}
	idx := make([]int, 500)
	for i := range idx {
		idx[i] = i
	}
	ages := make([]int, 500)
	for i := range big {
		ages[i] = big[i].age
	}
	sort.SliceStable(idx, func(i, j int) bool { return ages[idx[i]] < ages[idx[j]] })
	stable := true
	for i := 1; i < len(idx); i++ {
		if ages[idx[i-1]] > ages[idx[i]] || ages[idx[i-1]] == ages[idx[i]] && idx[i-1] > idx[i] {
			stable = false
		}
	}
	println("stable:", stable)
	println(sort.Search(100, func(i int) bool { return i*i >= 50 }))
	println(sort.IsSorted(sort.IntSlice([]int{1, 2, 2, 3})), sort.IsSorted(sort.IntSlice([]int{2, 1})))
	x := sort.StringSlice{"b", "c", "a"}
	x.Sort()
	println(x[0], x[1], x[2], x.Search("c"))
}
