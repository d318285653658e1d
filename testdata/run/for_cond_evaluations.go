package main

// A for loop's condition is evaluated once before each iteration and once more at the end,
// whatever path the iteration takes (continue, labeled continue, break), and loops whose
// condition holds a function literal work too.

var evals int

func less(i, n int) bool {
	evals++
	return i < n
}

func main() {
	s := 0
	for i := 0; less(i, 10); i++ {
		if i%3 == 0 {
			continue
		}
		s += i
	}
	println(s, evals)

	evals = 0
outer:
	for i := 0; less(i, 4); i++ {
		for j := 0; less(j, 4); j++ {
			if j == 2 {
				continue outer
			}
			if i == 3 {
				break outer
			}
		}
	}
	println(evals)

	evals = 0
	n := 0
	for n < 5 && less(n, 100) {
		n++
	}
	println(n, evals)

	k := 0
	for func() bool { k++; return k < 7 }() {
	}
	println(k)

	var p *int
	x := 3
	p = &x
	for *p > 0 {
		*p--
	}
	println(x)
}
