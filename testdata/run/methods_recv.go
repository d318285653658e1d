package main

type Counter struct {
	n    int
	name string
}

func (c Counter) Get() int      { return c.n }
func (c *Counter) Inc()         { c.n++ }
func (c *Counter) Add(k int)    { c.n += k }
func (c Counter) Named() string { return c.name }
func (c Counter) TryInc()       { c.n++ } // modifies a copy

type Celsius float64
type Fahrenheit float64

func (c Celsius) ToF() Fahrenheit { return Fahrenheit(c*9/5 + 32) }
func (f Fahrenheit) ToC() Celsius { return Celsius((f - 32) * 5 / 9) }

type IntList []int

func (l IntList) Sum() int {
	s := 0
	for _, v := range l {
		s += v
	}
	return s
}

func (l *IntList) Push(v int) { *l = append(*l, v) }

func main() {
	c := Counter{name: "c"}
	c.Inc() // (&c).Inc()
	c.Add(10)
	c.TryInc()
	println(c.Get(), c.Named())
	pc := &c
	pc.Inc()
	println(pc.Get(), (*pc).Get()) // automatic dereference
	f := c.Get                      // method value binds a copy
	c.Inc()
	println(f(), c.Get())
	g := pc.Inc
	g()
	g()
	println(c.n)
	h := (*Counter).Add
	h(&c, 100)
	k := Counter.Get
	println(k(c))
	var temp Celsius = 100
	println(temp.ToF(), temp.ToF().ToC(), Celsius(-40).ToF())
	var l IntList
	for i := 1; i <= 10; i++ {
		l.Push(i)
	}
	println(l.Sum(), len(l))
	arr := []Counter{{1, "a"}, {2, "b"}}
	arr[0].Inc() // slice elements are addressable
	println(arr[0].n)
}
