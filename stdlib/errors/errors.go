// Package errors implements functions to manipulate errors.
//
// gorc has no reflection yet, which limits Is and As compared with gc:
//
//   - Is compares err and target with ==. gc first asks reflectlite whether the
//     target's dynamic type is comparable; gorc instead performs the comparison
//     inside a function that recovers the "comparing uncomparable type" runtime
//     panic and treats it as "not equal". The results are the same; only the
//     cost differs.
//   - As supports targets of type *error directly, and otherwise relies on
//     errors in the chain that implement As(interface{}) bool. Targets that
//     point to other interface or concrete types cannot be handled without
//     reflection; As returns false for them unless an error's As method
//     handles them. A nil target panics as in gc.
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

// As finds the first error in err's chain that matches target, and if one is
// found, sets target to that error value and returns true. Otherwise it
// returns false.
//
// See the package comment for what gorc supports without reflection: a target
// of type *error matches the first error of the chain; other targets match
// only through an error's As(interface{}) bool method.
//
// As panics if target is nil.
func As(err error, target interface{}) bool {
	if target == nil {
		panic("errors: target cannot be nil")
	}
	if p, ok := target.(*error); ok {
		if p == nil {
			panic("errors: target must be a non-nil pointer")
		}
		if err != nil {
			*p = err
			return true
		}
		return false
	}
	for err != nil {
		if x, ok := err.(interface{ As(interface{}) bool }); ok && x.As(target) {
			return true
		}
		err = Unwrap(err)
	}
	return false
}
