package main

// Type assertions (both forms) and type switches: concrete and interface targets, several
// types per case, the nil case, default, and the bound variable's type in each clause.

type Stringer interface{ String() string }
type Lener interface{ Len() int }

type S string

func (s S) String() string { return "S(" + string(s) + ")" }
func (s S) Len() int        { return len(s) }

type P struct{ x, y int }

func (p *P) String() string { return "P" }

type Pair struct {
	a [2]int
	b string
}

func classify(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		return "int " + string(rune('0'+v))
	case string, S:
		_ = v
		return "string-like"
	case Lener:
		return "lener"
	case Stringer:
		return "stringer " + v.String()
	case []int:
		return "slice of " + string(rune('0'+len(v)))
	case Pair:
		return "pair " + v.b
	case error:
		return "error"
	default:
		return "other"
	}
}

func main() {
	vals := []interface{}{nil, 3, "s", S("x"), &P{1, 2}, []int{1, 2}, Pair{[2]int{1, 2}, "pb"}, 2.5, P{}}
	for _, v := range vals {
		println(classify(v))
	}
	var x interface{} = S("hello")
	s := x.(S)
	println(s, x.(Stringer).String(), x.(Lener).Len())
	if _, ok := x.(int); !ok {
		println("not an int")
	}
	if l, ok := x.(Lener); ok {
		println("lener", l.Len())
	}
	var st Stringer = &P{}
	if _, ok := st.(Lener); !ok {
		println("*P is not a Lener")
	}
	p, ok := st.(*P)
	println(ok, p.x)
	pr, ok := x.(Pair)
	println(ok, pr.b == "", pr.a[1])
	var y interface{} = Pair{[2]int{5, 6}, "q"}
	pr, ok = y.(Pair)
	println(ok, pr.b, pr.a[0], pr.a[1])
	var none interface{}
	_, ok = none.(int)
	println(ok)
	_, ok = none.(Stringer)
	println(ok)
	switch none.(type) {
	case int:
		println("int")
	default:
		println("default")
	}
	n := 0
	for _, v := range vals {
		switch v.(type) {
		case int, string:
			n++
			continue
		}
		n += 10
	}
	println(n)
}
