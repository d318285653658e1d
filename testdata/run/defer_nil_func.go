package main

// Deferring a nil func is not an error; calling it when the deferred calls run is a nil
// dereference, which an earlier deferred call can recover.

func atReturn() (ok bool) {
	defer func() { ok = recover() != nil }()
	var f func()
	defer f()
	println("after the defer of a nil func")
	return false
}

func duringPanic() (ok bool) {
	defer func() { ok = recover() != nil }()
	var f func()
	defer f()
	panic("x")
}

func main() {
	println(atReturn())
	println(duringPanic())
}
