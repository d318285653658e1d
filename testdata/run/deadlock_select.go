// exitcode: 2
package main

func main() {
	c := make(chan int)
	go func() {
		for v := range c {
			println(v)
		}
	}()
	c <- 1
	select {}
}
