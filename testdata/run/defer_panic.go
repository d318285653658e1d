package main

// defer, panic and recover: LIFO order, arguments evaluated at the defer statement, defers
// in loops, named results changed by deferred closures, recover only in a directly deferred
// call, recovery from runtime errors, re-panics, results after a recovery.

type R struct{ name string }

func (r R) Close()   { println("close", r.name) }
func (r *R) Rename() { println("rename", r.name); r.name += "'" }

func lifo() {
	defer println("first deferred, runs last")
	for i := 0; i < 4; i++ {
		defer println("loop", i)
	}
	defer println("last deferred, runs first")
	println("body")
}

func argsNow() {
	x := 1
	defer println("deferred sees x =", x)
	f := func() { println("f one") }
	defer f()
	f = func() { println("f two") }
	r := R{"r1"}
	defer r.Close()
	defer r.Rename()
	r.name = "r2"
	x = 2
	println("x is", x)
}

func named() (n int, s string) {
	defer func() {
		n *= 10
		s += "!"
	}()
	n, s = 4, "hi"
	return n + 1, s + "?"
}

func recovered() (res int) {
	defer func() {
		if r := recover(); r != nil {
			println("recovered:", r != nil)
			res = -1
		}
	}()
	res = 7
	panic("boom")
}

func unnamed() int {
	defer func() { recover() }()
	panic(1)
}

func indexErr(i int) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	a := []int{1, 2, 3}
	_ = a[i]
	return true
}

type node struct{ next *node }

func nilDeref(n *node) (ok bool) {
	defer func() {
		ok = recover() == nil
	}()
	return n.next == nil
}

func divide(a, b int) (q int, failed bool) {
	defer func() {
		if recover() != nil {
			failed = true
		}
	}()
	return a / b, false
}

func helper() interface{} { return recover() }

func notDirect() (got bool) {
	defer func() {
		r := recover()
		got = r != nil
	}()
	defer func() {
		// recover in a function called by the deferred function: nil.
		println("helper recovers:", helper() != nil)
	}()
	panic("x")
}

func noPanic() {
	defer func() {
		println("recover without panic is nil:", recover() == nil)
	}()
}

func deferRecoverDirectly() (got bool) {
	defer func() { got = recover() != nil }()
	defer recover() // recover as the deferred call itself does nothing
	panic("direct")
}

func deferredByDeferred() (got bool) {
	defer func() { got = recover() != nil }()
	defer func() {
		defer recover() // called by this deferred function: effective
	}()
	panic("inner")
}

func repanic() {
	defer func() {
		r := recover()
		println("outer caught again:", r != nil)
	}()
	defer func() {
		recover()
		panic("second")
	}()
	panic("first")
}

func depth(n int) int {
	var buf [64]int
	buf[n%64] = n
	if n == 0 {
		panic("deep")
	}
	return depth(n-1) + buf[n%64]
}

func deepRecover() (ok bool) {
	defer func() {
		ok = recover() != nil
	}()
	depth(5000)
	return false
}

func deferInLoopRecover() (count int) {
	defer func() {
		recover()
	}()
	for i := 0; i < 5; i++ {
		defer func() { count++ }()
	}
	panic("loop")
}

func afterRecoverContinue() {
	for i := 0; i < 3; i++ {
		func() {
			defer func() {
				if recover() != nil {
					println("iteration", i, "recovered")
				}
			}()
			if i%2 == 0 {
				panic(i)
			}
			println("iteration", i, "fine")
		}()
	}
}

func variadicDefer() {
	sum := func(label string, xs ...int) {
		t := 0
		for _, x := range xs {
			t += x
		}
		println(label, t)
	}
	xs := []int{1, 2, 3}
	defer sum("spread", xs...)
	defer sum("list", 4, 5, 6)
	xs[0] = 100
}

func main() {
	lifo()
	argsNow()
	println(named())
	println(recovered())
	println(unnamed())
	println(indexErr(1), indexErr(5))
	println(nilDeref(&node{}), nilDeref(nil))
	println(divide(7, 2))
	println(divide(7, 0))
	println(notDirect())
	noPanic()
	println(deferRecoverDirectly())
	println(deferredByDeferred())
	repanic()
	println(deepRecover())
	println(deferInLoopRecover())
	afterRecoverContinue()
	variadicDefer()
	println("done")
}
