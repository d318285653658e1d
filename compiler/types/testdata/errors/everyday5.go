package main

func get() (v int, ok bool) { return }

func main() {
	v := get()
	a, b, c := get()
	var x int
	x, y := 1
	if v, ok := get(); ok {
	}
	s := "str"
	s[0] = 'x'
	const k = 5
	k++
	var ptr *int
	ptr.x = 1
	_, _, _, _, _ = a, b, c, x, y
}
