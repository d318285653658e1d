// env: GOMAXPROCS=1
// env: GOMAXPROCS=4
package main

import (
	"sync"
	"sync/atomic"
)

type cfg struct {
	name string
	n    int
}

func main() {
	var v atomic.Value
	println(v.Load() == nil)
	v.Store(cfg{"a", 1})
	c := v.Load().(cfg)
	println(c.name, c.n)
	old := v.Swap(cfg{"b", 2})
	println(old.(cfg).name, v.Load().(cfg).name)
	println(v.CompareAndSwap(cfg{"b", 2}, cfg{"c", 3}), v.CompareAndSwap(cfg{"x", 0}, cfg{"d", 4}), v.Load().(cfg).name)
	var n atomic.Int64
	var u atomic.Uint32
	var b atomic.Bool
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			n.Add(int64(i))
			u.Add(1)
			b.Store(true)
			v.Store(cfg{"g", i})
		}(i)
	}
	wg.Wait()
	println(n.Load(), u.Load(), b.Load(), v.Load().(cfg).name)
	defer func() { println("recovered:", recover().(string)) }()
	v.Store(42)
}
