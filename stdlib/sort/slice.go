package sort

import "unsafe"

// Slice, SliceStable and SliceIsSorted take the slice as an interface{}. gc
// swaps its elements through reflection; gorc has no reflection, so these
// functions use the common slice types directly and otherwise read the
// slice's element size from its type descriptor (the interface's type word
// points to a descriptor whose element type pointer is at offset 48 and whose
// size is at offset 0, in gorc as in gc 1.19) and swap elements as bytes.
// The byte-wise swap knows nothing of the collector; gorc's is not concurrent
// (and not moving), so that is safe there. A non-slice argument is not
// detected (gc panics).

type eface struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

type sliceHeader struct {
	data unsafe.Pointer
	len  int
	cap  int
}

func sliceLen(x interface{}) int {
	e := (*eface)(unsafe.Pointer(&x))
	return (*sliceHeader)(e.data).len
}

// swapper returns a function that swaps the elements i and j of the slice x.
func swapper(x interface{}) func(i, j int) {
	switch s := x.(type) {
	case []int:
		return func(i, j int) { s[i], s[j] = s[j], s[i] }
	case []string:
		return func(i, j int) { s[i], s[j] = s[j], s[i] }
	case []float64:
		return func(i, j int) { s[i], s[j] = s[j], s[i] }
	case []int64:
		return func(i, j int) { s[i], s[j] = s[j], s[i] }
	case []int32:
		return func(i, j int) { s[i], s[j] = s[j], s[i] }
	case []uint64:
		return func(i, j int) { s[i], s[j] = s[j], s[i] }
	case []byte:
		return func(i, j int) { s[i], s[j] = s[j], s[i] }
	case []interface{}:
		return func(i, j int) { s[i], s[j] = s[j], s[i] }
	}
	e := (*eface)(unsafe.Pointer(&x))
	h := (*sliceHeader)(e.data)
	elem := *(*unsafe.Pointer)(unsafe.Pointer(uintptr(e.typ) + 48))
	size := *(*uintptr)(elem)
	base := uintptr(h.data)
	n := uintptr(h.len)
	if size == 8 {
		return func(i, j int) {
			if uintptr(i) >= n || uintptr(j) >= n {
				panic("sort: index out of range")
			}
			p := (*uint64)(unsafe.Pointer(base + uintptr(i)*8))
			q := (*uint64)(unsafe.Pointer(base + uintptr(j)*8))
			*p, *q = *q, *p
		}
	}
	return func(i, j int) {
		if uintptr(i) >= n || uintptr(j) >= n {
			panic("sort: index out of range")
		}
		p := base + uintptr(i)*size
		q := base + uintptr(j)*size
		for k := uintptr(0); k < size; k++ {
			a := (*byte)(unsafe.Pointer(p + k))
			b := (*byte)(unsafe.Pointer(q + k))
			*a, *b = *b, *a
		}
	}
}

// Slice sorts the slice x given the provided less function. The sort is not
// guaranteed to be stable.
func Slice(x interface{}, less func(i, j int) bool) {
	n := sliceLen(x)
	if n < 2 {
		return
	}
	introSort(&funcs{n, less, swapper(x)}, 0, n, 2*bitLen(uint(n)))
}

// SliceStable sorts the slice x using the provided less function, keeping
// equal elements in their original order.
func SliceStable(x interface{}, less func(i, j int) bool) {
	n := sliceLen(x)
	stableSort(&funcs{n, less, swapper(x)}, n)
}

// SliceIsSorted reports whether the slice x is sorted according to less.
func SliceIsSorted(x interface{}, less func(i, j int) bool) bool {
	n := sliceLen(x)
	for i := n - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}
