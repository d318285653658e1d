package main

func f(x int) {
	if x > 0 {
		break // ERROR "break is not in a loop, switch, or select"
	}
	continue // ERROR "continue is not in a loop"
}

func g() {
	switch {
	case true:
		continue // ERROR "continue is not in a loop"
	}
}

func main() {
	f(1)
	g()
}
