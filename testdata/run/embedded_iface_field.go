package main

type Named interface {
	Name() string
}

type T struct{ n int }

func (t T) Name() string { return "name" }

type Wrap struct {
	x int
	Named
}

func main() {
	w := Wrap{1, T{}}
	var n Named = w
	println(n.Name())
	var e interface{} = &w
	if nn, ok := e.(Named); ok {
		println("ok", nn.Name())
	}
}
