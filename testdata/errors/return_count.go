package main

func one() int {
	return 1, 2 // ERROR "too many return values"
}

func two() (int, string) {
	return 1 // ERROR "not enough return values"
}

func none() {
	return 3 // ERROR "too many return values"
}

func named() (x, y int) {
	return
}

func main() {
	println(one())
	println(two())
	none()
	println(named())
}
