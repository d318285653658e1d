package main

// Map keys of every comparable kind: integers of each size, floats (NaN and ±0), complex,
// bools, strings, pointers, channels-free structs and arrays, and interfaces; values of
// several shapes; zero values for missing keys; comma-ok.

type Point struct {
	X, Y int16
	Tag  string
}

type Big struct {
	a [4]int
	s string
}

func main() {
	m8 := map[int8]string{-1: "minus", 127: "max"}
	m16 := map[uint16]int{65535: 1}
	m32 := map[int32]bool{1 << 30: true}
	m64 := map[uint64]float64{1 << 63: 0.5}
	println(m8[-1], m8[127], m8[0] == "", m16[65535], m32[1<<30], m32[0], m64[1<<63])

	fm := map[float64]int{}
	nan := 0.0
	nan /= nan
	fm[nan] = 1
	fm[nan] = 2
	fm[nan]++
	println(len(fm), fm[nan])
	fm[0.0] = 10
	negzero := 0.0
	negzero = -negzero
	fm[negzero] += 5
	println(len(fm), fm[0])
	nans := 0
	for k, v := range fm {
		if k != k {
			nans += v
		}
	}
	println("nan values:", nans)

	cm := map[complex128]int{1 + 2i: 3}
	cm[complex(1, 2)]++
	println(cm[1+2i])

	bm := map[bool]int{}
	bm[true]++
	bm[true]++
	bm[false]--
	println(bm[true], bm[false], len(bm))

	x, y := 1, 2
	pm := map[*int]string{&x: "x", &y: "y"}
	println(pm[&x], pm[&y], len(pm))

	sm := map[Point]int{}
	sm[Point{1, 2, "a"}] = 1
	sm[Point{1, 2, "b"}] = 2
	sm[Point{1, 2, "a"}] += 10
	println(len(sm), sm[Point{1, 2, "a"}], sm[Point{1, 2, "b"}], sm[Point{2, 1, "a"}])

	am := map[[3]string]int{{"a", "b", "c"}: 1}
	am[[3]string{"a", "b", "c"}]++
	_, ok := am[[3]string{"a", "b", "d"}]
	println(am[[3]string{"a", "b", "c"}], ok)

	big := map[Big]Big{}
	k := Big{[4]int{1, 2, 3, 4}, "k"}
	big[k] = Big{[4]int{5, 6, 7, 8}, "v"}
	v := big[k]
	println(v.a[3], v.s, len(big))
	v2, ok2 := big[Big{}]
	println(v2.s == "", v2.a[0], ok2)

	im := map[interface{}]string{}
	im[1] = "int"
	im[int64(1)] = "int64"
	im["1"] = "string"
	im[Point{1, 1, ""}] = "point"
	im[nil] = "nil"
	im[1.5] = "float"
	println(len(im), im[1], im[int64(1)], im["1"], im[Point{1, 1, ""}], im[nil], im[1.5], im[2] == "")

	type E interface{}
	em := map[E]int{}
	em[[2]int{1, 2}] = 7
	println(em[[2]int{1, 2}])

	// Slices of maps and maps of slices.
	ms := map[string][]int{}
	ms["a"] = append(ms["a"], 1)
	ms["a"] = append(ms["a"], 2)
	println(len(ms["a"]), ms["a"][1], len(ms["b"]))
	mm := map[int]map[int]int{}
	for i := 0; i < 3; i++ {
		mm[i] = map[int]int{i: i * i}
	}
	println(mm[2][2], len(mm[1]), mm[5][5])

	// Strings with equal contents but different storage.
	b := []byte("hello")
	strm := map[string]int{"hello": 1}
	println(strm[string(b)], strm["hel"+"lo"])
}
