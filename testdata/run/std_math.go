package main

import "math"

func bits(name string, x float64) {
	println(name, math.Float64bits(x))
}

func main() {
	println(math.Pi, math.E, math.Sqrt2, math.Ln2, math.Log10E, math.Phi)
	println(math.MaxInt64, math.MinInt64, math.MaxInt32, math.MaxUint32, uint64(math.MaxUint64), math.MaxInt8, math.MinInt16)
	println(math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32, math.SmallestNonzeroFloat32)
	println(math.Inf(1), math.Inf(-1), math.IsInf(math.Inf(1), 1), math.IsInf(math.Inf(-1), 1), math.IsInf(1, 0))
	nan := math.NaN()
	println(math.IsNaN(nan), math.IsNaN(1), nan == nan, math.Float64bits(nan) != 0)
	println(math.Float64bits(1.5), math.Float64frombits(0x4000000000000000), math.Float32bits(1.5), math.Float32frombits(0x40400000))
	println(math.Signbit(-0.0*-1), math.Signbit(math.Copysign(0, -1)), math.Copysign(3, -1), math.Abs(-2.5), math.Abs(math.Inf(-1)))

	// Exact functions: compare bits.
	vals := []float64{0, math.Copysign(0, -1), 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3.7, -3.7, 1e15 + 0.5, 4503599627370495.5, 1e300, -1e-300, 5e-324, math.Inf(1), math.Inf(-1), nan, 123.456, 0.49999999999999994}
	for _, v := range vals {
		bits("v", v)
		bits("Floor", math.Floor(v))
		bits("Ceil", math.Ceil(v))
		bits("Trunc", math.Trunc(v))
		bits("Round", math.Round(v))
		bits("RoundToEven", math.RoundToEven(v))
		bits("Sqrt", math.Sqrt(v))
		i, f := math.Modf(v)
		bits("Modf.i", i)
		bits("Modf.f", f)
		fr, e := math.Frexp(v)
		bits("Frexp", fr)
		println("Frexp.e", e)
		bits("Ldexp", math.Ldexp(v, 7))
		bits("Ldexp-", math.Ldexp(v, -1070))
		bits("Mod", math.Mod(v, 0.7))
		bits("Mod2", math.Mod(1e300, v))
	}
	for i := 1; i <= 20; i++ {
		x := float64(i*i) * 1.000001
		bits("Sqrt", math.Sqrt(x))
		bits("Sqrt2", math.Sqrt(float64(i)))
	}
	println(math.Max(1, 2), math.Max(math.Inf(1), nan), math.Max(nan, 1), math.Max(0, math.Copysign(0, -1)), math.Min(0, math.Copysign(0, -1)), math.Min(math.Inf(-1), nan), math.Min(-3, 2))

	// Integer powers are computed as gc computes them: compare bits.
	for n := -30; n <= 30; n += 3 {
		println(n, math.Float64bits(math.Pow(10, float64(n))), math.Float64bits(math.Pow(5, float64(n))), math.Float64bits(math.Pow(-1.1, float64(n))))
	}

	// Transcendental functions (println shows 7 significant digits).
	xs := []float64{0.5, 1, 2, 3, 10, 0.1, 1e-10, 100, -0.5, -2, 0.75, 7.25, 1e5, 31.4}
	for _, x := range xs {
		println(x, math.Exp(x), math.Exp2(x), math.Expm1(x), math.Log(math.Abs(x)), math.Log2(math.Abs(x)), math.Log10(math.Abs(x)), math.Log1p(math.Abs(x)))
		println(math.Sin(x), math.Cos(x), math.Tan(x), math.Atan(x), math.Sinh(x), math.Cosh(x), math.Tanh(x), math.Cbrt(x))
		if x >= -1 && x <= 1 {
			println(math.Asin(x), math.Acos(x))
		}
		println(math.Pow(math.Abs(x), 1.5), math.Pow(x, 3), math.Pow(2, x), math.Atan2(x, 2), math.Atan2(-2, x), math.Hypot(x, 3))
	}
	// Special cases.
	inf := math.Inf(1)
	println(math.Exp(inf), math.Exp(-inf), math.Exp(nan), math.Exp(1000), math.Exp(-1000))
	println(math.Log(0), math.Log(-1), math.Log(inf), math.Log(1), math.Log2(8), math.Log2(0.25), math.Log10(100), math.Log10(0.001))
	println(math.Log1p(-1), math.Log1p(-2), math.Expm1(-inf), math.Expm1(inf))
	println(math.Sin(inf), math.Cos(nan), math.Tan(0), math.Sin(math.Copysign(0, -1)))
	println(math.Asin(2), math.Acos(-2), math.Asin(1), math.Acos(1), math.Acos(-1), math.Atan(inf), math.Atan(-inf))
	println(math.Atan2(0, 1), math.Atan2(0, -1), math.Atan2(math.Copysign(0, -1), -1), math.Atan2(1, 0), math.Atan2(-1, 0), math.Atan2(inf, inf), math.Atan2(-inf, -inf), math.Atan2(1, -inf), math.Atan2(-inf, 5))
	println(math.Sinh(inf), math.Cosh(-inf), math.Tanh(inf), math.Tanh(-inf), math.Cbrt(-27), math.Cbrt(inf), math.Cbrt(8))
	println(math.Hypot(inf, nan), math.Hypot(nan, 1), math.Hypot(3, 4), math.Hypot(1e300, 1e300), math.Hypot(1e-300, 1e-300))
	println(math.Pow(0, -1), math.Pow(math.Copysign(0, -1), -1), math.Pow(0, -2), math.Pow(0, 3), math.Pow(math.Copysign(0, -1), 3), math.Pow(0, 0.5))
	println(math.Pow(-1, inf), math.Pow(2, inf), math.Pow(2, -inf), math.Pow(0.5, inf), math.Pow(0.5, -inf), math.Pow(inf, 2), math.Pow(inf, -2), math.Pow(-inf, 3), math.Pow(-inf, -3))
	println(math.Pow(-2, 0.5), math.Pow(-2, 3), math.Pow(-2, 4), math.Pow(nan, 0), math.Pow(1, nan), math.Pow(2, 10), math.Pow(10, -3), math.Pow(4, 0.5))
	println(math.Mod(7, 0), math.Mod(inf, 1), math.Mod(7, inf), math.Mod(-7, 3), math.Mod(7, -3), math.Mod(5.5, 1.25))
	println(math.Float64bits(math.Pow10(23)), math.Float64bits(math.Pow10(-5)), math.Pow10(400), math.Pow10(-400), math.Float64bits(math.Remainder(7, 2)), math.Float64bits(math.Remainder(-7.5, 2)), math.Float64bits(math.Remainder(5, 2)))
	println(math.Asinh(1), math.Acosh(2), math.Atanh(0.5), math.Atanh(1), math.Acosh(0.5), math.Logb(8), math.Ilogb(0.1), math.Nextafter32(1, 2))
	println(math.Nextafter(1, 2), math.Nextafter(1, 0), math.Nextafter(0, 1), math.Dim(5, 3), math.Dim(3, 5))
}
