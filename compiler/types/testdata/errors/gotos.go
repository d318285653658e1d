package main

func main() {
	goto L
	x := 1
	_ = x
L:
	goto M
	{
	M:
	}
	var i interface{}
	switch i.(type) {
	case nil, nil:
	case int, int:
	}
}

type T1 func(i, i int)

type S struct{ _ int }

var _ = S{_: 1}
