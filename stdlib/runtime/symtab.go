package runtime

import "unsafe"

// Call stacks and the function table: Callers, Caller, FuncForPC and Frames, over the
// runtime's frame-pointer walk and function table (runtime/src/traceback.rs). gorc does not
// inline, so every frame is a real call.

// callers stores the return addresses of the Go frames of the calling goroutine, from the
// function that called callers outwards, after skipping skip of them.
//
//gorc:extern gorc_callers
func callers(skip int, buf unsafe.Pointer, n int) int

// funcInfo is filled by the runtime (laid out as its GoFuncInfo).
type funcInfo struct {
	entry uintptr
	name  string
	file  string
	line  int
}

//gorc:extern gorc_funcinfo
func funcinfo(pc uintptr, out *funcInfo) bool

//gorc:extern gorc_stack
func stack(buf unsafe.Pointer, n int, all bool) int

// Stack formats a stack trace of the calling goroutine into buf and returns the number of
// bytes written to buf. If all is true, Stack formats stack traces of all other goroutines
// into buf after the trace for the current goroutine.
func Stack(buf []byte, all bool) int {
	if len(buf) == 0 {
		return 0
	}
	return stack(unsafe.Pointer(&buf[0]), len(buf), all)
}

// Callers fills pc with the return program counters of function invocations on the calling
// goroutine's stack. skip 0 is the frame of Callers itself, 1 the caller of Callers. It
// returns the number of entries written.
func Callers(skip int, pc []uintptr) int {
	if len(pc) == 0 {
		return 0
	}
	return callers(skip, unsafe.Pointer(&pc[0]), len(pc))
}

// Caller reports file and line number information about function invocations on the calling
// goroutine's stack. skip 0 is the caller of Caller.
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	var rpc [1]uintptr
	if callers(skip+1, unsafe.Pointer(&rpc[0]), 1) < 1 {
		return 0, "", 0, false
	}
	frame, _ := CallersFrames(rpc[:]).Next()
	return frame.PC, frame.File, frame.Line, frame.PC != 0
}

// A Func represents a Go function in the running binary.
type Func struct {
	entry uintptr
	name  string
	file  string
}

// FuncForPC returns a *Func describing the function that contains the given program
// counter address, or else nil.
func FuncForPC(pc uintptr) *Func {
	var fi funcInfo
	if !funcinfo(pc, &fi) {
		return nil
	}
	return &Func{entry: fi.entry, name: fi.name, file: fi.file}
}

// Name returns the name of the function.
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Entry returns the entry address of the function.
func (f *Func) Entry() uintptr {
	if f == nil {
		return 0
	}
	return f.entry
}

// FileLine returns the file name and line number of the source code corresponding to the
// program counter pc.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	var fi funcInfo
	if f == nil || !funcinfo(pc, &fi) {
		return "?", 0
	}
	return fi.file, fi.line
}

// Frames may be used to get function/file/line information for a slice of PC values
// returned by Callers.
type Frames struct {
	callers []uintptr
}

// Frame is the information returned by Frames for each call frame.
type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

// CallersFrames takes a slice of PCs returned by Callers and prepares to return
// function/file/line information.
func CallersFrames(callers []uintptr) *Frames {
	return &Frames{callers: callers}
}

// Next returns a Frame representing the next call frame in the slice of PC values, and
// whether there are more frames after it.
func (ci *Frames) Next() (frame Frame, more bool) {
	for len(ci.callers) > 0 {
		pc := ci.callers[0]
		ci.callers = ci.callers[1:]
		var fi funcInfo
		// A return address: the call is the instruction before it.
		if !funcinfo(pc-1, &fi) {
			continue
		}
		if pc > fi.entry {
			pc--
		}
		frame = Frame{
			PC:       pc,
			Func:     &Func{entry: fi.entry, name: fi.name, file: fi.file},
			Function: fi.name,
			File:     fi.file,
			Line:     fi.line,
			Entry:    fi.entry,
		}
		return frame, len(ci.callers) > 0
	}
	return Frame{}, false
}
