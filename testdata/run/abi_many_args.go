// Many arguments (some passed on the stack), several results (some in memory), and deep
// recursion so that calls cross stack segments with all of them in flight.
package main

type pair struct {
	a, b int
	s    string
}

func many(depth, a, b, c, d, e, f, g int, x, y float64, s string) (int, string, float64) {
	if depth == 0 {
		return a + b + c + d + e + f + g, s, x * y
	}
	var pad [16]int
	pad[depth%16] = depth
	n, t, z := many(depth-1, a+1, b, c, d, e, f, g+pad[depth%16]-depth, x, y+1, s)
	return n + 1, t, z + 1
}

func mk(i int) (pair, [3]int, string) {
	return pair{i, -i, "p"}, [3]int{i, i * 2, i * 3}, "r"
}

func main() {
	for _, d := range []int{0, 1, 10, 1000, 100000} {
		n, s, z := many(d, 1, 2, 3, 4, 5, 6, 7, 1.5, 2, "hi")
		println(d, n, s, z)
	}
	p, arr, r := mk(7)
	println(p.a, p.b, p.s, arr[0], arr[1], arr[2], r)
}
