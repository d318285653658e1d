package main

const text = `It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was
the epoch of incredulity, it was the season of Light, it was the season of
Darkness, it was the spring of hope, it was the winter of despair.`

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func main() {
	counts := map[string]int{}
	var order []string
	lines, words, chars := 1, 0, len(text)
	cur := []byte{}
	flush := func() {
		if len(cur) > 0 {
			w := string(cur)
			if counts[w] == 0 {
				order = append(order, w)
			}
			counts[w]++
			words++
			cur = cur[:0]
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			lines++
		}
		if isLetter(c) {
			cur = append(cur, lower(c))
		} else {
			flush()
		}
	}
	flush()
	println(lines, words, chars, len(counts))
	for _, w := range order {
		if counts[w] >= 2 {
			println(w, counts[w])
		}
	}
}
