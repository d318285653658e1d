package main

func main() {
	f := 1.5
	_ = *f
	_ = &1
	var ch chan<- int
	<-ch
	var r <-chan int
	r <- 1
	_ = len(1)
	var i interface{ M() }
	_ = i.(int)
	_ = f.(int)
}
