package main

func fill(s []int, v int) {
	for i := range s {
		s[i] = v
	}
}

func main() {
	base := make([]int, 5, 10)
	for i := range base {
		base[i] = i
	}
	a := base[1:3]
	println(len(a), cap(a))
	a[0] = 100 // shares storage with base
	println(base[1])
	a = append(a, 200) // fits in capacity: overwrites base[3]
	println(base[3], len(base))
	full := base[1:3:3] // 3-index slice caps capacity
	println(len(full), cap(full))
	full = append(full, 300) // must reallocate
	full[0] = -1
	println(base[1], base[3], full[0], full[2])
	fill(base[2:4], 7)
	println(base[0], base[1], base[2], base[3], base[4])
	// copy
	dst := make([]int, 3)
	n := copy(dst, base)
	println(n, dst[0], dst[1], dst[2])
	n = copy(base[1:], base) // overlapping copy behaves like memmove
	println(n, base[0], base[1], base[2], base[3], base[4])
	bs := make([]byte, 4)
	n = copy(bs, "golang")
	println(n, string(bs))
	// slicing beyond len up to cap
	ext := base[:0]
	println(len(ext), cap(ext), len(ext[:cap(ext)]))
	// a slice of a slice keeps the underlying array alive
	tail := base[4:]
	base = nil
	println(tail[0], len(tail), cap(tail))
	m := make([][]int, 3)
	for i := range m {
		m[i] = make([]int, i+1)
		m[i][i] = i
	}
	println(len(m[2]), m[2][2], m[0][0])
	s3 := base[0:0:0]
	println(s3 == nil, len(s3))
	arr := [6]int{0, 1, 2, 3, 4, 5}
	sa := arr[2:4:5]
	println(len(sa), cap(sa), sa[1])
	sa = append(sa, 40)
	println(arr[4])
	sa = append(sa, 50)
	sa[0] = 99
	println(arr[2], arr[5])
}
