package main

type I interface{ M() }
type T struct{}

func (T) M() {}

func f() (int, error) { return 0, nil }

func main() {
	x := 1
	x += 1
	y := 2
	y++
	var p *T
	p.M()
	var i I = p
	i.M()
	n, err := f()
	_ = n
	if err != nil {
		return
	}
	var arr [3]int
	for i := range arr {
		arr[i] = i
	}
	s := []int{1}
	s[0] = 2
	var m map[string]int
	m["a"]++
	a, b := 1, 2
	a, b = b, a
	var z interface{} = 5
	switch v := z.(type) {
	case int:
		_ = v
	}
	const c = 10
	var f32 float32 = c / 3
	_ = f32
	var u8 uint8 = 'a'
	_ = u8
	var r rune = 'x'
	_ = string(r)
	str := "abc"
	for _, ch := range str {
		_ = ch
	}
	ptr := &struct{ a int }{1}
	ptr.a = 2
	fn := func(xs ...int) int { return len(xs) }
	_ = fn(s...)
	ch := make(chan int)
	go func() { ch <- 1 }()
	<-ch
	var e error = nil
	_ = e
	lbl := 0
	_ = lbl
}
