package sync

import "sync/atomic"

// Cond is a condition variable: a rendezvous point for goroutines waiting for an event.
//
// Waiters take a ticket and sleep on the semaphore; Signal releases one sleeper, Broadcast
// all that have taken a ticket so far.
type Cond struct {
	L       Locker
	waiters int32
	sema    uint32
}

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

// Wait unlocks c.L, suspends the goroutine until Signal or Broadcast, and locks c.L again.
func (c *Cond) Wait() {
	atomic.AddInt32(&c.waiters, 1)
	c.L.Unlock()
	runtime_SemacquireCond(&c.sema)
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c, if there is any.
func (c *Cond) Signal() {
	for {
		w := atomic.LoadInt32(&c.waiters)
		if w == 0 {
			return
		}
		if atomic.CompareAndSwapInt32(&c.waiters, w, w-1) {
			runtime_Semrelease(&c.sema)
			return
		}
	}
}

// Broadcast wakes all goroutines waiting on c.
func (c *Cond) Broadcast() {
	w := atomic.SwapInt32(&c.waiters, 0)
	for ; w > 0; w-- {
		runtime_Semrelease(&c.sema)
	}
}
