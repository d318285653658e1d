package main

func wordFreq(text string) map[string]int {
	m := make(map[string]int)
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == ' ' {
			if i > start {
				m[text[start:i]]++
			}
			start = i + 1
		}
	}
	return m
}

func main() {
	m := map[string]int{"one": 1, "two": 2}
	m["three"] = 3
	println(len(m), m["two"], m["missing"])
	v, ok := m["one"]
	println(v, ok)
	v, ok = m["zero"]
	println(v, ok)
	delete(m, "one")
	delete(m, "nothing")
	println(len(m))
	// iteration order is random: sum instead of printing in order
	sum := 0
	for k, v := range m {
		sum += v + len(k)
	}
	println(sum)
	f := wordFreq("a rose is a rose is a rose")
	for _, w := range []string{"a", "rose", "is", "tulip"} {
		println(w, f[w])
	}
	type key struct{ x, y int }
	grid := map[key]bool{}
	for i := 0; i < 5; i++ {
		grid[key{i, i * i}] = true
	}
	println(grid[key{2, 4}], grid[key{2, 5}], len(grid))
	ints := map[int]string{}
	for i := 0; i < 1000; i++ {
		ints[i] = "v"
	}
	for i := 0; i < 1000; i += 2 {
		delete(ints, i)
	}
	println(len(ints), ints[1], ints[2] == "")
	var nilMap map[string]bool
	println(nilMap["x"], len(nilMap))
	// modifying a map while ranging: deleting is allowed
	for k := range ints {
		delete(ints, k)
	}
	println(len(ints))
	nested := map[string][]int{}
	nested["a"] = append(nested["a"], 1, 2)
	nested["a"] = append(nested["a"], 3)
	println(len(nested["a"]), nested["a"][2])
}
