// Package runtime: the scheduler's controls and the runtime error interface. The functions are
// implemented by gorc's runtime (runtime/src/proc.rs, defer.rs).
package runtime

// Error identifies a run time error (what a recovered runtime panic holds).
type Error interface {
	error
	// RuntimeError is a no-op function that distinguishes run time errors from ordinary
	// errors.
	RuntimeError()
}

// Breakpoint executes a breakpoint trap.
//
//gorc:extern gorc_breakpoint
func Breakpoint()

// Gosched yields the processor, allowing other goroutines to run.
//
//gorc:extern gorc_gosched
func Gosched()

// GOMAXPROCS sets the maximum number of CPUs that can execute Go code at once (n >= 1; the
// world is stopped while the Ps change) and returns the previous setting. At startup it is the
// GOMAXPROCS environment variable or the CPU count.
//
//gorc:extern gorc_gomaxprocs
func GOMAXPROCS(n int) int

// NumCPU returns the number of logical CPUs usable by the current process.
//
//gorc:extern gorc_numcpu
func NumCPU() int

// NumGoroutine returns the number of goroutines that currently exist.
//
//gorc:extern gorc_numgoroutine
func NumGoroutine() int

// Goexit runs the calling goroutine's deferred calls and then terminates it.
//
//gorc:extern gorc_goexit
func Goexit()

// GC runs a garbage collection (there is no collector yet: it yields).
//
//gorc:extern gorc_gc
func GC()

// LockOSThread wires the calling goroutine to its current OS thread: it only ever runs on that
// thread, and the thread runs nothing else, until UnlockOSThread.
//
//gorc:extern gorc_lockosthread
func LockOSThread()

// UnlockOSThread undoes LockOSThread.
//
//gorc:extern gorc_unlockosthread
func UnlockOSThread()

// GOOS and GOARCH are the target operating system and architecture.
const (
	GOOS   = "linux"
	GOARCH = "amd64"
)

// Compiler is the name of the compiler toolchain that built the binary.
const Compiler = "gorc"

// KeepAlive marks its argument as reachable until this point.
func KeepAlive(x any) {}

// SetFinalizer would run finalizer when obj becomes unreachable. There is no collector yet,
// so nothing becomes unreachable and finalizers never run (gc does not promise they run
// either).
func SetFinalizer(obj any, finalizer any) {}
