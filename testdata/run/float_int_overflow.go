package main

import "math"

// Float-to-integer conversions of NaN and out-of-range values are implementation-defined in
// Go; gorc gives gc's amd64 results (in-range values convert exactly everywhere).

func main() {
	vals := []float64{1e30, -1e30, math.NaN(), math.Inf(1), math.Inf(-1), 300.7, -300.7,
		3e9, -3e9, 1.8e19, 9.3e18, 70000.5, -70000.5, 2147483647.9, -2147483648.9}
	for _, v := range vals {
		println(int64(v), int32(v), int16(v), int8(v), uint64(v), uint32(v), uint16(v), uint8(v), int(v), uint(v))
		f := float32(v)
		println(int64(f), int32(f), int16(f), int8(f), uint64(f), uint32(f), uint16(f), uint8(f))
	}
}
