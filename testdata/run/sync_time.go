// env: GOMAXPROCS=1
// env: GOMAXPROCS=4
package main

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

type account struct {
	mu  sync.Mutex
	bal int
}

func main() {
	var wg sync.WaitGroup
	a := &account{}
	var hits int64
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				a.mu.Lock()
				a.bal += i
				a.mu.Unlock()
				atomic.AddInt64(&hits, 1)
				if j%10 == 0 {
					runtime.Gosched()
				}
			}
		}(i)
	}
	wg.Wait()
	println("balance", a.bal, atomic.LoadInt64(&hits))

	var once sync.Once
	n := 0
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { n++ })
		}()
	}
	wg.Wait()
	println("once", n)

	var rw sync.RWMutex
	m := map[int]int{}
	for i := 0; i < 20; i++ {
		wg.Add(2)
		go func(i int) {
			defer wg.Done()
			rw.Lock()
			m[i] = i * i
			rw.Unlock()
		}(i)
		go func(i int) {
			defer wg.Done()
			rw.RLock()
			_ = m[i]
			rw.RUnlock()
		}(i)
	}
	wg.Wait()
	println("rw", len(m))

	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := 0
	for i := 0; i < 5; i++ {
		go func() {
			mu.Lock()
			ready++
			cond.Broadcast()
			mu.Unlock()
		}()
	}
	mu.Lock()
	for ready < 5 {
		cond.Wait()
	}
	mu.Unlock()
	println("cond", ready)

	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	el := time.Since(start)
	println("slept", el >= 20*time.Millisecond, el < 2*time.Second)
	println(time.Duration(1500).String(), (90 * time.Second).String(), (1500 * time.Microsecond).String(), time.Duration(0).String(), (-3*time.Hour - 2*time.Millisecond).String())
	t := time.NewTimer(10 * time.Millisecond)
	<-t.C
	println("timer fired", t.Stop())
	select {
	case <-time.After(5 * time.Millisecond):
		println("after")
	}
	tk := time.Tick(2 * time.Millisecond)
	<-tk
	<-tk
	println("ticks")
	println(runtime.NumGoroutine() >= 1, runtime.GOMAXPROCS(0) >= 1)
	done := make(chan bool)
	go func() {
		defer func() { done <- true }()
		defer println("goexit runs defers")
		runtime.Goexit()
		println("not reached")
	}()
	<-done
}
