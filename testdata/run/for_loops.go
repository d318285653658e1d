package main

func main() {
	// three-clause
	sum := 0
	for i := 1; i <= 100; i++ {
		sum += i
	}
	println("sum", sum)
	// condition only
	n := 27
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	println("collatz 27 steps", steps)
	// infinite with break
	k := 0
	for {
		k++
		if k*k > 500 {
			break
		}
	}
	println("k", k)
	// continue
	for i := 0; i < 10; i++ {
		if i%3 == 0 {
			continue
		}
		print(i, " ")
	}
	println()
	// multiple variables
	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		print(i, ",", j, " ")
	}
	println()
	// nested, with the inner bound depending on the outer variable
	for i := 1; i <= 5; i++ {
		for j := 0; j < i; j++ {
			print("*")
		}
		println()
	}
	// empty clauses
	m := 0
	for ; m < 3; {
		m++
	}
	println(m)
	// closures in loops capture the single loop variable (Go 1.19)
	var fs [3]func() int
	for i := 0; i < 3; i++ {
		fs[i] = func() int { return i }
	}
	println(fs[0](), fs[1](), fs[2]())
}
