// exitcode: 2
package main

func main() {
	ch := make(chan int, 1)
	ch <- 5
	close(ch)
	v, ok := <-ch
	println(v, ok)
	v, ok = <-ch
	println(v, ok)
	close(ch)
}
