// exitcode: 2
package main

func main() {
	var c chan int
	select {
	case <-c:
	case c <- 1:
	}
}
