//! Synchronous signals (SIGSEGV, SIGBUS, SIGFPE; SIGILL from a trap instruction is always
//! fatal) on a per-M signal stack.
//!
//! The handler runs on the M's sigaltstack (never on a goroutine stack: it may have overflowed,
//! and never on g0: g0 may be in use). It decides:
//!
//! * fault in Go code (pc inside a `FuncInfo`), not on a stack guard page: record the signal in
//!   the M and rewrite the context so that the goroutine "calls" `gorc_sigpanic` with the faulting
//!   pc as return address. After the handler returns, sigpanic runs on the goroutine stack like
//!   any panic entry (the traceback includes the faulting frame).
//! * fault on a guard page of the goroutine's stack: `fatal error: stack overflow`, printed here.
//! * anything else: `fatal error: unexpected signal during runtime execution`, printed here.
//!
//! The handler never allocates and never returns into a fault it cannot fix.

use crate::arch;
use crate::panic::{self, Origin};
use crate::print::{gwrite, Buf};
use crate::sched;
use crate::stack;
use crate::traceback;

// si_code values (Linux).
const SEGV_MAPERR: i32 = 1;
const SEGV_ACCERR: i32 = 2;
const BUS_ADRERR: i32 = 2;
const FPE_INTDIV: i32 = 1;
const FPE_INTOVF: i32 = 2;

/// Bytes of each M's signal stack.
pub const SIGNAL_STACK_SIZE: usize = 64 << 10;

pub fn signame(sig: i32) -> &'static [u8] {
    match sig {
        libc::SIGSEGV => b"SIGSEGV: segmentation violation",
        libc::SIGBUS => b"SIGBUS: bus error",
        libc::SIGFPE => b"SIGFPE: floating-point exception",
        libc::SIGILL => b"SIGILL: illegal instruction",
        libc::SIGTRAP => b"SIGTRAP: trace trap",
        _ => b"signal",
    }
}

/// Gives the calling thread (its M) a signal stack. Runs on g0 at M start.
pub unsafe fn minit_signal_stack(m: *mut sched::M) {
    let p = libc::mmap(
        core::ptr::null_mut(),
        SIGNAL_STACK_SIZE,
        libc::PROT_READ | libc::PROT_WRITE,
        libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
        -1,
        0,
    );
    if p == libc::MAP_FAILED {
        panic::throw_str(b"runtime: cannot allocate the signal stack\n");
    }
    let ss = libc::stack_t {
        ss_sp: p,
        ss_flags: 0,
        ss_size: SIGNAL_STACK_SIZE,
    };
    libc::sigaltstack(&ss, core::ptr::null_mut());
    (*m).gsignal_lo = p as usize;
    (*m).gsignal_hi = p as usize + SIGNAL_STACK_SIZE;
}

/// Installs the handler for the synchronous signals (process-wide, once).
pub unsafe fn install_handlers() {
    for sig in [
        libc::SIGSEGV,
        libc::SIGBUS,
        libc::SIGFPE,
        libc::SIGILL,
        libc::SIGTRAP,
    ] {
        let mut sa: libc::sigaction = core::mem::zeroed();
        sa.sa_sigaction = sighandler as *const () as usize;
        // SA_NODEFER: a fault inside the handler (a traceback reading a corrupt stack)
        // re-enters it, sees the M dying and exits with a message instead of a bare SIGSEGV.
        sa.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK | libc::SA_RESTART | libc::SA_NODEFER;
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(sig, &sa, core::ptr::null_mut());
    }
}

