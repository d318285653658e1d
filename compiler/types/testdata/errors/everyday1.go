package main

type T struct{ a int }

func (t T) Get() int { return t.a }

func two() (int, int) { return 1, 2 }

func main() {
	var t T
	t.Get(1)
	t.get()
	var s []string
	s = append(s, 1)
	var m map[string]int = map[int]string{}
	x := two()
	var f float64 = "x"
	if t {
	}
	for i := 0; i < "a"; i++ {
	}
	_, _, _ = m, x, f
}
