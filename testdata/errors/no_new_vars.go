package main

func pair() (int, error) { return 1, nil }

func main() {
	x := 1
	x := 2 // ERROR "no new variables on left side of :="
	y, z := 3, 4
	y, z := 5, 6 // ERROR "no new variables on left side of :="
	n, err := pair()
	n, err := pair() // ERROR "no new variables on left side of :="
	w, x := 7, 8     // fine: w is new
	println(x, y, z, n, err, w)
}
