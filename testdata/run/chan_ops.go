// env: GOMAXPROCS=1
// env: GOMAXPROCS=4
package main

type pair struct {
	a int
	b string
}

type big struct {
	x [10]int
	s string
}

func sum(c <-chan int) (s int) {
	for v := range c {
		s += v
	}
	return
}

type counter struct{ n int }

func (c *counter) run(in <-chan int, done chan<- int) {
	for v := range in {
		c.n += v
	}
	done <- c.n
}

func main() {
	// len and cap, nil channels
	var nilc chan int
	println(len(nilc), cap(nilc))
	c := make(chan int, 5)
	c <- 1
	c <- 2
	println(len(c), cap(c))
	close(c)
	println(sum(c), len(c))

	// struct and memory-class elements
	pc := make(chan pair, 1)
	pc <- pair{7, "seven"}
	p := <-pc
	println(p.a, p.b)
	bc := make(chan big)
	go func() {
		var b big
		for i := range b.x {
			b.x[i] = i * i
		}
		b.s = "big"
		bc <- b
	}()
	b := <-bc
	println(b.x[9], b.s)

	// zero-size elements
	zc := make(chan struct{}, 2)
	zc <- struct{}{}
	<-zc
	sig := make(chan struct{})
	go func() { close(sig) }()
	_, ok := <-sig
	println("closed signal", ok)

	// a method value and a function with arguments as goroutines
	in := make(chan int)
	done := make(chan int)
	ctr := &counter{}
	go ctr.run(in, done)
	for i := 1; i <= 10; i++ {
		in <- i
	}
	close(in)
	println("counter", <-done)

	out := make(chan int, 3)
	f := func(a, b int, s string) { out <- a*b + len(s) }
	go f(3, 4, "xy")
	println("closure", <-out)

	// go with a deferred-style builtin
	cc := make(chan int)
	go close(cc)
	_, ok = <-cc
	println("go close", ok)

	// direct handoff with many senders on one unbuffered channel
	uc := make(chan int)
	for i := 0; i < 10; i++ {
		go func(i int) { uc <- i }(i)
	}
	t := 0
	for i := 0; i < 10; i++ {
		t += <-uc
	}
	println("senders", t)

	// chan of chan
	cq := make(chan chan int, 1)
	reply := make(chan int, 1)
	cq <- reply
	(<-cq) <- 99
	println(<-reply)

	// receive from a nil channel in a non-blocking select, directional conversions
	var ro <-chan int = reply
	select {
	case v := <-ro:
		println("unexpected", v)
	case <-nilc:
		println("unexpected nil")
	default:
		println("nothing")
	}
}
