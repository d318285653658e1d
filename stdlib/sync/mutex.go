// Package sync provides basic synchronization primitives. Blocking parks the goroutine on a
// runtime semaphore; nothing spins in Go code.
package sync

import "sync/atomic"

// A Locker represents an object that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// A Mutex is a mutual exclusion lock. The zero value is unlocked.
//
// state counts the holder and the waiters; a waiter sleeps on sema and Unlock hands the lock
// to the longest waiter (FIFO, so no goroutine starves).
type Mutex struct {
	state int32
	sema  uint32
}

// Lock locks m, waiting until it is available.
func (m *Mutex) Lock() {
	if atomic.AddInt32(&m.state, 1) == 1 {
		return
	}
	runtime_SemacquireMutex(&m.sema)
}

// TryLock tries to lock m and reports whether it succeeded.
func (m *Mutex) TryLock() bool {
	return atomic.CompareAndSwapInt32(&m.state, 0, 1)
}

// Unlock unlocks m; it is a fatal error if m is not locked.
func (m *Mutex) Unlock() {
	n := atomic.AddInt32(&m.state, -1)
	if n == 0 {
		return
	}
	if n < 0 {
		fatal(0)
	}
	runtime_Semrelease(&m.sema)
}

// An RWMutex is a reader/writer mutual exclusion lock: any number of readers or one writer.
// A waiting writer keeps new readers out (writer preference, as gc's).
type RWMutex struct {
	w           Mutex  // held by writers
	writerSem   uint32 // the writer waits here for departing readers
	readerSem   uint32 // readers wait here for the writer
	readerCount int32  // readers in or waiting; minus rwmutexMaxReaders while a writer is pending
	readerWait  int32  // departing readers the writer still waits for
}

const rwmutexMaxReaders = 1 << 30

// RLock locks rw for reading.
func (rw *RWMutex) RLock() {
	if atomic.AddInt32(&rw.readerCount, 1) < 0 {
		// A writer is pending: wait for it.
		runtime_SemacquireMutex(&rw.readerSem)
	}
}

// RUnlock undoes a single RLock call.
func (rw *RWMutex) RUnlock() {
	if r := atomic.AddInt32(&rw.readerCount, -1); r < 0 {
		if r+1 == 0 || r+1 == -rwmutexMaxReaders {
			fatal(1)
		}
		// A writer is pending: the last departing reader wakes it.
		if atomic.AddInt32(&rw.readerWait, -1) == 0 {
			runtime_Semrelease(&rw.writerSem)
		}
	}
}

// Lock locks rw for writing.
func (rw *RWMutex) Lock() {
	rw.w.Lock()
	// Announce the writer, then wait for the active readers.
	r := atomic.AddInt32(&rw.readerCount, -rwmutexMaxReaders) + rwmutexMaxReaders
	if r != 0 && atomic.AddInt32(&rw.readerWait, r) != 0 {
		runtime_SemacquireMutex(&rw.writerSem)
	}
}

// Unlock unlocks rw for writing.
func (rw *RWMutex) Unlock() {
	r := atomic.AddInt32(&rw.readerCount, rwmutexMaxReaders)
	if r >= rwmutexMaxReaders {
		fatal(2)
	}
	// Let in the readers that queued up behind the writer.
	for i := 0; i < int(r); i++ {
		runtime_Semrelease(&rw.readerSem)
	}
	rw.w.Unlock()
}

// RLocker returns a Locker that calls RLock and RUnlock.
func (rw *RWMutex) RLocker() Locker {
	return (*rlocker)(rw)
}

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }
