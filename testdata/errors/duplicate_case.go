package main

func main() {
	x := 2
	switch x {
	case 1, 2:
	case 2: // ERROR "duplicate case 2 \(constant of type int\) in expression switch"
	case 3, 3: // ERROR "duplicate case 3 \(constant of type int\) in expression switch"
	}
	m := map[string]int{
		"a": 1,
		"a": 2, // ERROR `duplicate key "a" in map literal`
	}
	arr := [3]int{0: 1, 0: 2} // ERROR "duplicate index 0 in array or slice literal"
	println(m, arr[0])
}
