package sync

import "sync/atomic"

// A WaitGroup waits for a collection of goroutines to finish.
//
// state holds the counter in its high 32 bits and the number of waiters in the low 32, so
// that Add can tell atomically that the counter reached zero with waiters to wake.
type WaitGroup struct {
	state uint64
	sema  uint32
}

// Add adds delta, which may be negative, to the counter. If the counter becomes zero, all
// goroutines blocked on Wait are released; if it goes negative, Add panics.
func (wg *WaitGroup) Add(delta int) {
	state := atomic.AddUint64(&wg.state, uint64(delta)<<32)
	v := int32(state >> 32)
	w := uint32(state)
	if v < 0 {
		panic("sync: negative WaitGroup counter")
	}
	if v > 0 || w == 0 {
		return
	}
	// The counter is zero and there are waiters: reset and wake them all.
	atomic.StoreUint64(&wg.state, 0)
	for ; w != 0; w-- {
		runtime_Semrelease(&wg.sema)
	}
}

// Done decrements the counter by one.
func (wg *WaitGroup) Done() {
	wg.Add(-1)
}

// Wait blocks until the counter is zero.
func (wg *WaitGroup) Wait() {
	for {
		state := atomic.LoadUint64(&wg.state)
		if int32(state>>32) == 0 {
			return
		}
		if atomic.CompareAndSwapUint64(&wg.state, state, state+1) {
			runtime_Semacquire(&wg.sema)
			return
		}
	}
}
