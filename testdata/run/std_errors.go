package main

import "errors"

type wrapped struct {
	msg string
	err error
}

func (w *wrapped) Error() string { return w.msg + ": " + w.err.Error() }
func (w *wrapped) Unwrap() error { return w.err }

type isErr struct{}

func (isErr) Error() string        { return "isErr" }
func (isErr) Is(target error) bool { return target == errSentinel }

type sliceErr []int

func (sliceErr) Error() string { return "sliceErr" }

type asErr struct{ code int }

func (a *asErr) Error() string { return "asErr" }
func (a *asErr) As(target interface{}) bool {
	if p, ok := target.(**asErr); ok {
		*p = a
		return true
	}
	return false
}

var errSentinel = errors.New("sentinel")

func main() {
	e1 := errors.New("x")
	e2 := errors.New("x")
	println(e1.Error(), e1 == e2, errors.Is(e1, e1), errors.Is(e1, e2))
	w := &wrapped{"outer", &wrapped{"inner", errSentinel}}
	println(w.Error())
	println(errors.Is(w, errSentinel), errors.Is(w, e1), errors.Unwrap(w) == w.err, errors.Unwrap(e1) == nil)
	println(errors.Is(isErr{}, errSentinel), errors.Is(&wrapped{"w", isErr{}}, errSentinel))
	println(errors.Is(nil, nil), errors.Is(nil, e1), errors.Is(e1, nil))
	println(errors.Is(sliceErr{1}, sliceErr{1}))
	var target error
	println(errors.As(w, &target), target == error(w))
	var ae *asErr
	a := &asErr{7}
	println(errors.As(&wrapped{"w", a}, &ae), ae == a, ae.code)
	// Concrete and interface targets.
	var we *wrapped
	println(errors.As(w, &we), we == w)
	var ie interface{ Unwrap() error }
	println(errors.As(&wrapped{"x", isErr{}}, &ie), ie != nil)
	var is isErr
	println(errors.As(&wrapped{"x", &wrapped{"y", isErr{}}}, &is))
	var se sliceErr
	println(errors.As(w, &se), errors.As(sliceErr{4, 5}, &se), len(se), se[1])
	var str interface{ String() string }
	println(errors.As(w, &str), str == nil)
	tryAs := func(target interface{}) {
		defer func() {
			println("recovered:", recover().(string))
		}()
		errors.As(e1, target)
	}
	tryAs(nil)
	tryAs(42)
	var np *error
	tryAs(np)
	var n int
	tryAs(&n)
}