unsafe extern "C" fn sighandler(sig: i32, info: *mut libc::siginfo_t, uc: *mut libc::c_void) {
    let pc = arch::ctx_pc(uc);
    let sp = arch::ctx_sp(uc);
    let fp = arch::ctx_fp(uc);
    let addr = (*info).si_addr() as usize;
    let code = (*info).si_code;
    let m = sched::current_m();
    if m.is_null() {
        // A thread without an M: one that C created, outside a callback (cgocall.rs), or
        // sysmon. Nothing of Go's is running here: the signal gets its default action, as if
        // the runtime had no handler (these signals are all fatal by default).
        forward_default(sig);
        return;
    }
    if (*m).dying > 0 {
        gwrite(b"fatal error: unexpected signal while crashing\n");
        panic::exit(2);
    }
    let g = (*m).curg;
    if !g.is_null()
        && (*g).status.load(core::sync::atomic::Ordering::Relaxed) == crate::proc::G_SYSCALL
        && traceback::find_func(pc).is_none()
    {
        // A fault in C code called from Go (cgocall.rs): gc's fatal error, and the
        // goroutine's traceback from the Go code that called C (g.sched).
        panic::start_dying();
        gwrite(b"fatal error: unexpected signal during runtime execution\n");
        panic::signal_line(sig, code, addr, pc);
        let mut b = Buf::<48>::new();
        b.push_bytes(b"\ngoroutine ");
        b.int((*g).goid);
        b.push_bytes(b" [syscall]:\n");
        gwrite(b.as_bytes());
        traceback::traceback(g, (*g).sched.pc, (*g).sched.bp, false);
        traceback::print_created_by(&*g);
        panic::exit(2);
    }
    let origin = Origin {
        pc,
        fp,
        exact: true,
    };

    if (sig == libc::SIGSEGV || sig == libc::SIGBUS)
        && (stack::in_guard_page(g, addr) || stack::in_guard_page(g, sp))
    {
        panic::start_dying();
        let mut b = Buf::<128>::new();
        b.push_bytes(b"runtime: stack guard page hit: sp=");
        b.hex(sp as u64);
        b.push_bytes(b" addr=");
        b.hex(addr as u64);
        b.push_bytes(b"\nfatal error: stack overflow\n\n");
        gwrite(b.as_bytes());
        traceback::print_goroutine(g, pc, fp, true);
        panic::exit(2);
    }

    if sig == libc::SIGTRAP {
        // runtime.Breakpoint (an int3), or a debugger's trap without a debugger: gc's crash.
        panic::fatal_sigtrap(origin, code, pc);
    }

    let on_g_stack = !g.is_null() && !stack::segment_containing(g, sp).is_null();
    let panics = sig == libc::SIGSEGV || sig == libc::SIGBUS || sig == libc::SIGFPE;
    if panics && on_g_stack && traceback::find_func(pc).is_some() {
        (*m).sig = sig;
        (*m).sigcode = code;
        (*m).sigaddr = addr;
        (*m).sigpc = pc;
        arch::ctx_inject_call(uc, arch::gorc_sigpanic as *const () as usize);
        return;
    }
    panic::fatal_signal(origin, false, sig, code, addr, pc);
}

/// Gives `sig` its default disposition and raises it again on this thread (a synchronous
/// fault would simply recur on return; raising it covers the trap signals too).
unsafe fn forward_default(sig: i32) {
    let mut sa: libc::sigaction = core::mem::zeroed();
    sa.sa_sigaction = libc::SIG_DFL;
    libc::sigemptyset(&mut sa.sa_mask);
    libc::sigaction(sig, &sa, core::ptr::null_mut());
    libc::raise(sig);
}

/// runtime.Breakpoint: a breakpoint trap, which without a debugger crashes the program as
/// gc's does (`SIGTRAP: trace trap`, see the handler).
#[no_mangle]
pub extern "C" fn gorc_breakpoint() {
    arch::breakpoint();
}

/// The Rust half of `gorc_sigpanic`, on the goroutine stack, "called" from the faulting
/// instruction. Turns the recorded signal into gc's panic.
pub unsafe extern "C" fn gorc_sigpanic_go() -> ! {
    let m = sched::current_m();
    let (sig, code, addr, pc) = ((*m).sig, (*m).sigcode, (*m).sigaddr, (*m).sigpc);
    let o = Origin::here(arch::frame_pointer());
    // gc's sigpanic: small fault addresses are nil dereferences, anything else is fatal.
    let nil_fault = match sig {
        libc::SIGSEGV => (code == 0 || code == SEGV_MAPERR || code == SEGV_ACCERR) && addr < 0x1000,
        libc::SIGBUS => code == BUS_ADRERR && addr < 0x1000,
        _ => false,
    };
    if nil_fault {
        panic::panicmem(o, sig, code, addr, pc);
    }
    match sig {
        libc::SIGSEGV | libc::SIGBUS => {
            sched::systemstack(move || panic::fatal_signal(o, true, sig, code, addr, pc));
            panic::exit(2)
        }
        // gc on amd64 checks divisors explicitly, so its output has no [signal] line here
        // either.
        libc::SIGFPE => match code {
            FPE_INTDIV => panic::panic_runtime_error(b"integer divide by zero"),
            FPE_INTOVF => panic::panic_runtime_error(b"integer overflow"),
            _ => panic::panic_runtime_error(b"floating point error"),
        },
        _ => {
            sched::systemstack(move || panic::fatal_signal(o, false, sig, code, addr, pc));
            panic::exit(2)
        }
    }
}
