// env: GOMAXPROCS=1
// env: GOMAXPROCS=2
package main

import (
	"sync"
	"syscall"
	"time"
)

// Goroutines blocked in system calls do not stop the others: their P is handed to another
// thread. Two goroutines each sleep 400 ms in the kernel (nanosleep, not time.Sleep) while a
// third keeps counting; with one P everything still finishes in about 400 ms, not 800.
// Then a reader blocked on a pipe is woken by a writer goroutine.

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ts := syscall.NsecToTimespec(int64(400 * time.Millisecond))
			if err := syscall.Nanosleep(&ts, nil); err != nil {
				println("nanosleep:", err.Error())
			}
		}()
	}
	ticks := 0
	done := make(chan bool)
	go func() {
		for i := 0; i < 20; i++ {
			time.Sleep(5 * time.Millisecond)
			ticks++
		}
		done <- true
	}()
	wg.Wait()
	<-done
	el := time.Since(start)
	println("ticks", ticks, "parallel", el < 750*time.Millisecond)

	p := make([]int, 2)
	if err := syscall.Pipe(p); err != nil {
		println("pipe:", err.Error())
		return
	}
	got := make(chan string)
	go func() {
		buf := make([]byte, 16)
		n, err := syscall.Read(p[0], buf)
		if err != nil {
			println("read:", err.Error())
		}
		got <- string(buf[:n])
	}()
	time.Sleep(20 * time.Millisecond)
	syscall.Write(p[1], []byte("hello pipe"))
	println(<-got)
	syscall.Close(p[0])
	syscall.Close(p[1])
	_, err := syscall.Read(p[0], make([]byte, 1))
	println("closed:", err.Error())
}
