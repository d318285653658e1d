// Package sort provides primitives for sorting slices and user-defined
// collections.
package sort

// An implementation of Interface can be sorted by the routines in this
// package. The methods refer to elements of the underlying collection by
// integer index.
type Interface interface {
	// Len is the number of elements in the collection.
	Len() int
	// Less reports whether the element with index i must sort before the
	// element with index j.
	Less(i, j int) bool
	// Swap swaps the elements with indexes i and j.
	Swap(i, j int)
}

// funcs adapts a less function and a swapper (from Slice and SliceStable)
// to Interface, so that all sorts share one implementation.
type funcs struct {
	n    int
	less func(i, j int) bool
	swap func(i, j int)
}

func (f *funcs) Len() int           { return f.n }
func (f *funcs) Less(i, j int) bool { return f.less(i, j) }
func (f *funcs) Swap(i, j int)      { f.swap(i, j) }

// Sort sorts data in ascending order as determined by the Less method. It
// makes one call to data.Len to determine n and O(n*log(n)) calls to
// data.Less and data.Swap. The sort is not guaranteed to be stable.
func Sort(data Interface) {
	n := data.Len()
	if n < 2 {
		return
	}
	introSort(data, 0, n, 2*bitLen(uint(n)))
}

// Stable sorts data in ascending order as determined by the Less method,
// while keeping the original order of equal elements.
func Stable(data Interface) {
	stableSort(data, data.Len())
}

// IsSorted reports whether data is sorted.
func IsSorted(data Interface) bool {
	n := data.Len()
	for i := n - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

func bitLen(x uint) int {
	n := 0
	for x != 0 {
		x >>= 1
		n++
	}
	return n
}

// insertionSort sorts [a, b) by insertion.
func insertionSort(d Interface, a, b int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && d.Less(j, j-1); j-- {
			d.Swap(j, j-1)
		}
	}
}

// siftDown restores the max-heap property of the heap rooted at lo+root
// inside [lo, lo+n).
func siftDown(d Interface, lo, root, n int) {
	for {
		child := 2*root + 1
		if child >= n {
			return
		}
		if child+1 < n && d.Less(lo+child, lo+child+1) {
			child++
		}
		if !d.Less(lo+root, lo+child) {
			return
		}
		d.Swap(lo+root, lo+child)
		root = child
	}
}

func heapSort(d Interface, a, b int) {
	n := b - a
	for i := n/2 - 1; i >= 0; i-- {
		siftDown(d, a, i, n)
	}
	for i := n - 1; i > 0; i-- {
		d.Swap(a, a+i)
		siftDown(d, a, 0, i)
	}
}

// medianOfThree moves the median of the elements at i, j, k to index i.
func medianOfThree(d Interface, i, j, k int) {
	if d.Less(j, i) {
		d.Swap(i, j)
	}
	// now data[i] <= data[j]
	if d.Less(k, j) {
		d.Swap(j, k)
		if d.Less(j, i) {
			d.Swap(i, j)
		}
	}
	// data[i] <= data[j] <= data[k]: move the median to i
	d.Swap(i, j)
}

// partition partitions [a, b) around the pivot at a and returns the pivot's
// final index: elements before it are not greater, elements after it are not
// less.
func partition(d Interface, a, b int) int {
	i, j := a+1, b-1
	for {
		for i <= j && d.Less(i, a) {
			i++
		}
		for i <= j && d.Less(a, j) {
			j--
		}
		if i >= j {
			break
		}
		d.Swap(i, j)
		i++
		j--
	}
	d.Swap(a, j)
	return j
}

// introSort is quicksort with a median-of-three pivot that falls back to
// heapsort when the recursion gets too deep and to insertion sort for short
// ranges.
func introSort(d Interface, a, b, depth int) {
	for b-a > 12 {
		if depth == 0 {
			heapSort(d, a, b)
			return
		}
		depth--
		m := int(uint(a+b) >> 1)
		medianOfThree(d, a, m, b-1)
		p := partition(d, a, b)
		// Recurse into the smaller side, loop on the larger.
		if p-a < b-p {
			introSort(d, a, p, depth)
			a = p + 1
		} else {
			introSort(d, p+1, b, depth)
			b = p
		}
	}
	if b-a > 1 {
		insertionSort(d, a, b)
	}
}

// stableSort: insertion sort on blocks, then in-place merges of
// neighbouring runs of doubling size.
func stableSort(d Interface, n int) {
	const block = 20
	a := 0
	for ; a+block <= n; a += block {
		insertionSort(d, a, a+block)
	}
	insertionSort(d, a, n)
	for size := block; size < n; size *= 2 {
		for lo := 0; lo+size < n; lo += 2 * size {
			hi := lo + 2*size
			if hi > n {
				hi = n
			}
			merge(d, lo, lo+size, hi)
		}
	}
}

