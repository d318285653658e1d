// Package syscall: raw Linux system calls (amd64). A call that may block runs between the
// runtime's entersyscall and exitsyscall (runtime/src/syscall.rs), so a goroutine blocked in
// the kernel does not keep other goroutines from running.
package syscall

import "unsafe"

//gorc:extern gorc_syscall6
func syscall6(trap, a1, a2, a3, a4, a5, a6 uintptr) int

//gorc:extern gorc_rawsyscall6
func rawSyscall6(trap, a1, a2, a3, a4, a5, a6 uintptr) int

// An Errno is an unsigned number describing an error condition.
type Errno uintptr

const (
	EPERM  Errno = 1
	ENOENT Errno = 2
	EINTR  Errno = 4
	EIO    Errno = 5
	EBADF  Errno = 9
	EAGAIN Errno = 11
	ENOMEM Errno = 12
	EACCES Errno = 13
	EFAULT Errno = 14
	EEXIST Errno = 17
	EINVAL Errno = 22
	EPIPE  Errno = 32
)

var errors = [...]string{
	EPERM:  "operation not permitted",
	ENOENT: "no such file or directory",
	EINTR:  "interrupted system call",
	EIO:    "input/output error",
	EBADF:  "bad file descriptor",
	EAGAIN: "resource temporarily unavailable",
	ENOMEM: "cannot allocate memory",
	EACCES: "permission denied",
	EFAULT: "bad address",
	EEXIST: "file exists",
	EINVAL: "invalid argument",
	EPIPE:  "broken pipe",
}

func (e Errno) Error() string {
	if int(e) < len(errors) && errors[e] != "" {
		return errors[e]
	}
	return "errno " + itoa(int(e))
}

func itoa(v int) string {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return string(buf[i:])
}

const (
	SYS_READ      = 0
	SYS_WRITE     = 1
	SYS_CLOSE     = 3
	SYS_NANOSLEEP = 35
	SYS_GETPID    = 39
	SYS_PIPE2     = 293
)

func result(r int) (uintptr, uintptr, Errno) {
	if r < 0 && r > -4096 {
		return ^uintptr(0), 0, Errno(-r)
	}
	return uintptr(r), 0, 0
}

// Syscall makes a system call that may block.
func Syscall(trap, a1, a2, a3 uintptr) (r1, r2 uintptr, err Errno) {
	return result(syscall6(trap, a1, a2, a3, 0, 0, 0))
}

// Syscall6 makes a system call with six arguments that may block.
func Syscall6(trap, a1, a2, a3, a4, a5, a6 uintptr) (r1, r2 uintptr, err Errno) {
	return result(syscall6(trap, a1, a2, a3, a4, a5, a6))
}

// RawSyscall makes a system call that must not block.
func RawSyscall(trap, a1, a2, a3 uintptr) (r1, r2 uintptr, err Errno) {
	return result(rawSyscall6(trap, a1, a2, a3, 0, 0, 0))
}

// RawSyscall6 makes a system call with six arguments that must not block.
func RawSyscall6(trap, a1, a2, a3, a4, a5, a6 uintptr) (r1, r2 uintptr, err Errno) {
	return result(rawSyscall6(trap, a1, a2, a3, a4, a5, a6))
}

func errnoErr(e Errno) error {
	if e == 0 {
		return nil
	}
	return e
}

// Read reads up to len(p) bytes from fd.
func Read(fd int, p []byte) (n int, err error) {
	var ptr unsafe.Pointer
	if len(p) > 0 {
		ptr = unsafe.Pointer(&p[0])
	}
	r, _, e := Syscall(SYS_READ, uintptr(fd), uintptr(ptr), uintptr(len(p)))
	if e != 0 {
		return -1, e
	}
	return int(r), nil
}

// Write writes p to fd.
func Write(fd int, p []byte) (n int, err error) {
	var ptr unsafe.Pointer
	if len(p) > 0 {
		ptr = unsafe.Pointer(&p[0])
	}
	r, _, e := Syscall(SYS_WRITE, uintptr(fd), uintptr(ptr), uintptr(len(p)))
	if e != 0 {
		return -1, e
	}
	return int(r), nil
}

// Close closes fd.
func Close(fd int) error {
	_, _, e := Syscall(SYS_CLOSE, uintptr(fd), 0, 0)
	return errnoErr(e)
}

// Pipe creates a pipe: p[0] is the read end, p[1] the write end.
func Pipe(p []int) error {
	if len(p) != 2 {
		return EINVAL
	}
	var fds [2]int32
	_, _, e := RawSyscall(SYS_PIPE2, uintptr(unsafe.Pointer(&fds[0])), 0, 0)
	if e != 0 {
		return e
	}
	p[0] = int(fds[0])
	p[1] = int(fds[1])
	return nil
}

// Getpid returns the process id.
func Getpid() int {
	r, _, _ := RawSyscall(SYS_GETPID, 0, 0, 0)
	return int(r)
}

// A Timespec is a time in seconds and nanoseconds.
type Timespec struct {
	Sec  int64
	Nsec int64
}

// NsecToTimespec converts a number of nanoseconds into a Timespec.
func NsecToTimespec(nsec int64) Timespec {
	return Timespec{Sec: nsec / 1e9, Nsec: nsec % 1e9}
}

// Nanosleep suspends the thread (and with it the calling goroutine) for the time in ts.
func Nanosleep(time *Timespec, leftover *Timespec) error {
	_, _, e := Syscall(SYS_NANOSLEEP, uintptr(unsafe.Pointer(time)), uintptr(unsafe.Pointer(leftover)), 0)
	return errnoErr(e)
}
