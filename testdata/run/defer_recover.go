package main

func order() {
	for i := 0; i < 3; i++ {
		defer println("deferred", i)
	}
	println("body done")
}

func modifyResult() (n int) {
	defer func() { n *= 2 }()
	n = 5
	return n + 1
}

func safeDiv(a, b int) (q int, err string) {
	defer func() {
		if r := recover(); r != nil {
			err = "recovered"
			q = -1
		}
	}()
	return a / b, ""
}

func argsEvaluatedEarly() {
	x := 1
	defer println("deferred x =", x)
	x = 2
	println("x now", x)
}

type T struct{ name string }

func (t T) close() { println("close", t.name) }

func nested() {
	defer func() {
		r := recover()
		println("outer recovered:", r.(string))
	}()
	func() {
		defer func() {
			r := recover()
			println("inner recovered:", r.(int))
			panic("second")
		}()
		panic(1)
	}()
}

func recoverNil() {
	defer func() {
		println("recover returns nil when not panicking:", recover() == nil)
	}()
}

func main() {
	order()
	println(modifyResult())
	println(safeDiv(10, 2))
	println(safeDiv(1, 0))
	argsEvaluatedEarly()
	a, b := T{"a"}, T{"b"}
	func() {
		defer a.close()
		defer b.close()
		println("closing in reverse")
	}()
	nested()
	recoverNil()
	var arr []int
	func() {
		defer func() {
			e := recover()
			if err, ok := e.(interface{ Error() string }); ok {
				println("runtime error:", err.Error())
			}
		}()
		_ = arr[3]
	}()
	println("end of main")
}
