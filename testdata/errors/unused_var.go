package main

func compute() int {
	total := 0
	unused := 5 // ERROR "unused declared but not used"
	for i := 0; i < 3; i++ {
		total += i
	}
	return total
}

func main() {
	x, y := 1, 2 // ERROR "y declared but not used"
	println(x)
	var z int // ERROR "z declared but not used"
	if v := compute(); true { // ERROR "v declared but not used"
	}
}
