package main

func sign(x int) int {
	if x < 0 {
		return -1
	} else if x > 0 {
		return 1
	}
} // ERROR "missing return"

func loop(n int) int {
	for i := 0; i < n; i++ {
		if i == 3 {
			return i
		}
	}
} // ERROR "missing return"

func fine(x int) int {
	for {
	}
}

func alsoFine(x int) int {
	switch {
	case x > 0:
		return 1
	default:
		panic("no")
	}
}

func main() {
	println(sign(1), loop(5), fine(1), alsoFine(1))
}
