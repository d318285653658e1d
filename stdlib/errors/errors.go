// Package errors implements functions to manipulate errors.
//
// gorc has no reflection: Is compares err and target with == inside a
// function that recovers the "comparing uncomparable type" runtime panic and
// treats it as "not equal" (gc asks reflectlite whether the target's type is
// comparable; the results are the same). As asks the runtime for the type
// checks gc makes with reflection (gorc_errors_as_check and
// gorc_errors_as_assign).
package errors

// New returns an error whose Error method returns text. Each call returns a
// distinct error value even if the text is identical.
func New(text string) error {
	return &errorString{text}
}

type errorString struct {
	s string
}

func (e *errorString) Error() string {
	return e.s
}

// Unwrap returns the result of calling the Unwrap method on err, if err's type
// has an Unwrap method returning error. Otherwise it returns nil.
func Unwrap(err error) error {
	u, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return u.Unwrap()
}

// equalErrors reports whether a == b, treating the runtime panic raised by
// comparing values of an uncomparable dynamic type as "not equal".
func equalErrors(a, b error) (eq bool) {
	defer func() {
		if recover() != nil {
			eq = false
		}
	}()
	return a == b
}

// Is reports whether any error in err's chain matches target.
//
// An error matches target if it is equal to target or if it has a method
// Is(error) bool such that Is(target) returns true.
func Is(err, target error) bool {
	if target == nil {
		return err == target
	}
	for {
		if equalErrors(err, target) {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		err = Unwrap(err)
		if err == nil {
			return false
		}
	}
}

// asCheck validates As's target as gc does with reflection: 0 when it is a
// non-nil pointer to an interface type or to a type implementing error, 1
// when it is not a non-nil pointer, 2 when the pointed-to type does not fit.
//
//gorc:extern gorc_errors_as_check
func asCheck(target *interface{}) int64

// asAssign stores *err in the variable target points at, when err's dynamic
// type is that variable's type or implements its interface type.
//
//gorc:extern gorc_errors_as_assign
func asAssign(err *error, target *interface{}) bool

// As finds the first error in err's chain that matches target, and if one is
// found, sets target to that error value and returns true. Otherwise, it
// returns false.
//
// An error matches target if the error's concrete value is assignable to the
// value pointed to by target, or if the error has a method As(interface{})
// bool such that As(target) returns true.
//
// As panics if target is not a non-nil pointer to either a type that
// implements error, or to any interface type.
func As(err error, target interface{}) bool {
	if target == nil {
		panic("errors: target cannot be nil")
	}
	switch asCheck(&target) {
	case 1:
		panic("errors: target must be a non-nil pointer")
	case 2:
		panic("errors: *target must be interface or implement error")
	}
	for err != nil {
		if asAssign(&err, &target) {
			return true
		}
		if x, ok := err.(interface{ As(interface{}) bool }); ok && x.As(target) {
			return true
		}
		err = Unwrap(err)
	}
	return false
}
