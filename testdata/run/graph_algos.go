package main

const inf = 1 << 60

func dijkstra(adj [][]int, src int) []int {
	n := len(adj)
	dist := make([]int, n)
	done := make([]bool, n)
	for i := range dist {
		dist[i] = inf
	}
	dist[src] = 0
	for iter := 0; iter < n; iter++ {
		u := -1
		for v := 0; v < n; v++ {
			if !done[v] && (u < 0 || dist[v] < dist[u]) {
				u = v
			}
		}
		if dist[u] == inf {
			break
		}
		done[u] = true
		for v, w := range adj[u] {
			if w > 0 && dist[u]+w < dist[v] {
				dist[v] = dist[u] + w
			}
		}
	}
	return dist
}

func topoSort(n int, edges [][2]int) ([]int, bool) {
	indeg := make([]int, n)
	out := make([][]int, n)
	for _, e := range edges {
		out[e[0]] = append(out[e[0]], e[1])
		indeg[e[1]]++
	}
	var q, order []int
	for i := 0; i < n; i++ {
		if indeg[i] == 0 {
			q = append(q, i)
		}
	}
	for len(q) > 0 {
		u := q[0]
		q = q[1:]
		order = append(order, u)
		for _, v := range out[u] {
			indeg[v]--
			if indeg[v] == 0 {
				q = append(q, v)
			}
		}
	}
	return order, len(order) == n
}

func floyd(d [][]int) {
	n := len(d)
	for k := 0; k < n; k++ {
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				if d[i][k]+d[k][j] < d[i][j] {
					d[i][j] = d[i][k] + d[k][j]
				}
			}
		}
	}
}

func main() {
	adj := [][]int{
		{0, 4, 1, 0, 0},
		{4, 0, 2, 5, 0},
		{1, 2, 0, 8, 10},
		{0, 5, 8, 0, 2},
		{0, 0, 10, 2, 0},
	}
	for i, d := range dijkstra(adj, 0) {
		println("dist 0 ->", i, "=", d)
	}
	order, ok := topoSort(6, [][2]int{{5, 2}, {5, 0}, {4, 0}, {4, 1}, {2, 3}, {3, 1}})
	println(ok, len(order))
	for _, v := range order {
		print(v, " ")
	}
	println()
	_, ok = topoSort(3, [][2]int{{0, 1}, {1, 2}, {2, 0}})
	println("cyclic sortable:", ok)
	d := make([][]int, 5)
	for i := range d {
		d[i] = make([]int, 5)
		for j := range d[i] {
			if i == j {
				d[i][j] = 0
			} else if adj[i][j] > 0 {
				d[i][j] = adj[i][j]
			} else {
				d[i][j] = inf
			}
		}
	}
	floyd(d)
	for _, row := range d {
		for _, v := range row {
			print(v, " ")
		}
		println()
	}
}
