package main

type Matrix [][]float64

func newMatrix(r, c int) Matrix {
	m := make(Matrix, r)
	for i := range m {
		m[i] = make([]float64, c)
	}
	return m
}

func (a Matrix) Mul(b Matrix) Matrix {
	out := newMatrix(len(a), len(b[0]))
	for i := range a {
		for j := range b[0] {
			var s float64
			for k := range b {
				s += a[i][k] * b[k][j]
			}
			out[i][j] = s
		}
	}
	return out
}

func identity(n int) Matrix {
	m := newMatrix(n, n)
	for i := 0; i < n; i++ {
		m[i][i] = 1
	}
	return m
}

func (a Matrix) Print() {
	for _, row := range a {
		for _, v := range row {
			print(v, " ")
		}
		println()
	}
}

// integer matrix power for Fibonacci numbers
type M2 [2][2]int64

func mul2(a, b M2) M2 {
	var c M2
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			for k := 0; k < 2; k++ {
				c[i][j] += a[i][k] * b[k][j]
			}
		}
	}
	return c
}

func fibMat(n int) int64 {
	result := M2{{1, 0}, {0, 1}}
	base := M2{{1, 1}, {1, 0}}
	for n > 0 {
		if n&1 == 1 {
			result = mul2(result, base)
		}
		base = mul2(base, base)
		n >>= 1
	}
	return result[0][1]
}

func main() {
	a := Matrix{{1, 2, 3}, {4, 5, 6}}
	b := Matrix{{7, 8}, {9, 10}, {11, 12}}
	a.Mul(b).Print()
	b.Mul(a).Print()
	a.Mul(identity(3)).Print()
	n := 60
	x := newMatrix(n, n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			x[i][j] = float64((i*j)%7) - 3
		}
	}
	y := x.Mul(x).Mul(x)
	tr := 0.0
	for i := 0; i < n; i++ {
		tr += y[i][i]
	}
	println("trace", tr)
	for _, k := range []int{1, 2, 10, 50, 90} {
		println("fib", k, fibMat(k))
	}
}
