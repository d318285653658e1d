package main

// Runtime work that nests (equality and hashing of deeply nested keys, panics raised inside
// the runtime, chains of nil deferred calls) running on many small goroutine stacks at once.

type L0 struct{ a, b int }
type L1 struct {
	x L0
	s string
}
type L2 struct{ v [2]L1 }
type L3 struct {
	i interface{}
	w L2
}
type L4 struct{ z [1]L3 }
type L5 struct {
	q L4
	e interface{}
}

func key(n int) L5 {
	return L5{q: L4{z: [1]L3{{i: L2{v: [2]L1{{L0{n, n}, "a"}, {L0{1, 2}, "b"}}}, w: L2{}}}}, e: n}
}

func nilDefers(n int) (r interface{}) {
	defer func() { r = recover() }()
	var f func()
	for i := 0; i < n; i++ {
		defer f()
	}
	return nil
}

func uncomparable() (r interface{}) {
	defer func() { r = recover() }()
	m := map[interface{}]int{}
	m[key(1)] = 1
	bad := L5{q: L4{z: [1]L3{{i: []int{1}}}}}
	m[bad] = 2
	return nil
}

func work(id int, done chan<- string) {
	m := make(map[L5]int)
	for i := 0; i < 50; i++ {
		m[key(i)] = i
	}
	s := 0
	for i := 0; i < 50; i++ {
		s += m[key(i)]
	}
	var i1, i2 interface{} = key(7), key(7)
	ok := i1 == i2 && s == 1225
	r1 := nilDefers(100)
	r2 := uncomparable()
	var out string
	if ok {
		out = "ok"
	} else {
		out = "bad"
	}
	if id == 0 {
		println(r1.(error).Error())
		println(r2.(error).Error())
	}
	done <- out
}

func main() {
	done := make(chan string)
	const n = 200
	for i := 0; i < n; i++ {
		go work(i, done)
	}
	okc := 0
	for i := 0; i < n; i++ {
		if <-done == "ok" {
			okc++
		}
	}
	println(okc, "goroutines ok")
}
