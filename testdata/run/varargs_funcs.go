package main

type op func(a, b int) int

var ops = map[string]op{
	"add": func(a, b int) int { return a + b },
	"sub": func(a, b int) int { return a - b },
	"mul": func(a, b int) int { return a * b },
}

func fold(f op, init int, xs ...int) int {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func mapInts(xs []int, f func(int) int) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func filter(xs []int, keep func(int) bool) []int {
	var out []int
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func printAll(label string, xs ...interface{}) {
	print(label, ":")
	for _, x := range xs {
		switch v := x.(type) {
		case int:
			print(" int=", v)
		case string:
			print(" str=", v)
		case bool:
			print(" bool=", v)
		default:
			print(" ?")
		}
	}
	println()
}

func main() {
	nums := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	println(fold(ops["add"], 0, nums...), fold(ops["mul"], 1, nums[:6]...), fold(ops["sub"], 100))
	sq := mapInts(nums, func(x int) int { return x * x })
	ev := filter(sq, func(x int) bool { return x%2 == 0 })
	for _, v := range ev {
		print(v, " ")
	}
	println()
	printAll("mixed", 1, "two", true, 4.0, nil)
	printAll("empty")
	var nilOp op
	println(nilOp == nil, ops["div"] == nil)
}
