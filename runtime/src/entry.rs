//! Program entry: the C `main` an executable starts in, and the start of M0 shared with a
//! library's start-up (libinit.rs).
//!
//! `main` is a *weak* symbol (defined in assembly below) that jumps to `_gorc_rt_main`: an
//! executable gorc links gets it from the runtime archive, while a C program linking a
//! `-buildmode=c-archive` library defines its own `main`, which wins without a clash (and a
//! `-buildmode=c-shared` library hides the runtime's symbols, `main` included).
//!
//! `_gorc_rt_main` runs on the process's main thread stack, which becomes M0's g0 stack. It sets
//! up M0 and g0, the signal stack and handlers, the Ps (M0 takes P0) and sysmon, creates the
//! main goroutine (goid 1) with a small first segment and `gogo`s into it. The main goroutine
//! starts in `gorc_main_start` (arch assembly): it calls the compiler's `gorc_main_init` and
//! `main.main` with r15 = g (set by gogo) and exits with status 0 when `main.main` returns.

use core::ptr;

use crate::sched::{self, G, M};

extern "C" {
    pub fn gorc_main_init();
    #[link_name = "main.main"]
    pub fn go_main_main();
    fn gorc_main_start();
}

/// The process arguments (os.Args): `main`'s, or those glibc hands a library's constructor.
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

// The executable's entry point. Weak, so that a C program's own `main` wins over it when a
// c-archive is linked into that program.
core::arch::global_asm!(
    r#"
    .text
    .weak main
    .type main, @function
    .p2align 4
main:
    jmp {rt_main}
    .size main, . - main
"#,
    rt_main = sym _gorc_rt_main,
);

/// The executable's C `main` (through the weak `main` above).
#[no_mangle]
pub unsafe extern "C" fn _gorc_rt_main(argc: i32, argv: *const *const libc::c_char) -> i32 {
    ARGC = argc;
    ARGV = argv;
    crate::signal::install_handlers();
    let sp = crate::arch::stack_pointer();
    let (lo, hi) = thread_stack_bounds(sp);
    start_m0(lo, hi, gorc_main_start as *const () as usize)
}

/// Makes the calling thread M0, with g0 on its stack (`lo`..`hi`), creates the Ps, sysmon and the main goroutine, which starts at `start`, and runs
/// it. Signal handlers are installed already.
pub(crate) unsafe fn start_m0(lo: usize, hi: usize, start: usize) -> ! {
    let sp = crate::arch::stack_pointer();
    let m: *mut M = Box::into_raw(Box::new(M::zeroed()));
    let g0: *mut G = Box::into_raw(Box::new(G::zeroed()));
    (*g0).stack_lo = lo;
    (*g0).stack_hi = hi;
    (*g0).stackguard0 = lo + crate::STACK_GUARD;
    (*g0).m = m;
    (*m).g0 = g0;
    sched::set_current_m(m);

    crate::signal::minit_signal_stack(m);

    crate::proc::schedinit(m);
    let g = crate::proc::newmain(start);
    crate::cgocall::newextram_at_start();
    // g0 code (mcall, systemstack, newstack) starts below this frame: everything below the
    // current sp is dead once we leave through gogo.
    (*g0).sched.sp = (sp - 256) & !15;
    crate::proc::execute(m, g)
}
