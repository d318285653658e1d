//! Program entry: the C `main` the executable starts in.
//!
//! `main` runs on the process's main thread stack, which becomes M0's g0 stack. It sets up M0
//! and g0, the signal stack and handlers, the Ps (M0 takes P0) and sysmon, creates the main
//! goroutine (goid 1) with a small first segment and `gogo`s into it. The main goroutine starts in `gorc_main_start` (arch assembly):
//! it calls the compiler's `gorc_main_init` and `main.main` with r15 = g (set by gogo) and exits
//! with status 0 when `main.main` returns.

use core::ptr;

use crate::sched::{self, G, M};

extern "C" {
    pub fn gorc_main_init();
    #[link_name = "main.main"]
    pub fn go_main_main();
    fn gorc_main_start();
}

/// The process arguments, for os.Args later.
pub static mut ARGC: i32 = 0;
pub static mut ARGV: *const *const libc::c_char = ptr::null();

/// The number of process arguments (os.Args later).
#[no_mangle]
pub unsafe extern "C" fn gorc_nargs() -> i64 {
    ARGC as i64
}

/// Process argument `i` (0 ≤ i < gorc_nargs()), not copied.
#[no_mangle]
pub unsafe extern "C" fn gorc_arg(i: i64) -> crate::types::GoString {
    if i < 0 || i >= ARGC as i64 {
        return crate::types::GoString::EMPTY;
    }
    let p = *ARGV.add(i as usize) as *const u8;
    crate::types::GoString {
        ptr: p,
        len: libc::strlen(p as *const libc::c_char),
    }
}

/// `main.main` returned: exit 0, flushing nothing.
pub unsafe extern "C" fn main_exit() -> ! {
    crate::panic::exit(0)
}

/// Bounds of the thread stack we are on, generously: from below the rlimit (or 8 MiB) under
/// the current sp up to a little above it (the part above holds argv and the environment).
fn thread_stack_bounds(sp: usize) -> (usize, usize) {
    let mut rl: libc::rlimit = unsafe { core::mem::zeroed() };
    let mut size = 8 << 20;
    if unsafe { libc::getrlimit(libc::RLIMIT_STACK, &mut rl) } == 0
        && rl.rlim_cur != libc::RLIM_INFINITY
        && (rl.rlim_cur as usize) >= (256 << 10)
        && (rl.rlim_cur as usize) <= (1 << 30)
    {
        size = rl.rlim_cur as usize;
    }
    (sp.saturating_sub(size - (64 << 10)), sp + (64 << 10))
}

#[no_mangle]
pub unsafe extern "C" fn main(argc: i32, argv: *const *const libc::c_char) -> i32 {
    ARGC = argc;
    ARGV = argv;

    let sp = crate::arch::stack_pointer();
    let m: *mut M = Box::into_raw(Box::new(M::zeroed()));
    let g0: *mut G = Box::into_raw(Box::new(G::zeroed()));
    let (lo, hi) = thread_stack_bounds(sp);
    (*g0).stack_lo = lo;
    (*g0).stack_hi = hi;
    (*g0).stackguard0 = lo + crate::STACK_GUARD;
    (*g0).m = m;
    (*m).g0 = g0;
    sched::set_current_m(m);

    crate::signal::minit_signal_stack(m);
    crate::signal::install_handlers();

    crate::proc::schedinit(m);
    let g = crate::proc::newmain(gorc_main_start as *const () as usize);
    // g0 code (mcall, systemstack, newstack) starts below this frame: everything below the
    // current sp is dead once we leave through gogo.
    (*g0).sched.sp = (sp - 256) & !15;
    crate::proc::execute(m, g)
}
