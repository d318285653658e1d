package main

type item struct {
	name   string
	weight int
	value  int
}

func knapsack(items []item, cap int) (int, []string) {
	n := len(items)
	dp := make([][]int, n+1)
	for i := range dp {
		dp[i] = make([]int, cap+1)
	}
	for i := 1; i <= n; i++ {
		it := items[i-1]
		for w := 0; w <= cap; w++ {
			dp[i][w] = dp[i-1][w]
			if it.weight <= w && dp[i-1][w-it.weight]+it.value > dp[i][w] {
				dp[i][w] = dp[i-1][w-it.weight] + it.value
			}
		}
	}
	var chosen []string
	w := cap
	for i := n; i > 0; i-- {
		if dp[i][w] != dp[i-1][w] {
			chosen = append(chosen, items[i-1].name)
			w -= items[i-1].weight
		}
	}
	return dp[n][cap], chosen
}

func lcs(a, b string) string {
	m, n := len(a), len(b)
	t := make([][]int, m+1)
	for i := range t {
		t[i] = make([]int, n+1)
	}
	for i := m - 1; i >= 0; i-- {
		for j := n - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i][j] = t[i+1][j+1] + 1
			} else if t[i+1][j] >= t[i][j+1] {
				t[i][j] = t[i+1][j]
			} else {
				t[i][j] = t[i][j+1]
			}
		}
	}
	out := []byte{}
	i, j := 0, 0
	for i < m && j < n {
		if a[i] == b[j] {
			out = append(out, a[i])
			i++
			j++
		} else if t[i+1][j] >= t[i][j+1] {
			i++
		} else {
			j++
		}
	}
	return string(out)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = prev[j-1] + cost
			if prev[j]+1 < cur[j] {
				cur[j] = prev[j] + 1
			}
			if cur[j-1]+1 < cur[j] {
				cur[j] = cur[j-1] + 1
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func main() {
	items := []item{{"map", 9, 150}, {"compass", 13, 35}, {"water", 153, 200}, {"sandwich", 50, 160},
		{"glucose", 15, 60}, {"tin", 68, 45}, {"banana", 27, 60}, {"apple", 39, 40}, {"cheese", 23, 30}}
	v, ch := knapsack(items, 200)
	println("best value", v)
	for _, c := range ch {
		print(c, " ")
	}
	println()
	println(lcs("AGGTAB", "GXTXAYB"), lcs("gorc compiler", "go runtime checker"))
	println(editDistance("kitten", "sitting"), editDistance("", "abc"), editDistance("flaw", "lawn"))
}
