package main

type DSU struct {
	parent, rank []int
	sets         int
}

func NewDSU(n int) *DSU {
	d := &DSU{make([]int, n), make([]int, n), n}
	for i := range d.parent {
		d.parent[i] = i
	}
	return d
}

func (d *DSU) Find(x int) int {
	for d.parent[x] != x {
		d.parent[x] = d.parent[d.parent[x]]
		x = d.parent[x]
	}
	return x
}

func (d *DSU) Union(a, b int) bool {
	ra, rb := d.Find(a), d.Find(b)
	if ra == rb {
		return false
	}
	if d.rank[ra] < d.rank[rb] {
		ra, rb = rb, ra
	}
	d.parent[rb] = ra
	if d.rank[ra] == d.rank[rb] {
		d.rank[ra]++
	}
	d.sets--
	return true
}

type edge struct{ u, v, w int }

func main() {
	// Kruskal's minimum spanning tree over a small graph (edges pre-sorted by weight)
	edges := []edge{{0, 1, 1}, {1, 2, 2}, {0, 2, 3}, {2, 3, 4}, {3, 4, 5}, {1, 4, 6}, {4, 5, 7}, {0, 5, 8}}
	d := NewDSU(6)
	total := 0
	for _, e := range edges {
		if d.Union(e.u, e.v) {
			println("take", e.u, e.v, e.w)
			total += e.w
		}
	}
	println("mst weight", total, "sets", d.sets)
	big := NewDSU(1000)
	for i := 0; i < 1000; i += 2 {
		big.Union(i, (i*7+3)%1000)
	}
	println("components", big.sets, big.Find(0) == big.Find(3))
}
