package main

// Interface dispatch benchmark: method calls through itabs over a mix of dynamic types.

type Shape interface {
	Area() int
	Scale(k int) Shape
}

type Rect struct{ w, h int }
type Square struct{ s int }
type Tri struct{ b, h int }

func (r Rect) Area() int            { return r.w * r.h }
func (r Rect) Scale(k int) Shape    { return Rect{r.w * k, r.h} }
func (s *Square) Area() int         { return s.s * s.s }
func (s *Square) Scale(k int) Shape { return &Square{s.s * k} }
func (t Tri) Area() int             { return t.b * t.h / 2 }
func (t Tri) Scale(k int) Shape     { return Tri{t.b * k, t.h} }

func total(shapes []Shape) int {
	t := 0
	for _, s := range shapes {
		t += s.Area()
	}
	return t
}

func main() {
	shapes := make([]Shape, 0, 1000)
	for i := 0; i < 1000; i++ {
		switch i % 3 {
		case 0:
			shapes = append(shapes, Rect{i, 2})
		case 1:
			shapes = append(shapes, &Square{i})
		default:
			shapes = append(shapes, Tri{i, 4})
		}
	}
	sum := 0
	for r := 0; r < 200000; r++ {
		sum += total(shapes)
	}
	for r := 0; r < 1000; r++ {
		for _, s := range shapes {
			if _, ok := s.(Rect); ok {
				sum++
			}
			sum += s.Scale(2).Area() & 1
		}
	}
	println(sum)
}
