package atomic

import "unsafe"

// The typed atomics of Go 1.19 (no generic Pointer[T]: gorc has no generics yet). Each is a
// value with methods over the functions in atomic.go.

// An Int32 is an atomic int32. The zero value is zero.
type Int32 struct {
	_ noCopy
	v int32
}

func (x *Int32) Load() int32           { return LoadInt32(&x.v) }
func (x *Int32) Store(val int32)       { StoreInt32(&x.v, val) }
func (x *Int32) Swap(new int32) int32  { return SwapInt32(&x.v, new) }
func (x *Int32) Add(delta int32) int32 { return AddInt32(&x.v, delta) }
func (x *Int32) CompareAndSwap(old, new int32) bool {
	return CompareAndSwapInt32(&x.v, old, new)
}

// An Int64 is an atomic int64. The zero value is zero.
type Int64 struct {
	_ noCopy
	v int64
}

func (x *Int64) Load() int64           { return LoadInt64(&x.v) }
func (x *Int64) Store(val int64)       { StoreInt64(&x.v, val) }
func (x *Int64) Swap(new int64) int64  { return SwapInt64(&x.v, new) }
func (x *Int64) Add(delta int64) int64 { return AddInt64(&x.v, delta) }
func (x *Int64) CompareAndSwap(old, new int64) bool {
	return CompareAndSwapInt64(&x.v, old, new)
}

// A Uint32 is an atomic uint32. The zero value is zero.
type Uint32 struct {
	_ noCopy
	v uint32
}

func (x *Uint32) Load() uint32            { return LoadUint32(&x.v) }
func (x *Uint32) Store(val uint32)        { StoreUint32(&x.v, val) }
func (x *Uint32) Swap(new uint32) uint32  { return SwapUint32(&x.v, new) }
func (x *Uint32) Add(delta uint32) uint32 { return AddUint32(&x.v, delta) }
func (x *Uint32) CompareAndSwap(old, new uint32) bool {
	return CompareAndSwapUint32(&x.v, old, new)
}

// A Uint64 is an atomic uint64. The zero value is zero.
type Uint64 struct {
	_ noCopy
	v uint64
}

func (x *Uint64) Load() uint64            { return LoadUint64(&x.v) }
func (x *Uint64) Store(val uint64)        { StoreUint64(&x.v, val) }
func (x *Uint64) Swap(new uint64) uint64  { return SwapUint64(&x.v, new) }
func (x *Uint64) Add(delta uint64) uint64 { return AddUint64(&x.v, delta) }
func (x *Uint64) CompareAndSwap(old, new uint64) bool {
	return CompareAndSwapUint64(&x.v, old, new)
}

// A Uintptr is an atomic uintptr. The zero value is zero.
type Uintptr struct {
	_ noCopy
	v uintptr
}

func (x *Uintptr) Load() uintptr             { return LoadUintptr(&x.v) }
func (x *Uintptr) Store(val uintptr)         { StoreUintptr(&x.v, val) }
func (x *Uintptr) Swap(new uintptr) uintptr  { return SwapUintptr(&x.v, new) }
func (x *Uintptr) Add(delta uintptr) uintptr { return AddUintptr(&x.v, delta) }
func (x *Uintptr) CompareAndSwap(old, new uintptr) bool {
	return CompareAndSwapUintptr(&x.v, old, new)
}

// A Bool is an atomic boolean. The zero value is false.
type Bool struct {
	_ noCopy
	v uint32
}

func b32(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

func (x *Bool) Load() bool              { return LoadUint32(&x.v) != 0 }
func (x *Bool) Store(val bool)          { StoreUint32(&x.v, b32(val)) }
func (x *Bool) Swap(new bool) (old bool) { return SwapUint32(&x.v, b32(new)) != 0 }
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool) {
	return CompareAndSwapUint32(&x.v, b32(old), b32(new))
}

// noCopy marks the typed atomics as not to be copied (for vet; no effect here).
type noCopy struct{}

// A Value provides an atomic load and store of a consistently typed value. The zero Value
// returns nil from Load.
//
// It holds a pointer to an immutable heap box with the interface value; Store publishes a new
// box with one atomic pointer store, so Load never sees half a value.
type Value struct {
	p unsafe.Pointer // *box
}

type box struct {
	v  any
	ty uintptr // the dynamic type word of v, for the consistency checks
}

func typeOf(v any) uintptr {
	return *(*uintptr)(unsafe.Pointer(&v))
}

// Load returns the value set by the most recent Store, or nil if there has been none.
func (v *Value) Load() (val any) {
	b := (*box)(LoadPointer(&v.p))
	if b == nil {
		return nil
	}
	return b.v
}

// Store sets the value of the Value to val.
func (v *Value) Store(val any) {
	if val == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	nb := &box{val, typeOf(val)}
	for {
		old := (*box)(LoadPointer(&v.p))
		if old != nil && old.ty != nb.ty {
			panic("sync/atomic: store of inconsistently typed value into Value")
		}
		if CompareAndSwapPointer(&v.p, unsafe.Pointer(old), unsafe.Pointer(nb)) {
			return
		}
	}
}

// Swap stores new into Value and returns the previous value (nil if it was empty).
func (v *Value) Swap(new any) (old any) {
	if new == nil {
		panic("sync/atomic: swap of nil value into Value")
	}
	nb := &box{new, typeOf(new)}
	for {
		ob := (*box)(LoadPointer(&v.p))
		if ob != nil && ob.ty != nb.ty {
			panic("sync/atomic: swap of inconsistently typed value into Value")
		}
		if CompareAndSwapPointer(&v.p, unsafe.Pointer(ob), unsafe.Pointer(nb)) {
			if ob == nil {
				return nil
			}
			return ob.v
		}
	}
}

// CompareAndSwap stores new if the Value holds old (compared with ==, which panics for
// uncomparable types as in gc).
func (v *Value) CompareAndSwap(old, new any) (swapped bool) {
	if new == nil {
		panic("sync/atomic: compare and swap of nil value into Value")
	}
	nb := &box{new, typeOf(new)}
	if old != nil && typeOf(old) != nb.ty {
		panic("sync/atomic: compare and swap of inconsistently typed values")
	}
	for {
		ob := (*box)(LoadPointer(&v.p))
		if ob == nil {
			if old != nil {
				return false
			}
		} else {
			if ob.ty != nb.ty {
				panic("sync/atomic: compare and swap of inconsistently typed value into Value")
			}
			if ob.v != old {
				return false
			}
		}
		if CompareAndSwapPointer(&v.p, unsafe.Pointer(ob), unsafe.Pointer(nb)) {
			return true
		}
	}
}
