package main

// Newton's method, series and special values in float64.

func sqrt(x float64) float64 {
	z := x / 2
	for i := 0; i < 30; i++ {
		z -= (z*z - x) / (2 * z)
	}
	return z
}

func main() {
	for _, x := range []float64{2, 9, 10, 0.25, 1e10} {
		println("sqrt", x, sqrt(x))
	}
	// Leibniz series for pi
	pi := 0.0
	sign := 1.0
	for k := 0; k < 1000; k++ {
		pi += sign * 4 / float64(2*k+1)
		sign = -sign
	}
	println("pi ~", pi)
	var zero float64
	inf := 1 / zero
	println(inf, -inf, inf-inf == inf-inf, zero, -zero)
	nan := inf - inf
	println(nan == nan, nan != nan, nan < 1, nan > 1)
	big, tiny := 1e308, 5e-324
	p1, p2 := 0.1, 0.2
	println(0.1+0.2, p1+p2, p1+p2 == 0.3, big*10, tiny/2, -tiny/2)
	println(float64(7)/2, float64(-7)/2, 1e100, 123456789.0, 1.5e-7)
	x := 3.9
	y := -3.9
	println(int(x), int(y), int64(1e18), uint8(x))
	var h float64 = 0.5
	for i := 0; i < 5; i++ {
		h *= h
	}
	println(h)
}
