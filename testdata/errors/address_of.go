package main

func val() int { return 1 }

const k = 5

func main() {
	p := &val() // ERROR "invalid operation: cannot take address of val\(\) \(value of type int\)"
	q := &k     // ERROR "invalid operation: cannot take address of k \(untyped int constant 5\)"
	m := map[string]int{"a": 1}
	r := &m["a"] // ERROR `invalid operation: cannot take address of m\["a"\] \(map index expression of type int\)`
	x := 3
	println(*x) // ERROR "invalid operation: cannot indirect x \(variable of type int\)"
	println(p, q, r)
}
