package main

import "unsafe"

type Point struct {
	X, Y int
}

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }
func (p *Point) Scale(k int)      { p.X *= k; p.Y *= k }

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }

type Named struct {
	Point
	*Rect
	name string
}

type MyInt int

func (m MyInt) Double() MyInt { return m * 2 }

type Alias = Point

const (
	A = iota
	B
	C
	_
	E
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

const big = 1 << 100 >> 98
const f = 1.5 * 2
const s = "hello" + ", " + "world"
const r = 'a' + 1

var global = compute()
var x, y = 1, 2
var arr [KB / 512]int
var sz = unsafe.Sizeof(x)

func compute() int { return len(s) }

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func sum(xs ...int) int {
	t := 0
	for _, v := range xs {
		t += v
	}
	return t
}

func apply(f func(int) int, v int) int { return f(v) }

func counter() func() int {
	c := 0
	return func() int {
		c++
		return c
	}
}

func main() {
	p := Point{1, 2}
	q := Point{X: 3}
	p = p.Add(q)
	p.Scale(2)
	pp := &p
	pp.Scale(3)
	_ = pp.Add(q).X
	var sh Shape = Rect{2, 3}
	_ = sh.Area()
	if r, ok := sh.(Rect); ok {
		_ = r.W
	}
	switch v := sh.(type) {
	case Rect:
		_ = v.H
	case nil:
	default:
		_ = v
	}
	n := Named{Point: Point{1, 2}, Rect: &Rect{1, 1}, name: "n"}
	_ = n.X + n.Point.Y
	_ = n.Area()
	var m MyInt = 3
	_ = m.Double()
	var al Alias = p
	_ = al
	qq, rr := divmod(7, 2)
	_, _ = qq, rr
	_ = sum(1, 2, 3)
	xs := []int{1, 2, 3}
	_ = sum(xs...)
	xs = append(xs, 4, 5)
	xs = append(xs, xs...)
	bs := []byte("abc")
	bs = append(bs, "def"...)
	_ = string(bs)
	_ = copy(bs, "xy")
	mp := map[string]int{"a": 1, "b": 2}
	mp["c"] = 3
	v, ok := mp["a"]
	_, _ = v, ok
	delete(mp, "a")
	for k, v := range mp {
		_, _ = k, v
	}
	for i := range xs {
		_ = xs[i]
	}
	for i, c := range "héllo" {
		_, _ = i, c
	}
	ar := [...]int{1, 2, 3}
	_ = len(ar)
	sl := ar[:]
	_ = sl[1:2:3]
	pa := &ar
	for i := range pa {
		_ = pa[i]
	}
	ch := make(chan int, 1)
	ch <- 1
	<-ch
	select {
	case v := <-ch:
		_ = v
	case ch <- 2:
	default:
	}
	close(ch)
	go func() {}()
	defer func() {
		if e := recover(); e != nil {
			println(e)
		}
	}()
	c := counter()
	_ = c() + apply(func(x int) int { return x * x }, 3)
	var i8 int8 = -128
	_ = i8
	var u8 uint8 = 255
	_ = u8
	var fl float32 = 1e10
	_ = fl
	var cx = complex(1, 2)
	_ = real(cx) + imag(cx)
	_ = big + f + r
	_ = A + B + C + E + MB + GB
	var iface interface{} = 1
	_ = iface == 1
	var e error
	_ = e == nil
	b := 1 << 3
	var sh2 uint = 2
	_ = b << sh2
	var fz float64 = 1 << 3
	_ = fz
	switch {
	case b > 1:
		fallthrough
	case b > 2:
	}
	switch b {
	case 1, 2:
	case 3:
	}
L:
	for i := 0; i < 10; i++ {
		for j := 0; j < 10; j++ {
			if j == 5 {
				continue L
			}
			if i == 5 {
				break L
			}
		}
	}
	goto end
end:
	x++
	y--
	println(global, x, y, arr[0], sz, p.X, n.name)
	var np *Point
	_ = np == nil
	_ = new(int)
	_ = make([]int, 3, 10)
	_ = make(map[int]string)
	type local struct{ a int }
	_ = local{1}
	var fn func() = main
	_ = fn
	_ = [][]int{{1}, {2, 3}}
	_ = []*Point{{1, 2}, {X: 3}}
	_ = map[string]Point{"a": {1, 2}}
	_ = "abc"[1]
	_ = len("abc")
	_ = Point.Add(p, q)
	_ = (*Point).Scale
	meth := p.Add
	_ = meth(q)
}
