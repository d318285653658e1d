package main

func reverse(s string) string {
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		b[len(s)-1-i] = s[i]
	}
	return string(b)
}

func repeat(s string, n int) string {
	r := ""
	for i := 0; i < n; i++ {
		r += s
	}
	return r
}

func isPalindrome(s string) bool {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		if s[i] != s[j] {
			return false
		}
	}
	return true
}

func main() {
	s := "Hello"
	t := s + ", " + "World" + "!"
	println(t, len(t))
	println(t[0], t[len(t)-1], string(t[7]))
	println(t[:5], t[7:], t[3:9], t[:], t[13:] == "")
	println(reverse(t))
	println(repeat("ab", 5), len(repeat("xyz", 100)))
	for _, w := range []string{"racecar", "abba", "abc", "", "a"} {
		println(w, isPalindrome(w))
	}
	// comparison is bytewise
	println("a" < "b", "ab" < "abc", "abc" < "abd", "B" < "a", "" < "a", "same" == "sa"+"me")
	println("z" > "ab", "abc" >= "abc", "abc" <= "abb", "x" != "y")
	u := s
	s += "!"
	println(u, s)
	var empty string
	println(empty == "", len(empty))
	sub := t[7:12]
	println(sub, len(sub), sub[1:3])
}
