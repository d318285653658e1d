package main

func main() {
	var s []int
	println(len(s), cap(s), s == nil)
	for i := 0; i < 20; i++ {
		s = append(s, i)
		println("len", len(s), "cap", cap(s))
	}
	// appending many at once
	t := append([]int(nil), 1, 2, 3, 4, 5)
	println(len(t), cap(t))
	t = append(t, t...)
	println(len(t), cap(t), t[9])
	bs := append([]byte("hello"), " world"...)
	println(string(bs), len(bs), cap(bs))
	big := make([]int, 0, 1)
	for i := 0; i < 2000; i++ {
		big = append(big, i)
	}
	println(len(big), cap(big), big[1999])
	strs := []string{}
	for i := 0; i < 5; i++ {
		strs = append(strs, "x")
	}
	println(len(strs), cap(strs))
	type rec struct{ a, b, c int64 }
	rs := []rec{}
	for i := 0; i < 6; i++ {
		rs = append(rs, rec{int64(i), 0, 0})
		print(cap(rs), " ")
	}
	println()
}
