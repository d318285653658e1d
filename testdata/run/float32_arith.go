package main

// float32 rounding differs from float64; conversions between them round.

func main() {
	var a float32 = 0.1
	var b float32 = 0.2
	println(a+b, float64(a)+float64(b), float64(a+b))
	var s float32
	for i := 0; i < 1000; i++ {
		s += 0.001
	}
	println("sum of 1000 * 0.001 in float32:", s)
	var big float32 = 16777216
	println(big+1, big+2, big*big)
	var third float32 = 1.0 / 3
	println(third, float64(third), third*3)
	var f64 float64 = 1.0000001
	println(float32(f64), float32(1e40/1e10))
	var z float32
	println(1/z, -1/z, z/z == z/z)
	c := float32(2.5)
	println(int32(c), int(-c), uint(c*4))
	arr := [4]float32{1.5, -2.25, 3.125, 1e-3}
	var prod float32 = 1
	for _, v := range arr {
		prod *= v
	}
	println(prod)
	println(float32(1)/3 == float32(1.0/3.0))
}
