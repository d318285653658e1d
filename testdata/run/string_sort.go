package main

func less(a, b string) bool { return a < b }

func sortStrings(xs []string) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && less(xs[j], xs[j-1]); j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

func dedupe(xs []string) []string {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func commonPrefix(a, b string) string {
	n := len(a)
	if len(b) < n {
		n = len(b)
	}
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return a[:i]
}

func main() {
	words := []string{"pear", "apple", "fig", "Banana", "apple", "cherry", "", "figs", "éclair", "date", "fig"}
	sortStrings(words)
	for _, w := range words {
		println("[" + w + "]")
	}
	u := dedupe(words)
	println(len(u), len(words))
	println(commonPrefix("interstellar", "internet"), commonPrefix("a", "b") == "", commonPrefix("same", "same"))
	cmp := func(a, b string) int {
		switch {
		case a < b:
			return -1
		case a > b:
			return 1
		}
		return 0
	}
	println(cmp("abc", "abd"), cmp("b", "abc"), cmp("x", "x"), cmp("", "\x00"), cmp("\xff", "\u00ff"))
}
