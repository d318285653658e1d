package time

import "unsafe"

// Interface to timers implemented in the runtime (runtime/src/timer.rs), as gc's sleep.go.

// runtimeTimer is the runtime's timer record (struct Timer in runtime/src/timer.rs: keep the
// layouts in step). Once the timer is started, the runtime owns i and status, and reads when,
// period, f and arg under its lock.
type runtimeTimer struct {
	when   int64
	period int64
	f      uintptr // a runtime callback, run on the monitor thread: sendTime or goFunc
	arg    any     // its argument: the channel, or the func
	i      int
	status uint32
}

//gorc:extern gorc_starttimer
func startTimer(t *runtimeTimer)

//gorc:extern gorc_stoptimer
func stopTimer(t *runtimeTimer) bool

//gorc:extern gorc_resettimer
func resetTimer(t *runtimeTimer, when int64) bool

//gorc:extern gorc_modtimer
func modTimer(t *runtimeTimer, when int64, period int64) bool

//gorc:extern gorc_timer_sendtime
func sendTimeFunc() uintptr

//gorc:extern gorc_timer_gofunc
func goFuncFunc(creator uintptr) uintptr

// The runtime's callbacks: sendTime does `select { case c <- Now(): default: }` on the
// timer's channel; goFuncCB does `go f()`, and tracebacks say the goroutine was created by
// goFunc, as gc's do.
var (
	sendTime = sendTimeFunc()
	goFuncCB = goFuncFunc(funcEntry(goFunc) + 1)
)

// goFunc is gc's AfterFunc callback. gorc's runtime starts the goroutine itself, on the monitor
// thread, and never calls goFunc: it is only the creator tracebacks name.
func goFunc(arg any, seq uintptr) {
	go arg.(func())()
}

// funcEntry returns f's code address (a func value points to a closure whose first word is it).
func funcEntry(f func(any, uintptr)) uintptr {
	return **(**uintptr)(unsafe.Pointer(&f))
}

// when is a helper function for setting the 'when' field of a runtimeTimer. It returns what
// the time will be, in nanoseconds, Duration d in the future. If d is negative, it is
// ignored. If the returned value would be less than zero because of an overflow, MaxInt64 is
// returned.
func when(d Duration) int64 {
	if d <= 0 {
		return nanotime()
	}
	t := nanotime() + int64(d)
	if t < 0 {
		t = 1<<63 - 1 // math.MaxInt64
	}
	return t
}

// The Timer type represents a single event. When the Timer expires, the current time will be
// sent on C, unless the Timer was created by AfterFunc. A Timer must be created with NewTimer
// or AfterFunc.
type Timer struct {
	C <-chan Time
	r runtimeTimer
}

// Stop prevents the Timer from firing. It returns true if the call stops the timer, false if
// the timer has already expired or been stopped. Stop does not close the channel.
func (t *Timer) Stop() bool {
	if t.r.f == 0 {
		panic("time: Stop called on uninitialized Timer")
	}
	return stopTimer(&t.r)
}

// NewTimer creates a new Timer that will send the current time on its channel after at least
// duration d.
func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	t := &Timer{
		C: c,
		r: runtimeTimer{
			when: when(d),
			f:    sendTime,
			arg:  c,
		},
	}
	startTimer(&t.r)
	return t
}

// Reset changes the timer to expire after duration d. It returns true if the timer had been
// active, false if the timer had expired or been stopped.
func (t *Timer) Reset(d Duration) bool {
	if t.r.f == 0 {
		panic("time: Reset called on uninitialized Timer")
	}
	w := when(d)
	return resetTimer(&t.r, w)
}

// After waits for the duration to elapse and then sends the current time on the returned
// channel. It is equivalent to NewTimer(d).C.
func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

// AfterFunc waits for the duration to elapse and then calls f in its own goroutine. It
// returns a Timer that can be used to cancel the call using its Stop method.
func AfterFunc(d Duration, f func()) *Timer {
	t := &Timer{
		r: runtimeTimer{
			when: when(d),
			f:    goFuncCB,
			arg:  f,
		},
	}
	startTimer(&t.r)
	return t
}
