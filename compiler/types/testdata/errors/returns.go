package main

func f() (int, string) {
	return 1
}

func g() int {
	return 1, 2
}

func h() int {
	if true {
		return 1
	}
}

func k() {
	return 1
}

func m() int {
	return
}

func n() int {
	for {
	}
}

func o(x int) int {
	switch x {
	case 1:
		return 1
	default:
		return 2
	}
}

func p() int {
	panic("x")
}

func q() int {
	for {
		break
	}
}

func main() {}
