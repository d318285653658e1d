package main

func producer(n int, out chan<- int) {
	for i := 1; i <= n; i++ {
		out <- i
	}
	close(out)
}

func squarer(in <-chan int, out chan<- int) {
	for v := range in {
		out <- v * v
	}
	close(out)
}

func worker(id int, jobs <-chan int, results chan<- int, done chan<- bool) {
	for j := range jobs {
		results <- j * 10
	}
	done <- true
}

func main() {
	// pipeline
	a := make(chan int)
	b := make(chan int)
	go producer(10, a)
	go squarer(a, b)
	sum := 0
	for v := range b {
		sum += v
	}
	println("sum of squares", sum)
	// buffered channel
	c := make(chan string, 3)
	c <- "x"
	c <- "y"
	println(len(c), cap(c))
	println(<-c, <-c)
	// worker pool; results are summed since order varies
	jobs := make(chan int, 100)
	results := make(chan int, 100)
	done := make(chan bool)
	for w := 0; w < 4; w++ {
		go worker(w, jobs, results, done)
	}
	for i := 1; i <= 50; i++ {
		jobs <- i
	}
	close(jobs)
	for w := 0; w < 4; w++ {
		<-done
	}
	close(results)
	total := 0
	for r := range results {
		total += r
	}
	println("total", total)
	// select with default and closed channels
	empty := make(chan int)
	select {
	case v := <-empty:
		println("got", v)
	default:
		println("nothing ready")
	}
	closed := make(chan int)
	close(closed)
	v, ok := <-closed
	println(v, ok)
	// ping-pong
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	x := 0
	for i := 0; i < 1000; i++ {
		ping <- x
		x = <-pong
	}
	close(ping)
	_, more := <-pong
	println("ping-pong", x, more)
}
