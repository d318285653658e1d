package main

type Stack struct{ items []int }

func (s *Stack) Push(v int) { s.items = append(s.items, v) }

func NewStack() Stack { return Stack{} }

type Shape interface {
	Area() float64
}

type Circle struct{ r float64 }

func (c *Circle) Area() float64 { return c.r * c.r }

func main() {
	NewStack().Push(1)
	var sh Shape = Circle{1}
	shapes := []Shape{Circle{2}}
	var total int
	for _, s := range shapes {
		total += s.Area()
	}
	_ = sh
	var x int = 3.0
	var y int = 3.5
	z := 1 << 70
	_, _ = x, y
	_ = z
}
