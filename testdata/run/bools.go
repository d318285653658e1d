package main

func xor(a, b bool) bool { return a != b }

var calls int

func t(name string, v bool) bool {
	calls++
	print(name, " ")
	return v
}

func main() {
	println(true, false, !true, 1 < 2, "a" > "b")
	for _, a := range []bool{false, true} {
		for _, b := range []bool{false, true} {
			println(a, b, a && b, a || b, xor(a, b), a == b)
		}
	}
	// short-circuit evaluation
	if t("A", false) && t("B", true) {
		println("unreachable")
	}
	println()
	if t("C", true) || t("D", true) {
		println("taken")
	}
	if t("E", false) || t("F", true) && t("G", false) {
		println("unreachable")
	}
	println()
	println("calls:", calls)
	var flags [5]bool
	for i := range flags {
		flags[i] = i%2 == 0
	}
	println(flags[0], flags[1], flags[4], flags == [5]bool{true, false, true, false, true})
	type B bool
	var nb B = 3 > 2
	println(nb, !nb)
}
