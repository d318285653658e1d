package p

type T struct {
	x int
	Y int
}

func (T) m() {}

var v = 1

func F() int { return v }
