package main

// Functions as values: top-level functions, closures (by-reference captures, outliving their
// frame, recursive), package-level literals, method values and expressions, variadic calls
// through func values, nil funcs, func-typed fields and slices.

type Op func(int, int) int

type Acc struct {
	total int
	name  string
}

func (a Acc) Name() string       { return a.name }
func (a *Acc) Add(n int)         { a.total += n }
func (a Acc) Scaled(k int) int   { return a.total * k }
func (a *Acc) Pair() (int, string) { return a.total, a.name }

type Big struct{ a, b, c, d, e, f, g, h, i int }

func (b Big) Sum() int { return b.a + b.b + b.c + b.d + b.e + b.f + b.g + b.h + b.i }

func add(a, b int) int { return a + b }
func mul(a, b int) int { return a * b }

var double = func(x int) int { return 2 * x }

var table = []Op{add, mul, func(a, b int) int { return a - b }}

func join(sep string, parts ...string) string {
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += sep
		}
		s += p
	}
	return s
}

func makeCounter(start int) (func() int, func(int)) {
	n := start
	return func() int { n++; return n }, func(v int) { n = v }
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return f(g(x)) }
}

func nested() func() func() int {
	x := 1
	return func() func() int {
		y := 10
		return func() int {
			x++
			y++
			return x*100 + y
		}
	}
}

type Handler struct {
	name string
	fn   func(string) string
}

func split(n int) (int, int) { return n / 10, n % 10 }

func main() {
	var f Op = add
	println(f(2, 3), table[1](4, 5), table[2](10, 4), double(21))
	for i, op := range table {
		println(i, op(6, 3))
	}

	next, reset := makeCounter(5)
	println(next(), next())
	reset(100)
	println(next())

	inc := func(x int) int { return x + 1 }
	println(compose(double, inc)(5), compose(inc, double)(5))

	g := nested()
	h1 := g()
	h2 := g()
	println(h1(), h1(), h2(), h1())

	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	println(fib(20))

	// Method values bind the receiver when evaluated.
	a := Acc{name: "a"}
	name := a.Name
	a.name = "changed"
	println(name(), a.Name())
	add := a.Add
	add(3)
	add(4)
	println(a.total)
	scaled := a.Scaled
	a.total = 1000
	println(scaled(2))
	p := &a
	pair := p.Pair
	t, n := pair()
	println(t, n)
	bg := Big{1, 2, 3, 4, 5, 6, 7, 8, 9}
	bs := bg.Sum
	bg.a = 100
	println(bs(), bg.Sum())

	// Method expressions.
	nameOf := Acc.Name
	addTo := (*Acc).Add
	nameP := (*Acc).Name
	addTo(&a, 1)
	println(nameOf(a), nameP(&a), a.total, Acc.Scaled(a, 3))

	// Variadic functions through func values.
	j := join
	println(j(", ", "x", "y", "z"))
	parts := []string{"p", "q"}
	println(j("-", parts...))
	println(j("+") == "")
	vf := func(xs ...int) int { return len(xs) }
	println(vf(), vf(1, 2), vf([]int{1, 2, 3}...))

	// nil funcs.
	var nf func()
	var nop Op
	println(nf == nil, nop == nil, f != nil)
	println(nf)
	nf = func() { println("now set") }
	if nf != nil {
		nf()
	}

	// Func-typed fields and slices.
	hs := []Handler{
		{"upper", func(s string) string { return s + "!" }},
		{"twice", func(s string) string { return s + s }},
	}
	for _, hd := range hs {
		println(hd.name, hd.fn("go"))
	}
	m := map2()
	println(m[0](1), m[1](1))

	// Closures over loop variables (one variable per loop in Go 1.19).
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, fn := range fs {
		print(fn(), " ")
	}
	println()
	fs = fs[:0]
	for i := 0; i < 3; i++ {
		k := i
		fs = append(fs, func() int { return k * k })
	}
	for _, fn := range fs {
		print(fn(), " ")
	}
	println()

	// f(g()) through a func value.
	pr := func(a, b int) int { return a*10 + b }
	println(pr(split(47)))

	// Immediately invoked literals.
	r := func(a int) int { return a * 3 }(7)
	println(r, func() string { return "lit" }())
}

func map2() [2]func(int) int {
	var arr [2]func(int) int
	base := 10
	arr[0] = func(x int) int { return x + base }
	arr[1] = func(x int) int { base++; return x * base }
	return arr
}
