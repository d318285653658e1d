// exitcode: 2
// env: GOMAXPROCS=1
package main

// An unrecovered panic in a goroutine other than main ends the program with that goroutine's
// header and traceback. (gc's goroutine ids are reproducible only with GOMAXPROCS=1.)

func boom(n int) {
	if n == 0 {
		panic("boom in goroutine")
	}
	boom(n - 1)
}

func main() {
	done := make(chan bool)
	for i := 0; i < 3; i++ {
		go func() { done <- true }()
		<-done
	}
	go func() {
		defer println("deferred call runs")
		boom(3)
		done <- true
	}()
	<-done
}
