// exitcode: 2

// Runtime errors recovered are runtime.Error values: Error() through the error interface,
// type switches, comparison, and gc's re-panic format.

package main

type I interface{ M() }

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			println(name, "error:", e.Error())
		} else {
			println(name, "not an error")
		}
		switch v := r.(type) {
		case interface{ RuntimeError() }:
			println(name, "is a runtime.Error")
		case string:
			println(name, "string", v)
		}
		switch v := r.(type) {
		case string:
			println(name, "string", v)
		case error:
			println(name, "switch:", v.Error())
		}
		var e2 interface{ Error() string }
		e2, _ = r.(interface{ Error() string })
		if e2 != nil {
			println(name, "Error():", e2.Error())
		}
	}()
	f()
}

var sink int

func main() {
	s := []int{1, 2, 3}
	i := 5
	try("index", func() { sink = s[i] })
	try("slice", func() { sink = len(s[2:i]) })
	z := 0
	try("divide", func() { sink = 7 / z })
	var p *struct{ a, b int }
	try("nil", func() { sink = p.b })
	var m map[string]int
	try("nilmap", func() { m["a"] = 1 })
	var x interface{} = 3
	try("assert", func() { sink = len(x.(string)) })
	try("assertI", func() { x.(I).M() })
	var y interface{}
	try("assertnil", func() { sink = y.(int) })
	try("string", func() { panic("plain") })
	var e1, e2 interface{}
	func() {
		defer func() { e1 = recover() }()
		sink = s[i]
	}()
	func() {
		defer func() { e2 = recover() }()
		sink = s[i]
	}()
	println(e1 == e2)
	func() {
		defer func() {
			r := recover()
			panic(r)
		}()
		sink = s[i]
	}()
}
