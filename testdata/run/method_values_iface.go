package main

type Stringer interface{ String() string }

type Named interface {
	Stringer
	Name() string
}

type T struct{ n int }

func (t T) String() string { return "T" }
func (t T) Name() string   { return "name" }
func (t *T) Inc()          { t.n++ }

type Wrap struct {
	Named // embedded interface: promoted methods
}

type Outer struct {
	*T
}

func main() {
	var s Stringer = T{}
	f := s.String // method value of an interface method
	println(f())
	g := Stringer.String // method expression of an interface method
	println(g(T{}))
	w := Wrap{T{}}
	println(w.String(), w.Name())
	var n Named = w
	println(n.Name())
	h := w.Name
	println(h())
	o := Outer{&T{}}
	o.Inc()
	inc := (*Outer).Inc // promoted method expression
	inc(&o)
	println(o.n)
	m := map[int]int{1: 1, 2: 2}

	func() {
		defer delete(m, 1)

		dst := make([]int, 2)
		defer copy(dst, []int{7, 8})
		defer println("deferred")
	}()
	println(len(m))
	var tp *T
	defer func() {
		println(recover().(error).Error())
	}()
	var ns Stringer = tp
	println(ns.String())
}
