package main

func sieve(n int) []int {
	composite := make([]bool, n+1)
	var primes []int
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		primes = append(primes, i)
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	return primes
}

func main() {
	p := sieve(100)
	for _, x := range p {
		print(x, " ")
	}
	println()
	big := sieve(200000)
	println("primes below 200000:", len(big), "largest:", big[len(big)-1])
	// twin primes
	twins := 0
	for i := 1; i < len(big); i++ {
		if big[i]-big[i-1] == 2 {
			twins++
		}
	}
	println("twin pairs:", twins)
}
