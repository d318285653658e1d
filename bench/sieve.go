package main

// Sieve of Eratosthenes over a 2·10^7-element slice: stresses loops, bounds checks and memory.
func main() {
	const n = 20000000
	composite := make([]bool, n)
	count := 0
	for i := 2; i < n; i++ {
		if !composite[i] {
			count++
			for j := i * 2; j < n; j += i {
				composite[j] = true
			}
		}
	}
	println(count)
}
