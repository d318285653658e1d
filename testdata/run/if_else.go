package main

func classify(n int) string {
	if n < 0 {
		return "negative"
	} else if n == 0 {
		return "zero"
	} else if n%2 == 0 {
		if n > 100 {
			return "big even"
		}
		return "even"
	} else {
		return "odd"
	}
}

func grade(score int) byte {
	var g byte
	if score >= 90 {
		g = 'A'
	} else if score >= 80 {
		g = 'B'
	} else if score >= 70 {
		g = 'C'
	} else {
		g = 'F'
	}
	return g
}

func main() {
	for _, n := range []int{-5, 0, 4, 7, 102, 101} {
		println(n, classify(n))
	}
	for s := 65; s <= 100; s += 7 {
		print(string(rune(grade(s))))
	}
	println()
	if v := classify(3); v == "odd" {
		println("three is", v)
	} else {
		println("bug", v)
	}
	if x, y := 3, 4; x*x+y*y == 25 {
		println("pythagorean")
	}
}
