// env: GOMAXPROCS=1
// env: GOMAXPROCS=4

// 64 goroutines grow their stacks and recover nil-dereference faults at once, on several threads.
package main

import "sync"

type node struct {
	next *node
	s    string
}

func depth(n int) int {
	var pad [64]int
	pad[n%64] = n
	if n == 0 {
		return pad[0]
	}
	return depth(n-1) + 1 + pad[n%64] - n
}

func nilDeref(p *node) (r string) {
	defer func() {
		if e := recover(); e != nil {
			r = e.(error).Error()
		}
	}()
	return p.next.next.next.s
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	msgs := map[string]int{}
	for i := 0; i < 64; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			d := depth(2000 + i)
			m := nilDeref(nil)
			mu.Lock()
			total += d
			msgs[m]++
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	println(total)
	for k, v := range msgs {
		println(k, v)
	}
}
