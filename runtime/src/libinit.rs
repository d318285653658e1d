//! Start-up of a Go program built as a C library (`gorc build -buildmode=c-archive` or
//! `c-shared`): gc's `_rt0_amd64_lib` and `_cgo_wait_runtime_init_done`, our way.
//!
//! The library carries an ELF constructor (an `.init_array` entry the driver adds, in a small
//! C object of its own, so that executables never run it) calling `_gorc_lib_init(argc, argv,
//! envp)`. glibc runs it when the library is loaded: before the C program's `main` for a
//! c-archive or a c-shared library the program was linked with, inside `dlopen` for one loaded
//! later; in every case with the process's arguments (os.Args, as in gc).
//!
//! 1. `_gorc_lib_init`, on the loading thread: records the arguments, marks the program a
//!    library (`checkdead` is off: C may call in at any time, as gc's `islibrary`), installs
//!    the signal handlers (gc's `libpreinit`), and starts a thread of its own, then returns
//!    at once: the loading thread is the C program's, and never becomes an M.
//! 2. That thread (`lib_main`) becomes M0: its pthread stack is g0's, and `entry::start_m0`
//!    creates the Ps and sysmon, and the main goroutine (goid 1), starting at
//!    `_gorc_lib_start`.
//! 3. `_gorc_lib_start` (assembly, the goroutine's first frame) runs the package initialisers
//!    (`gorc_main_init`) — never `main.main` —, then `gorc_lib_initdone`, which wakes the
//!    threads waiting for initialisation, and exits the goroutine (`gorc_goexit1`); M0 goes
//!    on scheduling like any M.
//!
//! `_gorc_lib_init` and `_gorc_lib_start` (like the executable's `_gorc_rt_main`) run on
//! thread stacks: they do not carry the `gorc_` prefix of the entry points compiled Go code
//! calls on goroutine stacks (tests/stack_budget.rs checks those).
//!
//! An exported function called from C goes through crosscall2, whose `cgo_getm` gives a thread
//! without an M one (`needm`): before that, such a thread waits here (`wait_init_done`) until
//! step 3 is over — gc's two waits, for the runtime and for `main_init_done`, in one. A thread
//! that has an M is running Go already (an initialiser calling C calling Go): it does not wait.

use core::sync::atomic::{AtomicBool, AtomicU32, Ordering};

extern "C" {
    fn _gorc_lib_start();
}

static IS_LIBRARY: AtomicBool = AtomicBool::new(false);
/// 1 once the package initialisers have run; a futex word the waiters sleep on.
static INIT_DONE: AtomicU32 = AtomicU32::new(0);

/// The program is a c-archive or c-shared library.
pub fn is_library() -> bool {
    IS_LIBRARY.load(Ordering::Relaxed)
}

/// The library's constructor (see the module comment, step 1). On the loading thread.
#[no_mangle]
pub unsafe extern "C" fn _gorc_lib_init(
    argc: i32,
    argv: *const *const libc::c_char,
    _envp: *const *const libc::c_char,
) {
    if IS_LIBRARY.swap(true, Ordering::SeqCst) {
        return;
    }
    if !argv.is_null() && argc > 0 {
        crate::entry::ARGC = argc;
        crate::entry::ARGV = argv;
    }
    crate::signal::install_handlers();
    let mut attr: libc::pthread_attr_t = core::mem::zeroed();
    libc::pthread_attr_init(&mut attr);
    // M0's g0 stack: as big as a main thread's usually is.
    libc::pthread_attr_setstacksize(&mut attr, 8 << 20);
    libc::pthread_attr_setdetachstate(&mut attr, libc::PTHREAD_CREATE_DETACHED);
    let mut tid: libc::pthread_t = 0;
    let mut err = 0;
    for tries in 0..20u32 {
        err = libc::pthread_create(&mut tid, &attr, lib_main, core::ptr::null_mut());
        if err != libc::EAGAIN {
            break;
        }
        libc::usleep((tries + 1) * 1000);
    }
    libc::pthread_attr_destroy(&mut attr);
    if err != 0 {
        crate::print::gwrite(b"runtime: failed to create the runtime's first thread\n");
        libc::abort();
    }
}

/// The library's M0 thread (step 2): its stack is g0's.
extern "C" fn lib_main(_: *mut libc::c_void) -> *mut libc::c_void {
    unsafe {
        let mut attr: libc::pthread_attr_t = core::mem::zeroed();
        let mut addr: *mut libc::c_void = core::ptr::null_mut();
        let mut size: usize = 0;
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) == 0 {
            libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
            libc::pthread_attr_destroy(&mut attr);
        }
        let (lo, hi) = if addr.is_null() || size == 0 {
            let sp = crate::arch::stack_pointer();
            (sp - (256 << 10), sp + 512)
        } else {
            // Leave the guard page and glibc's bookkeeping at the bottom alone.
            (addr as usize + (16 << 10), addr as usize + size)
        };
        crate::entry::start_m0(lo, hi, _gorc_lib_start as *const () as usize)
    }
}

/// The package initialisers have run (step 3): wake the threads waiting in `wait_init_done`.
/// On the main goroutine's stack (leaf-sized: a store and a system call).
#[no_mangle]
pub unsafe extern "C" fn gorc_lib_initdone() {
    // The goroutine exits next: it is no "main goroutine" to list first in tracebacks.
    crate::proc::forget_main_g();
    INIT_DONE.store(1, Ordering::SeqCst);
    libc::syscall(
        libc::SYS_futex,
        &INIT_DONE as *const AtomicU32,
        libc::FUTEX_WAKE | libc::FUTEX_PRIVATE_FLAG,
        i32::MAX,
    );
}

/// Before a thread without an M calls into Go: in a library, wait until the package
/// initialisers have run. On the C thread's stack. Returns at once in an executable.
pub fn wait_init_done() {
    if !is_library() {
        return;
    }
    while INIT_DONE.load(Ordering::SeqCst) == 0 {
        unsafe {
            libc::syscall(
                libc::SYS_futex,
                &INIT_DONE as *const AtomicU32,
                libc::FUTEX_WAIT | libc::FUTEX_PRIVATE_FLAG,
                0u32,
                core::ptr::null::<libc::timespec>(),
            );
        }
    }
}

// The library's main goroutine (step 3). Entered by gogo with r15 = g, rsp at the top of the
// first segment and rbp = 0, as gorc_main_start.
core::arch::global_asm!(
    r#"
    .text
    .globl _gorc_lib_start
    .type _gorc_lib_start, @function
    .p2align 4
_gorc_lib_start:
    push rbp
    mov rbp, rsp
    call {init}
    call {done}
    call {goexit1}
    ud2
    .size _gorc_lib_start, . - _gorc_lib_start
"#,
    init = sym crate::entry::gorc_main_init,
    done = sym gorc_lib_initdone,
    goexit1 = sym crate::proc::gorc_goexit1,
);
