package main

func divmod(a, b int) (int, int) { return a / b, a % b }

func main() {
	a, b := 1, 2
	a, b = b, a
	println(a, b)
	x, y, z := 1, 2, 3
	x, y, z = z, x, y
	println(x, y, z)
	// all index expressions and operands are evaluated before assignment
	arr := []int{10, 20, 30}
	i := 0
	i, arr[i] = 1, 99
	println(i, arr[0], arr[1])
	arr[0], arr[2] = arr[2], arr[0]
	println(arr[0], arr[1], arr[2])
	q, r := divmod(17, 5)
	println(q, r)
	q, r = divmod(-17, 5)
	println(q, r)
	_, r = divmod(100, 7)
	println(r)
	// fibonacci with tuple assignment
	f0, f1 := 0, 1
	for k := 0; k < 15; k++ {
		f0, f1 = f1, f0+f1
	}
	println(f0)
	// swap through pointers
	p, pq := &a, &b
	*p, *pq = *pq, *p
	println(a, b)
	type pair struct{ l, r int }
	pr := pair{1, 2}
	pr.l, pr.r = pr.r, pr.l
	println(pr.l, pr.r)
}
