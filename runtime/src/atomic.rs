//! sync/atomic: the functions stdlib/sync/atomic declares with `//gorc:extern`, sequentially
//! consistent as gc's are. Called from Go code on the goroutine stack; each is a single
//! instruction or a CAS loop. A nil address faults in the runtime, as gc's does in assembly.

use core::sync::atomic::*;

macro_rules! atomics {
    ($($t:ty, $a:ty: $add:ident $load:ident $store:ident $swap:ident $cas:ident;)*) => {$(
        #[no_mangle]
        pub unsafe extern "C" fn $add(p: *mut $t, d: $t) -> $t {
            (*(p as *const $a)).fetch_add(d, Ordering::SeqCst).wrapping_add(d)
        }
        #[no_mangle]
        pub unsafe extern "C" fn $load(p: *mut $t) -> $t {
            (*(p as *const $a)).load(Ordering::SeqCst)
        }
        #[no_mangle]
        pub unsafe extern "C" fn $store(p: *mut $t, v: $t) {
            (*(p as *const $a)).store(v, Ordering::SeqCst)
        }
        #[no_mangle]
        pub unsafe extern "C" fn $swap(p: *mut $t, v: $t) -> $t {
            (*(p as *const $a)).swap(v, Ordering::SeqCst)
        }
        #[no_mangle]
        pub unsafe extern "C" fn $cas(p: *mut $t, old: $t, new: $t) -> bool {
            (*(p as *const $a))
                .compare_exchange(old, new, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
        }
    )*};
}

atomics! {
    i32, AtomicI32: gorc_atomic_add_int32 gorc_atomic_load_int32 gorc_atomic_store_int32
        gorc_atomic_swap_int32 gorc_atomic_cas_int32;
    i64, AtomicI64: gorc_atomic_add_int64 gorc_atomic_load_int64 gorc_atomic_store_int64
        gorc_atomic_swap_int64 gorc_atomic_cas_int64;
    u32, AtomicU32: gorc_atomic_add_uint32 gorc_atomic_load_uint32 gorc_atomic_store_uint32
        gorc_atomic_swap_uint32 gorc_atomic_cas_uint32;
    u64, AtomicU64: gorc_atomic_add_uint64 gorc_atomic_load_uint64 gorc_atomic_store_uint64
        gorc_atomic_swap_uint64 gorc_atomic_cas_uint64;
    usize, AtomicUsize: gorc_atomic_add_uintptr gorc_atomic_load_uintptr
        gorc_atomic_store_uintptr gorc_atomic_swap_uintptr gorc_atomic_cas_uintptr;
}
