// env: GOMAXPROCS=1
// env: GOMAXPROCS=2
// env: GOMAXPROCS=4
package main

import (
	"sync"
	"sync/atomic"
)

// Thousands of goroutines contend on mutexes and atomics and hand values through channels;
// every total must be exact.

type shard struct {
	mu  sync.Mutex
	sum int64
	n   int
}

func main() {
	const workers = 3000
	var shards [8]shard
	var wg sync.WaitGroup
	var ops int64
	results := make(chan int64, 100)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			local := int64(0)
			for i := 0; i < 20; i++ {
				s := &shards[(w+i)%len(shards)]
				s.mu.Lock()
				s.sum += int64(w)
				s.n++
				s.mu.Unlock()
				atomic.AddInt64(&ops, 1)
				local += int64(i)
			}
			results <- local
		}(w)
	}
	var fromChan int64
	collected := make(chan bool)
	go func() {
		for i := 0; i < workers; i++ {
			fromChan += <-results
		}
		collected <- true
	}()
	wg.Wait()
	<-collected
	total, n := int64(0), 0
	for i := range shards {
		total += shards[i].sum
		n += shards[i].n
	}
	println(total, n, atomic.LoadInt64(&ops), fromChan)
	println(total == 20*int64(workers)*(workers-1)/2, fromChan == int64(workers)*190)
}
