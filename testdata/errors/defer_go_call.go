package main

func work() int { return 1 }

func main() {
	defer work // ERROR "expression in defer must be function call"
	go work    // ERROR "expression in go must be function call"
	defer int(3) // ERROR "defer requires function call, not conversion"
	defer recover()
	x := 1
	defer x // ERROR "expression in defer must be function call" "cannot call non-function x \(variable of type int\)"
}
