package main

// Dynamic dispatch through itabs: value and pointer receivers, promoted methods through
// embedded structs and pointers, embedded interfaces, interface-to-interface conversion,
// interfaces in slices, maps, struct fields, arguments and results, and the error interface.

type Animal interface {
	Sound() string
	Legs() int
}

type Named interface {
	Name() string
}

type Pet interface {
	Animal
	Named
}

type Dog struct{ name string }

func (d Dog) Sound() string { return "woof" }
func (d Dog) Legs() int      { return 4 }
func (d Dog) Name() string   { return d.name }

type Bird struct {
	name  string
	calls int
}

func (b *Bird) Sound() string { b.calls++; return "tweet" }
func (b *Bird) Legs() int      { return 2 }
func (b *Bird) Name() string   { return b.name }

// Promoted methods: through an embedded value and an embedded pointer.
type Puppy struct {
	Dog
	age int
}

type Cage struct {
	*Bird
	size int
}

type Big struct {
	a, b, c, d, e, f, g, h, i int
	arr                       [3]int
}

func (b Big) Sound() string { return "rumble" }
func (b Big) Legs() int      { return b.arr[0] + b.arr[1] + b.arr[2] + b.i }

type Counter int

func (c Counter) Name() string {
	if c > 2 {
		return "many"
	}
	return "few"
}

type myError struct{ code int }

func (e *myError) Error() string { return "code " + string(rune('0'+e.code)) }

func check(n int) error {
	if n%2 == 1 {
		return &myError{n}
	}
	return nil
}

func describe(a Animal) (string, int) { return a.Sound(), a.Legs() }

func namesOf(ps []Pet) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name()+":"+p.Sound())
	}
	return out
}

type Holder struct {
	a Animal
	n Named
}

func main() {
	b := &Bird{name: "tweety"}
	animals := []Animal{Dog{"rex"}, b, Puppy{Dog{"bit"}, 1}, Cage{&Bird{name: "polly"}, 3}, Big{i: 1, arr: [3]int{1, 2, 3}}}
	for i, a := range animals {
		s, l := describe(a)
		println(i, s, l)
	}
	println("bird calls:", b.calls)

	pets := []Pet{Dog{"fido"}, b, Puppy{Dog{"pup"}, 2}}
	for _, s := range namesOf(pets) {
		println(s)
	}
	// Interface to interface: Pet -> Animal, Pet -> Named, and back via assertion.
	var a Animal = pets[1]
	var n Named = pets[0]
	println(a.Legs(), n.Name())
	if p, ok := a.(Pet); ok {
		println("animal is a pet:", p.Name())
	}
	h := Holder{a: Dog{"h"}, n: Counter(5)}
	println(h.a.Sound(), h.n.Name(), Named(Counter(1)).Name())

	m := map[string]Named{"dog": Dog{"d"}, "count": Counter(3)}
	println(m["dog"].Name(), m["count"].Name(), m["none"] == nil)

	for i := 0; i < 4; i++ {
		if err := check(i); err != nil {
			println(i, "error:", err.Error())
		} else {
			println(i, "ok")
		}
	}
	var err error = check(3)
	var e2 error = err
	println(err == e2, err != nil)

	// Empty interfaces hold anything, and compare by dynamic type and value.
	var xs []interface{}
	xs = append(xs, 1, "two", 3.5, Dog{"x"}, nil, true, int8(1))
	for _, x := range xs {
		println(x == 1, x == "two", x == nil, x == Dog{"x"})
	}
	var in interface{}
	println(in)
}
