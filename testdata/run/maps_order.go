package main

// Range order is randomised for each range statement (as in gc): over many ranges of the
// same map, more than one first key shows up.

func main() {
	m := map[int]int{}
	for i := 0; i < 20; i++ {
		m[i] = i
	}
	firsts := map[int]bool{}
	for r := 0; r < 100; r++ {
		for k := range m {
			firsts[k] = true
			break
		}
	}
	println(len(firsts) > 1)
	// Every key exactly once per range.
	for r := 0; r < 10; r++ {
		count := map[int]int{}
		for k := range m {
			count[k]++
		}
		ok := len(count) == 20
		for _, c := range count {
			if c != 1 {
				ok = false
			}
		}
		if !ok {
			println("bad range")
		}
	}
	println("done")
}
