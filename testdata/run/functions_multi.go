package main

func minmax(xs []int) (min, max int) {
	if len(xs) == 0 {
		return
	}
	min, max = xs[0], xs[0]
	for _, x := range xs[1:] {
		if x < min {
			min = x
		}
		if x > max {
			max = x
		}
	}
	return
}

func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return
}

func named() (r int) {
	r = 5
	return r * 2
}

func three() (int, string, bool) { return 1, "two", true }

func pass(a int, s string, b bool) string {
	if b {
		return s
	}
	return "no"
}

func variadic(prefix string, nums ...int) int {
	t := 0
	for _, n := range nums {
		t += n
	}
	println(prefix, len(nums), t)
	return t
}

func apply(f func(int) int, x int) int { return f(x) }

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return f(g(x)) }
}

func main() {
	println(minmax([]int{3, -1, 9, 4}))
	println(minmax(nil))
	println(split(17))
	println(named())
	println(pass(three()))
	variadic("none")
	variadic("some", 1, 2, 3)
	variadic("spread", []int{10, 20}...)
	double := func(x int) int { return x * 2 }
	inc := func(x int) int { return x + 1 }
	println(apply(double, 21), compose(double, inc)(4), compose(inc, double)(4))
	var fnil func()
	println(fnil == nil)
}
