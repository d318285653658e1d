// env: GOMAXPROCS=1
// env: GOMAXPROCS=4
package main

import (
	"runtime"
	"syscall"
)

func gettid() int {
	r, _, _ := syscall.RawSyscall(186, 0, 0, 0)
	return int(r)
}

func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	done := make(chan bool)
	go func() {
		runtime.LockOSThread()
		tid := gettid()
		same := true
		x := 0
		for i := 0; i < 1000; i++ {
			ping <- x
			x = <-pong
			if i%100 == 0 {
				runtime.Gosched()
			}
			if gettid() != tid {
				same = false
			}
		}
		runtime.UnlockOSThread()
		println("locked goroutine stayed on its thread:", same, x)
		done <- true
	}()
	<-done
	close(ping)
	<-pong
}