// merge merges the sorted runs [a, m) and [m, b) in place, stably: it splits
// the longer run in the middle, finds the matching split point of the other
// run by binary search, rotates the two middle pieces into place and
// recurses on both sides.
func merge(d Interface, a, m, b int) {
	if a >= m || m >= b {
		return
	}
	if m-a == 1 {
		// Insert data[a] into [m, b): it goes before the first element
		// not less than it.
		i := m
		for i < b && d.Less(i, a) {
			i++
		}
		for k := a; k < i-1; k++ {
			d.Swap(k, k+1)
		}
		return
	}
	if b-m == 1 {
		// Insert data[m] into [a, m): after the last element not greater.
		i := m
		for i > a && d.Less(m, i-1) {
			i--
		}
		for k := m; k > i; k-- {
			d.Swap(k, k-1)
		}
		return
	}
	var cut1, cut2 int
	if m-a >= b-m {
		cut1 = a + (m-a)/2
		// first element of [m, b) not less than data[cut1]
		lo, hi := m, b
		for lo < hi {
			h := int(uint(lo+hi) >> 1)
			if d.Less(h, cut1) {
				lo = h + 1
			} else {
				hi = h
			}
		}
		cut2 = lo
	} else {
		cut2 = m + (b-m)/2
		// first element of [a, m) greater than data[cut2]
		lo, hi := a, m
		for lo < hi {
			h := int(uint(lo+hi) >> 1)
			if !d.Less(cut2, h) {
				lo = h + 1
			} else {
				hi = h
			}
		}
		cut1 = lo
	}
	rotate(d, cut1, m, cut2)
	nm := cut1 + (cut2 - m)
	merge(d, a, cut1, nm)
	merge(d, nm, cut2, b)
}

// reverse reverses [a, b).
func reverse(d Interface, a, b int) {
	for b--; a < b; a, b = a+1, b-1 {
		d.Swap(a, b)
	}
}

// rotate exchanges the blocks [a, m) and [m, b).
func rotate(d Interface, a, m, b int) {
	if a == m || m == b {
		return
	}
	reverse(d, a, m)
	reverse(d, m, b)
	reverse(d, a, b)
}

type reverseOrder struct {
	data Interface
}

func (r reverseOrder) Len() int           { return r.data.Len() }
func (r reverseOrder) Less(i, j int) bool { return r.data.Less(j, i) }
func (r reverseOrder) Swap(i, j int)      { r.data.Swap(i, j) }

// Reverse returns the reverse order for data.
func Reverse(data Interface) Interface {
	return reverseOrder{data}
}

// IntSlice attaches the methods of Interface to []int, sorting in increasing
// order.
type IntSlice []int

func (x IntSlice) Len() int           { return len(x) }
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

// Sort is a convenience method: x.Sort() calls Sort(x).
func (x IntSlice) Sort() { Sort(x) }

// Search returns the result of applying SearchInts to the receiver and x.
func (p IntSlice) Search(x int) int { return SearchInts(p, x) }

// Float64Slice implements Interface for a []float64, sorting in increasing
// order, with not-a-number (NaN) values ordered before other values.
type Float64Slice []float64

func (x Float64Slice) Len() int { return len(x) }
func (x Float64Slice) Less(i, j int) bool {
	return x[i] < x[j] || (x[i] != x[i] && x[j] == x[j])
}
func (x Float64Slice) Swap(i, j int) { x[i], x[j] = x[j], x[i] }

// Sort is a convenience method: x.Sort() calls Sort(x).
func (x Float64Slice) Sort() { Sort(x) }

// Search returns the result of applying SearchFloat64s to the receiver and x.
func (p Float64Slice) Search(x float64) int { return SearchFloat64s(p, x) }

// StringSlice attaches the methods of Interface to []string, sorting in
// increasing order.
type StringSlice []string

func (x StringSlice) Len() int           { return len(x) }
func (x StringSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x StringSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

// Sort is a convenience method: x.Sort() calls Sort(x).
func (x StringSlice) Sort() { Sort(x) }

// Search returns the result of applying SearchStrings to the receiver and x.
func (p StringSlice) Search(x string) int { return SearchStrings(p, x) }

// Ints sorts a slice of ints in increasing order.
func Ints(x []int) { Sort(IntSlice(x)) }

// Float64s sorts a slice of float64s in increasing order; NaNs come first.
func Float64s(x []float64) { Sort(Float64Slice(x)) }

// Strings sorts a slice of strings in increasing order.
func Strings(x []string) { Sort(StringSlice(x)) }

// IntsAreSorted reports whether the slice x is sorted in increasing order.
func IntsAreSorted(x []int) bool { return IsSorted(IntSlice(x)) }

// Float64sAreSorted reports whether x is sorted in increasing order, with NaNs
// first.
func Float64sAreSorted(x []float64) bool { return IsSorted(Float64Slice(x)) }

// StringsAreSorted reports whether x is sorted in increasing order.
func StringsAreSorted(x []string) bool { return IsSorted(StringSlice(x)) }

// Search uses binary search to find and return the smallest index i in
// [0, n) at which f(i) is true, assuming that on the range [0, n), f(i) ==
// true implies f(i+1) == true. If there is no such index, Search returns n.
func Search(n int, f func(int) bool) int {
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if !f(h) {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

// Find uses binary search to find and return the smallest index i in [0, n)
// at which cmp(i) <= 0. If there is no such index i, Find returns i = n. The
// found result is true if i < n and cmp(i) == 0. Find calls cmp(i) only for
// i in the range [0, n).
//
// To permit binary search, Find requires that cmp(i) > 0 for a leading
// prefix of the range, cmp(i) == 0 in the middle of the range, and
// cmp(i) < 0 for the final suffix of the range.
func Find(n int, cmp func(int) int) (i int, found bool) {
	lo, hi := 0, n
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if cmp(h) > 0 {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo, lo < n && cmp(lo) == 0
}

// SearchInts searches for x in a sorted slice of ints and returns the index
// as specified by Search.
func SearchInts(a []int, x int) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

// SearchFloat64s searches for x in a sorted slice of float64s and returns the
// index as specified by Search.
func SearchFloat64s(a []float64, x float64) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

// SearchStrings searches for x in a sorted slice of strings and returns the
// index as specified by Search.
func SearchStrings(a []string, x string) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}
