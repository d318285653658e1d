package main

func findPair(m [][]int, target int) (int, int) {
	ri, ci := -1, -1
outer:
	for i, row := range m {
		for j, v := range row {
			if v == target {
				ri, ci = i, j
				break outer
			}
		}
	}
	return ri, ci
}

func primesBelow(n int) {
next:
	for i := 2; i < n; i++ {
		for d := 2; d*d <= i; d++ {
			if i%d == 0 {
				continue next
			}
		}
		print(i, " ")
	}
	println()
}

func gotoLoop() int {
	i, s := 0, 0
loop:
	if i < 10 {
		s += i
		i++
		goto loop
	}
	return s
}

func gotoForward(x int) string {
	if x > 0 {
		goto positive
	}
	return "non-positive"
positive:
	return "positive"
}

func main() {
	m := [][]int{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
	println(findPair(m, 6))
	println(findPair(m, 10))
	primesBelow(50)
	println(gotoLoop(), gotoForward(3), gotoForward(-3))
	// labelled break out of a switch inside a loop
	n := 0
sw:
	for {
		switch {
		case n >= 3:
			break sw
		default:
			n++
		}
	}
	println("n", n)
	// labelled continue from within a switch
	out := 0
L:
	for i := 0; i < 10; i++ {
		switch i % 3 {
		case 0:
			continue L
		}
		out += i
	}
	println(out)
}
