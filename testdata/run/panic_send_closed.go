// exitcode: 2
package main

func main() {
	c := make(chan int, 1)
	close(c)
	defer func() {
		r := recover()
		println("recovered:", r.(error).Error())
		var n chan bool
		close(n)
	}()
	c <- 1
}
