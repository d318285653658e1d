//! Process arguments and environment for package os (`os.Args`, `os.Environ`, `os.Getenv`).
//!
//! Both entry points run on the goroutine stack: they are leaf-sized (no formatting, no
//! recursion). The strings they return are not copied: they point at the argv/envp memory
//! the kernel set up, which lives for the whole process and is never written by Go code
//! (Go strings are immutable). The backing array of string headers comes from `mallocgc`
//! without a type descriptor (pointer-free for the collector), which is correct because the
//! only pointers it holds point outside the Go heap.

use crate::types::GoString;

extern "C" {
    static environ: *const *const libc::c_char;
}

/// A Go slice header as laid out in memory (`ptr, len, cap`).
#[repr(C)]
pub struct GoSlice {
    pub ptr: *mut u8,
    pub len: i64,
    pub cap: i64,
}

/// Fills `*out` with a fresh `[]string` holding the `n` C strings of `v`.
unsafe fn strings_slice(out: *mut GoSlice, v: *const *const libc::c_char, n: usize) {
    let size = n * core::mem::size_of::<GoString>();
    let arr = crate::malloc::mallocgc(size, core::ptr::null()) as *mut GoString;
    for i in 0..n {
        let p = *v.add(i) as *const u8;
        *arr.add(i) = GoString {
            ptr: p,
            len: libc::strlen(p as *const libc::c_char),
        };
    }
    (*out).ptr = arr as *mut u8;
    (*out).len = n as i64;
    (*out).cap = n as i64;
}

/// `os.Args`: the process arguments as a `[]string`.
#[no_mangle]
pub unsafe extern "C" fn gorc_os_args(out: *mut GoSlice) {
    let n = crate::entry::ARGC.max(0) as usize;
    strings_slice(out, crate::entry::ARGV, n);
}

/// `os.Environ`: the environment as `"KEY=VALUE"` strings, in the order of `environ`.
#[no_mangle]
pub unsafe extern "C" fn gorc_os_environ(out: *mut GoSlice) {
    let env = environ;
    let mut n = 0usize;
    if !env.is_null() {
        while !(*env.add(n)).is_null() {
            n += 1;
        }
    }
    strings_slice(out, env, n);
}
