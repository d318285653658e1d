package main

func search(a []int, x int) (int, bool) {
	lo, hi := 0, len(a)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if a[mid] < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, lo < len(a) && a[lo] == x
}

func isqrt(n uint64) uint64 {
	lo, hi := uint64(0), uint64(1)<<32
	for lo < hi {
		mid := lo + (hi-lo+1)/2
		if mid*mid <= n && mid <= 0xffffffff {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

func main() {
	a := make([]int, 0, 100)
	for i := 0; i < 100; i++ {
		a = append(a, i*3)
	}
	for _, x := range []int{0, 3, 4, 150, 297, 298, -5} {
		i, ok := search(a, x)
		println(x, i, ok)
	}
	for _, n := range []uint64{0, 1, 15, 16, 17, 1000000, 1<<62 + 12345, 18446744073709551615} {
		println(n, isqrt(n))
	}
}
