package main

func factorize(n int) []int {
	var fs []int
	for p := 2; p*p <= n; p++ {
		for n%p == 0 {
			fs = append(fs, p)
			n /= p
		}
	}
	if n > 1 {
		fs = append(fs, n)
	}
	return fs
}

func powmod(b, e, m uint64) uint64 {
	r := uint64(1)
	b %= m
	for e > 0 {
		if e&1 == 1 {
			r = r * b % m
		}
		b = b * b % m
		e >>= 1
	}
	return r
}

func divisorSum(n int) int {
	s := 1
	for d := 2; d*d <= n; d++ {
		if n%d == 0 {
			s += d
			if d*d != n {
				s += n / d
			}
		}
	}
	return s
}

func collatzLen(n uint64) int {
	l := 1
	for n != 1 {
		if n&1 == 0 {
			n >>= 1
		} else {
			n = 3*n + 1
		}
		l++
	}
	return l
}

func main() {
	for _, n := range []int{2, 12, 97, 360, 1001, 65536, 999999} {
		print(n, ":")
		for _, f := range factorize(n) {
			print(" ", f)
		}
		println()
	}
	println(powmod(2, 10, 1000), powmod(3, 200, 1000000007), powmod(7, 0, 13))
	print("perfect:")
	for n := 2; n < 10000; n++ {
		if divisorSum(n) == n {
			print(" ", n)
		}
	}
	println()
	best, bestN := 0, uint64(0)
	for n := uint64(1); n < 30000; n++ {
		if l := collatzLen(n); l > best {
			best, bestN = l, n
		}
	}
	println("longest collatz below 30000:", bestN, best)
	// Pascal's triangle
	row := []int{1}
	for i := 0; i < 10; i++ {
		for _, v := range row {
			print(v, " ")
		}
		println()
		next := make([]int, len(row)+1)
		next[0], next[len(row)] = 1, 1
		for j := 1; j < len(row); j++ {
			next[j] = row[j-1] + row[j]
		}
		row = next
	}
}
