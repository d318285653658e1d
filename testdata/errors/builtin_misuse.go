package main

func main() {
	n := 5
	println(len(n)) // ERROR "invalid argument: n \(variable of type int\) for len"
	var arr [3]int
	arr2 := append(arr, 4) // ERROR "first argument to append must be a slice; have arr \(variable of type \[3\]int\)"
	s := make(int) // ERROR "invalid argument: cannot make int; type must be slice, map, or channel"
	p := new(5) // ERROR "5 is not a type"
	println(cap(map[int]int{})) // ERROR "invalid argument: map\[int\]int\{\} \(value of type map\[int\]int\) for cap"
	println(arr2, s, p)
}
