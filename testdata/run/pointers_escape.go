package main

type node struct {
	val  int
	next *node
}

func newCounter() *int {
	c := 0 // escapes to the heap
	return &c
}

func incr(p *int) { *p++ }

func makeNodes(n int) []*node {
	var out []*node
	for i := 0; i < n; i++ {
		nd := node{val: i * i}
		out = append(out, &nd)
	}
	return out
}

func swap(a, b *int) { *a, *b = *b, *a }

func main() {
	c1 := newCounter()
	c2 := newCounter()
	incr(c1)
	incr(c1)
	incr(c2)
	println(*c1, *c2, c1 != c2)
	p := new(int)
	println(*p)
	*p = 42
	q := p
	*q++
	println(*p)
	nodes := makeNodes(5)
	for _, n := range nodes {
		print(n.val, " ")
	}
	println()
	x, y := 1, 2
	swap(&x, &y)
	println(x, y)
	pp := &p
	**pp = 7
	println(*p)
	s := &struct{ a, b int }{3, 4}
	s.a += s.b
	println(s.a)
	arr := [3]int{1, 2, 3}
	pa := &arr
	pa[1] = 20
	println(arr[1], len(pa))
	var np *node
	println(np == nil)
	np = &node{val: 1}
	np.next = &node{val: 2, next: &node{val: 3}}
	println(np.next.next.val)
	e1 := &arr[0]
	e2 := &arr[0]
	println(e1 == e2, &arr[1] == &arr[2])
}
