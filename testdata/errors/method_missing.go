package main

type Stack struct{ items []int }

func (s *Stack) Push(v int) { s.items = append(s.items, v) }

type Shape interface{ Area() float64 }

type Square struct{ side float64 }

func (s *Square) Area() float64 { return s.side * s.side }

func main() {
	var s Stack
	s.Push(1)
	s.Pop() // ERROR "s.Pop undefined \(type Stack has no field or method Pop\)"
	var sh Shape = Square{2} // ERROR "cannot use Square\{…\} \(value of type Square\) as type Shape in variable declaration:\n\tSquare does not implement Shape \(Area method has pointer receiver\)"
	var sh2 Shape = s // ERROR "Stack does not implement Shape \(missing Area method\)"
	n := 5
	n.Double() // ERROR "n.Double undefined \(type int has no field or method Double\)"
	println(sh, sh2)
}
