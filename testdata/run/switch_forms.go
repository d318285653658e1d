package main

func kind(c byte) string {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return "vowel"
	case ' ':
		return "space"
	default:
		if c >= '0' && c <= '9' {
			return "digit"
		}
		return "other"
	}
}

func sign(x int) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

func fall(n int) {
	switch n {
	case 0:
		print("zero ")
		fallthrough
	case 1:
		print("one-or-fell ")
		fallthrough
	case 2:
		print("two-or-fell ")
	case 3:
		print("three ")
	default:
		print("default ")
		fallthrough
	case 4:
		print("four-or-default ")
	}
	println()
}

var evals int

func val(x int) int {
	evals++
	return x
}

func main() {
	for _, c := range []byte("a b7x") {
		println(string(c), kind(c))
	}
	println(sign(-9), sign(0), sign(4))
	for i := 0; i < 6; i++ {
		fall(i)
	}
	// cases are evaluated top to bottom, left to right, until a match
	switch val(3) {
	case val(1), val(2):
		println("no")
	case val(3), val(4):
		println("yes")
	case val(5):
		println("no")
	}
	println("evals", evals)
	switch x := 5; {
	case x > 3:
		println("x > 3")
	}
	switch {
	}
	s := "go"
	switch s + "rc" {
	case "gorc":
		println("gorc!")
	}
	// break inside switch leaves the switch only
	for i := 0; i < 3; i++ {
		switch i {
		case 1:
			break
		}
		print(i)
	}
	println()
}
