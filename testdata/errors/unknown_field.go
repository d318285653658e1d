package main

type Point struct{ X, Y int }

type Wrapper struct {
	P    Point
	Name string
}

func main() {
	p := Point{X: 1, Z: 2} // ERROR "unknown field 'Z' in struct literal of type Point"
	println(p.Z)           // ERROR "p.Z undefined \(type Point has no field or method Z\)"
	w := Wrapper{}
	println(w.P.W) // ERROR "w.P.W undefined \(type Point has no field or method W\)"
	w.Nmae = "x"   // ERROR "w.Nmae undefined \(type Wrapper has no field or method Nmae\)"
	q := Point{1, 2, 3} // ERROR "too many values in Point\{…\}"
	println(q.X)
}
