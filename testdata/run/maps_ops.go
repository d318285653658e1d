package main

// Map operations: make with and without hints, growth far beyond the hint, deletes and
// reinserts, len, nil-map reads, ranges over nil and empty maps, deleting during a range
// (deleted entries are not produced), and op-assignments.

func sum(m map[int]int) (int, int) {
	ks, vs := 0, 0
	for k, v := range m {
		ks += k
		vs += v
	}
	return ks, vs
}

func main() {
	var nilm map[string]int
	println(len(nilm), nilm["x"])
	v, ok := nilm["x"]
	println(v, ok)
	delete(nilm, "x")
	for range nilm {
		println("never")
	}

	m := make(map[int]int)
	for i := 0; i < 10000; i++ {
		m[i] = i
	}
	println(len(m))
	println(sum(m))
	for i := 0; i < 10000; i += 3 {
		delete(m, i)
	}
	println(len(m))
	println(sum(m))
	for i := 0; i < 10000; i += 3 {
		m[i] = -i
	}
	println(len(m))
	println(sum(m))

	h := make(map[string]int, 100)
	words := []string{"a", "b", "a", "c", "b", "a"}
	for _, w := range words {
		h[w]++
	}
	println(len(h), h["a"], h["b"], h["c"])
	h["a"] *= 10
	h["b"] -= 2
	h["c"] <<= 3
	println(h["a"], h["b"], h["c"])

	// Deleting entries not yet reached: they must not be produced.
	d := map[int]bool{}
	for i := 0; i < 100; i++ {
		d[i] = true
	}
	seen := 0
	for k := range d {
		seen++
		if k%2 == 0 {
			delete(d, k+1)
		} else {
			delete(d, k-1)
		}
	}
	println(seen, len(d))

	// Deleting everything during iteration, including what was visited.
	e := map[string]int{"x": 1, "y": 2, "z": 3}
	n := 0
	for k := range e {
		n++
		for k2 := range e {
			if k2 != k {
				delete(e, k2)
			}
		}
	}
	println(n, len(e))

	// Inserting during iteration terminates and keeps every key.
	g := map[int]int{0: 0, 1: 1, 2: 2}
	for k := range g {
		if k < 1000 {
			g[k+1000] = k
		}
	}
	println(len(g) >= 3, g[1000], g[1002])

	// A map shared between two variables, and passed to a function.
	a := map[string]int{}
	bb := a
	bb["shared"] = 42
	fill(a, 5)
	println(a["shared"], len(bb))

	// Growth while a range is in progress: values updated before they are reached are seen.
	grow := map[int]int{}
	for i := 0; i < 8; i++ {
		grow[i] = i
	}
	total := 0
	for k, v := range grow {
		if k == 0 || v == 0 {
			for i := 100; i < 200; i++ {
				grow[i] = i
			}
		}
		if k < 8 {
			total += v
		}
	}
	println(total, len(grow))
}

func fill(m map[string]int, n int) {
	for i := 0; i < n; i++ {
		m[string(rune('a'+i))] = i
	}
}
