// env: GOMAXPROCS=1
// env: GOMAXPROCS=4
package main

type T struct {
	a, b int
	s    string
}

func main() {
	// select over several ready channels: every case gets chosen eventually
	a := make(chan int, 100)
	b := make(chan int, 100)
	for i := 0; i < 100; i++ {
		a <- i
		b <- i
	}
	na, nb := 0, 0
	for i := 0; i < 100; i++ {
		select {
		case <-a:
			na++
		case <-b:
			nb++
		}
	}
	println("fair:", na > 10, nb > 10, na+nb)

	// send cases and receive cases mixed, with a goroutine on the other side
	in := make(chan T)
	out := make(chan string)
	quit := make(chan struct{})
	go func() {
		for i := 0; i < 3; i++ {
			in <- T{i, i * i, "v"}
		}
		for i := 0; i < 3; i++ {
			println("echo", <-out)
		}
		close(quit)
	}()
	got := 0
	sent := 0
	msgs := []string{"x", "y", "z"}
loop:
	for {
		var sendc chan string
		if got == 3 && sent < 3 {
			sendc = out
		}
		select {
		case v, ok := <-in:
			println("recv", v.a, v.b, v.s, ok)
			got++
		case sendc <- msgs[sent%3]:
			sent++
		case <-quit:
			break loop
		}
	}
	println("got", got, "sent", sent)

	// default with a nil channel; closed channel in select
	var nilc chan int
	select {
	case nilc <- 1:
		println("impossible")
	case v := <-nilc:
		println("impossible", v)
	default:
		println("default")
	}
	c := make(chan int)
	close(c)
	select {
	case v, ok := <-c:
		println("closed", v, ok)
	}
	// assignment form, break inside select
	var x int
	var ok bool
	d := make(chan int, 1)
	d <- 42
	for {
		select {
		case x, ok = <-d:
			println("assigned", x, ok)
			break
		}
		break
	}
	// select in a loop with a timeout-like done channel
	done := make(chan bool)
	res := make(chan int)
	go func() {
		s := 0
		for {
			select {
			case v := <-res:
				s += v
			case <-done:
				println("sum", s)
				done <- true
				return
			}
		}
	}()
	for i := 1; i <= 100; i++ {
		res <- i
	}
	done <- true
	<-done
	// many cases
	cs := make([]chan int, 20)
	for i := range cs {
		cs[i] = make(chan int, 1)
	}
	cs[17] <- 17
	select {
	case v := <-cs[0]:
		println(v)
	case v := <-cs[1]:
		println(v)
	case v := <-cs[2]:
		println(v)
	case v := <-cs[3]:
		println(v)
	case v := <-cs[4]:
		println(v)
	case v := <-cs[5]:
		println(v)
	case v := <-cs[6]:
		println(v)
	case v := <-cs[7]:
		println(v)
	case v := <-cs[8]:
		println(v)
	case v := <-cs[9]:
		println(v)
	case v := <-cs[10]:
		println(v)
	case v := <-cs[11]:
		println(v)
	case v := <-cs[12]:
		println(v)
	case v := <-cs[13]:
		println(v)
	case v := <-cs[14]:
		println(v)
	case v := <-cs[15]:
		println(v)
	case v := <-cs[16]:
		println(v)
	case v := <-cs[17]:
		println("many", v)
	case v := <-cs[18]:
		println(v)
	case v := <-cs[19]:
		println(v)
	}
}
