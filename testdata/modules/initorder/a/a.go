package a

import (
	"example.com/initorder/b"
	"example.com/initorder/c"
)

var A = b.Y + c.Base

func init() { c.Log("a.init") }

type Counter struct {
	n    int
	Name string
}

func (k *Counter) Inc() int { k.n++; return k.n }
func (k Counter) N() int     { return k.n }

type Shape interface {
	Area() int
}

type Square struct{ Side int }

func (s Square) Area() int { return s.Side * s.Side }

func Total(ss ...Shape) int {
	t := 0
	for _, s := range ss {
		t += s.Area()
	}
	return t
}
