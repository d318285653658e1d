// env: GOMAXPROCS=1
// env: GOMAXPROCS=2
// env: GOMAXPROCS=4
package main

// Thousands of goroutines pass values through unbuffered and buffered channels and
// select; the totals must come out exact.

func stage(in <-chan int, out chan<- int) {
	for v := range in {
		out <- v + 1
	}
	close(out)
}

func main() {
	// A chain of 2000 goroutines: every value passes through all of them.
	const n = 2000
	first := make(chan int)
	var in chan int = first
	for i := 0; i < n; i++ {
		out := make(chan int)
		go stage(in, out)
		in = out
	}
	go func() {
		for i := 0; i < 100; i++ {
			first <- i
		}
		close(first)
	}()
	total := 0
	for v := range in {
		total += v
	}
	println("chain", total, total == 100*n+4950)

	// 5000 producers, 8 consumers through one buffered channel.
	work := make(chan int, 64)
	done := make(chan bool)
	results := make(chan int)
	for p := 0; p < 5000; p++ {
		go func(p int) {
			work <- p
			done <- true
		}(p)
	}
	for c := 0; c < 8; c++ {
		go func() {
			s := 0
			for v := range work {
				s += v
			}
			results <- s
		}()
	}
	for p := 0; p < 5000; p++ {
		<-done
	}
	close(work)
	sum := 0
	for c := 0; c < 8; c++ {
		sum += <-results
	}
	println("pool", sum, sum == 4999*5000/2)

	// Fan-in through select from two channels with 1000 senders each.
	a := make(chan int)
	b := make(chan int, 10)
	for i := 0; i < 1000; i++ {
		go func(i int) { a <- i }(i)
		go func(i int) { b <- 2 * i }(i)
	}
	na, nb, sa, sb := 0, 0, 0, 0
	for na+nb < 2000 {
		select {
		case v := <-a:
			na++
			sa += v
		case v := <-b:
			nb++
			sb += v
		}
	}
	println("select", na, nb, sa, sb)
}
