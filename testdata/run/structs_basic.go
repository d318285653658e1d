package main

type Point struct {
	X, Y int
}

type Rect struct {
	Min, Max Point
	Name     string
}

type Employee struct {
	Name    string
	Age     int
	Manager *Employee
	Tags    [2]string
}

func area(r Rect) int {
	return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y)
}

func grow(r Rect, d int) Rect {
	r.Min.X -= d
	r.Min.Y -= d
	r.Max.X += d
	r.Max.Y += d
	return r
}

func main() {
	p := Point{1, 2}
	q := Point{Y: 5}
	println(p.X, p.Y, q.X, q.Y)
	r := Rect{Min: Point{0, 0}, Max: Point{3, 4}, Name: "r"}
	r2 := grow(r, 1)
	println(area(r), area(r2), r.Min.X, r2.Min.X)
	println(p == Point{1, 2}, p != q, r == r2, r == Rect{Max: Point{3, 4}, Name: "r"})
	boss := &Employee{Name: "Ada", Age: 50}
	e := Employee{"Bob", 30, boss, [2]string{"dev", "go"}}
	e2 := e
	e2.Name = "Bobby"
	e2.Tags[1] = "rust"
	e2.Manager.Age++ // shared pointer
	println(e.Name, e2.Name, e.Tags[1], e2.Tags[1], boss.Age, e.Manager.Name)
	anon := struct {
		a int
		b string
	}{7, "seven"}
	println(anon.a, anon.b)
	var zero Rect
	println(zero.Min.X, zero.Name == "", zero == Rect{})
	pts := []Point{{1, 1}, {2, 4}, {3, 9}}
	sum := Point{}
	for _, pt := range pts {
		sum.X += pt.X
		sum.Y += pt.Y
	}
	println(sum.X, sum.Y)
	pp := &pts[1]
	pp.Y = 40
	println(pts[1].Y)
	type empty struct{}
	var e1, e3 empty
	println(e1 == e3)
}
