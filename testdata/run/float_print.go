package main

// println formats floats as %e with 7 significant digits (gc's runtime format).

func main() {
	vals := []float64{0, 1, -1, 10, 100, 0.5, 0.001, 123.456, -98765.4321, 1e20, 1e-20,
		6.02214076e23, 1.7976931348623157e308, 2.2250738585072014e-308, 9.9999999, 0.99999995}
	for _, v := range vals {
		println(v)
	}
	var f32 = []float32{0, 1.5, -0.1, 3.4028235e38, 1e-45}
	for _, v := range f32 {
		println(v)
	}
	print(1.0, 2.5, "\n")
	print("x=", 0.25, " y=", -4.0, "\n")
}
