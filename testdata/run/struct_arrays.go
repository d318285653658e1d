package main

type Student struct {
	Name   string
	Grades [4]int
}

func (s Student) Average() float64 {
	t := 0
	for _, g := range s.Grades {
		t += g
	}
	return float64(t) / float64(len(s.Grades))
}

type Class struct {
	Title    string
	Students []Student
}

func (c *Class) Best() *Student {
	var best *Student
	for i := range c.Students {
		if best == nil || c.Students[i].Average() > best.Average() {
			best = &c.Students[i]
		}
	}
	return best
}

func (c Class) Curve(k int) Class {
	out := Class{Title: c.Title + " (curved)", Students: make([]Student, len(c.Students))}
	copy(out.Students, c.Students)
	for i := range out.Students {
		for j := range out.Students[i].Grades {
			out.Students[i].Grades[j] += k
		}
	}
	return out
}

func main() {
	c := Class{"Compilers", []Student{
		{"ann", [4]int{90, 85, 77, 92}},
		{"ben", [4]int{60, 75, 80, 70}},
		{"cat", [4]int{95, 91, 89, 99}},
	}}
	for _, s := range c.Students {
		println(s.Name, s.Average())
	}
	b := c.Best()
	println("best:", b.Name)
	b.Grades[0] = 0 // modifies the class through the pointer
	println(c.Students[2].Grades[0], c.Best().Name)
	cc := c.Curve(5)
	println(cc.Title, cc.Students[1].Grades[0], c.Students[1].Grades[0])
	println(c.Students[0] == cc.Students[0], c.Students[0].Grades == [4]int{90, 85, 77, 92})
	type pair struct {
		a [2]string
		b int
	}
	p1 := pair{[2]string{"x", "y"}, 1}
	p2 := p1
	println(p1 == p2)
	p2.a[1] = "z"
	println(p1 == p2, p1.a[1], p2.a[1])
}
