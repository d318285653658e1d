package main

// Map benchmark: insert, look up and delete 10^6 int keys and 10^6 string keys.

func main() {
	const n = 1000000
	sum := 0
	m := make(map[int]int)
	for i := 0; i < n; i++ {
		m[i*7919] = i
	}
	for r := 0; r < 3; r++ {
		for i := 0; i < n; i++ {
			sum += m[i*7919]
		}
	}
	for i := 0; i < n; i += 2 {
		delete(m, i*7919)
	}
	for i := 0; i < n; i++ {
		if v, ok := m[i*7919]; ok {
			sum += v
		}
	}
	sum += len(m)

	keys := make([]string, n)
	for i := range keys {
		b := make([]byte, 0, 12)
		x := i
		for j := 0; j < 8; j++ {
			b = append(b, byte('a'+x%26))
			x /= 26
		}
		keys[i] = string(b)
	}
	s := make(map[string]int)
	for i, k := range keys {
		s[k] = i
	}
	for r := 0; r < 3; r++ {
		for _, k := range keys {
			sum += s[k]
		}
	}
	for i := 0; i < n; i += 2 {
		delete(s, keys[i])
	}
	for _, k := range keys {
		if v, ok := s[k]; ok {
			sum += v
		}
	}
	sum += len(s)
	println(sum)
}
