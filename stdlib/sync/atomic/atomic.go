// Package atomic provides low-level atomic memory primitives (sequentially consistent),
// implemented by gorc's runtime (runtime/src/atomic.rs).
package atomic

import "unsafe"

//gorc:extern gorc_atomic_add_int32
func AddInt32(addr *int32, delta int32) (new int32)

//gorc:extern gorc_atomic_add_int64
func AddInt64(addr *int64, delta int64) (new int64)

//gorc:extern gorc_atomic_add_uint32
func AddUint32(addr *uint32, delta uint32) (new uint32)

//gorc:extern gorc_atomic_add_uint64
func AddUint64(addr *uint64, delta uint64) (new uint64)

//gorc:extern gorc_atomic_add_uintptr
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr)

//gorc:extern gorc_atomic_load_int32
func LoadInt32(addr *int32) (val int32)

//gorc:extern gorc_atomic_load_int64
func LoadInt64(addr *int64) (val int64)

//gorc:extern gorc_atomic_load_uint32
func LoadUint32(addr *uint32) (val uint32)

//gorc:extern gorc_atomic_load_uint64
func LoadUint64(addr *uint64) (val uint64)

//gorc:extern gorc_atomic_load_uintptr
func LoadUintptr(addr *uintptr) (val uintptr)

//gorc:extern gorc_atomic_load_uintptr
func LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer)

//gorc:extern gorc_atomic_store_int32
func StoreInt32(addr *int32, val int32)

//gorc:extern gorc_atomic_store_int64
func StoreInt64(addr *int64, val int64)

//gorc:extern gorc_atomic_store_uint32
func StoreUint32(addr *uint32, val uint32)

//gorc:extern gorc_atomic_store_uint64
func StoreUint64(addr *uint64, val uint64)

//gorc:extern gorc_atomic_store_uintptr
func StoreUintptr(addr *uintptr, val uintptr)

//gorc:extern gorc_atomic_store_uintptr
func StorePointer(addr *unsafe.Pointer, val unsafe.Pointer)

//gorc:extern gorc_atomic_swap_int32
func SwapInt32(addr *int32, new int32) (old int32)

//gorc:extern gorc_atomic_swap_int64
func SwapInt64(addr *int64, new int64) (old int64)

//gorc:extern gorc_atomic_swap_uint32
func SwapUint32(addr *uint32, new uint32) (old uint32)

//gorc:extern gorc_atomic_swap_uint64
func SwapUint64(addr *uint64, new uint64) (old uint64)

//gorc:extern gorc_atomic_swap_uintptr
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr)

//gorc:extern gorc_atomic_swap_uintptr
func SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer)

//gorc:extern gorc_atomic_cas_int32
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)

//gorc:extern gorc_atomic_cas_int64
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)

//gorc:extern gorc_atomic_cas_uint32
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool)

//gorc:extern gorc_atomic_cas_uint64
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool)

//gorc:extern gorc_atomic_cas_uintptr
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool)

//gorc:extern gorc_atomic_cas_uintptr
func CompareAndSwapPointer(addr *unsafe.Pointer, old, new unsafe.Pointer) (swapped bool)
