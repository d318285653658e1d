package main

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ w, h float64 }
type Circle struct{ r float64 }
type Square struct{ Rect }

func (r Rect) Area() float64    { return r.w * r.h }
func (r Rect) Name() string     { return "rect" }
func (c *Circle) Area() float64 { return 3 * c.r * c.r }
func (c *Circle) Name() string  { return "circle" }
func (s Square) Name() string   { return "square" }

type Stringer interface{ String() string }

type Temp int

func (t Temp) String() string {
	if t < 0 {
		return "cold"
	}
	return "warm"
}

func describe(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		if v > 100 {
			return "big int"
		}
		return "int"
	case string:
		return "string of " + string(rune('0'+len(v)))
	case Stringer:
		return "stringer " + v.String()
	case []int, [2]int:
		return "int collection"
	case error:
		return "error"
	default:
		return "other"
	}
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1}, Square{Rect{2, 2}}}
	total := 0.0
	for _, s := range shapes {
		println(s.Name(), s.Area())
		total += s.Area()
	}
	println("total", total)
	var s Shape
	println(s == nil)
	s = Rect{1, 1}
	r, ok := s.(Rect)
	println(r.w, ok)
	_, ok = s.(*Circle)
	println(ok)
	for _, x := range []interface{}{nil, 5, 500, "abc", Temp(-3), []int{1}, [2]int{}, 2.5, true} {
		println(describe(x))
	}
	var e1, e2 interface{} = 3, 3
	println(e1 == e2, e1 != interface{}(int64(3)), e1 == interface{}("3"))
	var st Stringer = Temp(5)
	var any interface{} = st
	_, isShape := any.(Shape)
	println(st.String(), isShape)
}
