//! The scheduler: Ps with local run queues, the global run queue, Ms that find work, steal it
//! or sleep, goroutine creation and exit, parking and readying (gc's proc.go, in miniature).
//! The run queues themselves are runq.rs, deadlock detection is deadlock.rs, and stopping the
//! world (runtime.GC, runtime.GOMAXPROCS) is stw.rs.
//!
//! Every switch goes through the two primitives of seed 002: a goroutine gives up its M with
//! `mcall(f)` (its state saved in `g.sched`, `f` running on the M's g0), and g0 resumes a
//! goroutine with `gogo`. `schedule()` runs on g0 and never returns: it finds a runnable G and
//! `gogo`s to it. There is no scheduler loop to return to; an M with nothing to do sleeps on
//! its note inside `schedule` and continues there when woken.
//!
//! Structures and locking:
//!
//! * `P` (GOMAXPROCS of them, fixed at startup): the right to run Go code. An M holds at most
//!   one (`m.p`). Its run queue is gc's lock-free ring (runq.rs): only the owner pushes
//!   (tail), anyone pops (CAS on head) and thieves take half. `runnext` holds the goroutine
//!   just readied by the running one (a channel partner), so ping-pong stays on one P.
//! * `SCHED`: global state under `SCHED.lock`: the global run queue, idle Ps and Ms, the free G
//!   list, the list of all Gs; counters read without the lock are atomics.
//! * A G's `status` says who may touch it: RUNNING — only its M; RUNNABLE — whoever dequeued
//!   it; WAITING — whoever dequeues its sudog (under the channel's lock) readies it.
//!
//! Idle Ms and lost wakeups (gc's "spinning" protocol): when work appears (`ready`, `newproc`)
//! and some P is idle and no M is spinning (looking for work), `wakep` starts one spinning M.
//! An M that stops spinning decrements `nmspinning` and only then looks at every run queue
//! once more before sleeping, so a G queued concurrently is always found by someone.
//!
//! Deadlock (deadlock.rs): when the last M goes idle (`stopm` → `checkdead`), no goroutine can
//! ever run again unless a timer is pending: gc's "all goroutines are asleep" fatal error.
//! sysmon runs the same check when firing its last pending timer made nothing runnable.

use core::ptr;
use core::sync::atomic::{AtomicI64, AtomicPtr, AtomicU32, AtomicUsize, Ordering};

use crate::deadlock::checkdead;
use crate::lock::{Mutex, Note};
use crate::runq::{globrunqget, globrunqput, runqempty, runqget, runqput, runqsteal, RUNQ};
use crate::sched::{self, current_m, G, M};
use crate::stw::{gcstopm, pidleput_or_stop, start_the_world, stop_the_world, GCWAITING};
use crate::{STACK_GUARD, STACK_PREEMPT};

pub const G_IDLE: u32 = 0;
pub const G_RUNNABLE: u32 = 1;
pub const G_RUNNING: u32 = 2;
pub const G_WAITING: u32 = 3;
pub const G_DEAD: u32 = 4;
/// In a system call or in C (cgocall.rs): its M runs code that is not Go, and its P, marked
/// P_SYSCALL, may be taken. `g.sched` holds the Go caller's context (pc, bp for tracebacks;
/// sp: where a callback's frames go).
pub const G_SYSCALL: u32 = 5;

/// Wait reasons, as gc prints them in goroutine headers (`goroutine 1 [chan receive]:`).
pub mod wait {
    pub const NONE: u8 = 0;
    pub const CHAN_RECEIVE: u8 = 1;
    pub const CHAN_SEND: u8 = 2;
    pub const SELECT: u8 = 3;
    pub const SELECT_NO_CASES: u8 = 4;
    pub const CHAN_RECEIVE_NIL: u8 = 5;
    pub const CHAN_SEND_NIL: u8 = 6;
    pub const SLEEP: u8 = 7;
    pub const SEMACQUIRE: u8 = 8;
    pub const MUTEX_LOCK: u8 = 9;
    pub const COND_WAIT: u8 = 10;
    pub const RUNNABLE: u8 = 11;
    pub const SYSCALL: u8 = 12;
}

pub static WAIT_REASONS: [&[u8]; 13] = [
    b"running",
    b"chan receive",
    b"chan send",
    b"select",
    b"select (no cases)",
    b"chan receive (nil chan)",
    b"chan send (nil chan)",
    b"sleep",
    b"semacquire",
    b"sync.Mutex.Lock",
    b"sync.Cond.Wait",
    b"runnable",
    b"syscall",
];

pub const P_IDLE: u32 = 0;
pub const P_RUNNING: u32 = 1;
pub const P_SYSCALL: u32 = 2;

/// Max free Gs a P keeps before moving half to the global list.
const GFREE_MAX: usize = 64;

/// A processor: the right to run Go code, and a run queue.
#[repr(C)]
pub struct P {
    pub id: usize,
    /// The M holding this P (null when idle). Read racily by sysmon.
    pub m: AtomicPtr<M>,
    /// P_IDLE, P_RUNNING, or P_SYSCALL while its M is in a blocking system call (syscall.rs):
    /// then sysmon or a stop-the-world may take the P with a CAS.
    pub status: AtomicU32,
    /// Incremented on every entersyscall; sysmon retakes a P seen in the same syscall twice.
    pub syscalltick: AtomicU32,
    sysmon_syscalltick: u32,
    /// When sysmon first saw the current system call (ns).
    sysmon_syscallwhen: i64,
    /// Link in the idle-P list (under SCHED.lock).
    pub(crate) link: *mut P,
    pub(crate) runqhead: AtomicU32,
    pub(crate) runqtail: AtomicU32,
    pub(crate) runq: [AtomicPtr<G>; RUNQ],
    pub(crate) runnext: AtomicPtr<G>,
    /// Incremented on every `execute`: sysmon sees a G running too long when it stays put.
    pub schedtick: AtomicU32,
    /// Dead Gs for reuse (only the owner touches them).
    gfree: *mut G,
    gfreecnt: usize,
    /// sysmon's last observation of schedtick, and when it made it (ns).
    sysmontick: u32,
    sysmonwhen: i64,
    /// Goroutine ids are handed out in batches of GOID_BATCH per P, as gc does, so the ids a
    /// program sees (`goroutine 5 [running]:`) are gc's when the schedule is the same.
    goidcache: i64,
    goidcacheend: i64,
}

const GOID_BATCH: i64 = 16;

pub(crate) struct Sched {
    pub(crate) lock: Mutex,
    // ---- under lock ----
    midle: *mut M,
    pub(crate) nmidle: usize,
    /// Ms created (all of them run Go code or look for it; sysmon is not counted).
    pub(crate) mcount: usize,
    pidle: *mut P,
    pub(crate) runqhead: *mut G,
    pub(crate) runqtail: *mut G,
    gfree: *mut G,
    ngfree: usize,
    /// Every G ever created, oldest first (gc's allgs order, which tracebacks follow).
    pub(crate) allg: *mut G,
    allg_tail: *mut G,
    // ---- atomics ----
    pub(crate) runqsize: AtomicUsize,
    npidle: AtomicU32,
    pub(crate) nmspinning: AtomicU32,
    /// Live goroutines (runtime.NumGoroutine).
    ngoroutines: AtomicI64,
    goidgen: AtomicI64,
}

struct SchedCell(core::cell::UnsafeCell<Sched>);
// Fields are protected as documented on `Sched`.
unsafe impl Sync for SchedCell {}

static SCHED: SchedCell = SchedCell(core::cell::UnsafeCell::new(Sched {
    lock: Mutex::new(),
    midle: ptr::null_mut(),
    nmidle: 0,
    mcount: 0,
    pidle: ptr::null_mut(),
    runqhead: ptr::null_mut(),
    runqtail: ptr::null_mut(),
    gfree: ptr::null_mut(),
    ngfree: 0,
    allg: ptr::null_mut(),
    allg_tail: ptr::null_mut(),
    runqsize: AtomicUsize::new(0),
    npidle: AtomicU32::new(0),
    nmspinning: AtomicU32::new(0),
    ngoroutines: AtomicI64::new(0),
    goidgen: AtomicI64::new(0),
}));

#[inline(always)]
pub(crate) fn sched() -> &'static mut Sched {
    unsafe { &mut *SCHED.0.get() }
}

/// All Ps (set once by `schedinit`).
pub(crate) static mut ALLP: *mut *mut P = ptr::null_mut();
pub(crate) static mut GOMAXPROCS: usize = 1;
/// Set once the program is dying (a panic or fatal error is being printed): Ms looking for
/// work stop, so the dying goroutine's output is not interleaved with others'.
pub static PANICKING: AtomicU32 = AtomicU32::new(0);
/// The main goroutine (for the deadlock report).
pub(crate) static mut MAIN_G: *mut G = ptr::null_mut();

pub fn gomaxprocs() -> usize {
    unsafe { GOMAXPROCS }
}

pub(crate) unsafe fn allp(i: usize) -> *mut P {
    *ALLP.add(i)
}

pub fn nanotime() -> i64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}

/// GOMAXPROCS: the environment variable if it is a positive number, else the CPUs this
/// process may run on.
unsafe fn initial_procs() -> usize {
    let v = libc::getenv(c"GOMAXPROCS".as_ptr());
    if !v.is_null() {
        let s = core::ffi::CStr::from_ptr(v).to_bytes();
        if let Ok(s) = core::str::from_utf8(s) {
            if let Ok(n) = s.trim().parse::<usize>() {
                if n > 0 {
                    return n.min(MAX_PROCS);
                }
            }
        }
    }
    let mut set: libc::cpu_set_t = core::mem::zeroed();
    if libc::sched_getaffinity(0, core::mem::size_of::<libc::cpu_set_t>(), &mut set) == 0 {
        let n = libc::CPU_COUNT(&set) as usize;
        if n > 0 {
            return n;
        }
    }
    1
}

/// The most Ps GOMAXPROCS may ask for.
pub const MAX_PROCS: usize = 256;

/// runtime.NumCPU: the CPUs this process may run on.
#[no_mangle]
pub extern "C" fn gorc_numcpu() -> i64 {
    unsafe {
        let mut set: libc::cpu_set_t = core::mem::zeroed();
        if libc::sched_getaffinity(0, core::mem::size_of::<libc::cpu_set_t>(), &mut set) == 0 {
            return (libc::CPU_COUNT(&set) as i64).max(1);
        }
    }
    1
}

pub(crate) fn newp(i: usize) -> *mut P {
    Box::into_raw(Box::new(P {
        id: i,
        m: AtomicPtr::new(ptr::null_mut()),
        status: AtomicU32::new(P_IDLE),
        syscalltick: AtomicU32::new(0),
        sysmon_syscalltick: 0,
        sysmon_syscallwhen: 0,
        link: ptr::null_mut(),
        runqhead: AtomicU32::new(0),
        runqtail: AtomicU32::new(0),
        runq: [const { AtomicPtr::new(ptr::null_mut()) }; RUNQ],
        runnext: AtomicPtr::new(ptr::null_mut()),
        schedtick: AtomicU32::new(0),
        gfree: ptr::null_mut(),
        gfreecnt: 0,
        sysmontick: 0,
        sysmonwhen: 0,
        goidcache: 0,
        goidcacheend: 0,
    }))
}

/// Creates the Ps; M0 (the caller, on the main thread) takes P0. Before any goroutine runs.
/// `ALLP` has room for MAX_PROCS; Ps are created when GOMAXPROCS first asks for them and
/// never freed (sysmon reads them without a lock).
pub unsafe fn schedinit(m0: *mut M) {
    let n = initial_procs();
    GOMAXPROCS = n;
    let v: Vec<*mut P> = (0..MAX_PROCS)
        .map(|i| if i < n { newp(i) } else { ptr::null_mut() })
        .collect();
    ALLP = Box::leak(v.into_boxed_slice()).as_mut_ptr();
    let s = sched();
    s.mcount = 1;
    sched::allm_add(m0);
    for i in (1..n).rev() {
        pidleput(allp(i));
    }
    acquirep(m0, allp(0));
}

/// Creates the main goroutine (goid 1) to start at `pc`, and starts sysmon. M0 then
/// `execute`s it.
pub unsafe fn newmain(pc: usize) -> *mut G {
    let g = sched::newg();
    allgadd(g);
    // P0 takes the first batch: 1 is main; gc's runtime starts three goroutines of its own
    // before main.main (forcegc, bgsweep, bgscavenge: 2, 3, 4), so user goroutines start at 5.
    sched().goidgen.store(GOID_BATCH, Ordering::Relaxed);
    let p0 = allp(0);
    (*p0).goidcache = 5;
    (*p0).goidcacheend = GOID_BATCH + 1;
    sched::reset_g(g, 1, pc, 0);
    sched().ngoroutines.store(1, Ordering::Relaxed);
    MAIN_G = g;
    crate::sysmon::start();
    g
}

/// A library's main goroutine ran the initialisers and exits (libinit.rs): no goroutine is
/// the main one any more.
#[cfg(not(test))]
pub(crate) unsafe fn forget_main_g() {
    MAIN_G = ptr::null_mut();
}

pub(crate) unsafe fn allgadd(g: *mut G) {
    let s = sched();
    s.lock.lock();
    (*g).alllink = ptr::null_mut();
    if s.allg_tail.is_null() {
        s.allg = g;
    } else {
        (*s.allg_tail).alllink = g;
    }
    s.allg_tail = g;
    s.lock.unlock();
}

// ---------------------------------------------------------------------------------------------
// P and M bookkeeping
// ---------------------------------------------------------------------------------------------

pub(crate) unsafe fn acquirep(m: *mut M, p: *mut P) {
    (*m).p = p;
    (*p).status.store(P_RUNNING, Ordering::SeqCst);
    (*p).m.store(m, Ordering::Release);
}

pub(crate) unsafe fn releasep(m: *mut M) -> *mut P {
    let p = (*m).p;
    (*p).status.store(P_IDLE, Ordering::SeqCst);
    (*p).m.store(ptr::null_mut(), Ordering::Release);
    (*m).p = ptr::null_mut();
    p
}

/// Under SCHED.lock.
pub(crate) unsafe fn pidleput(p: *mut P) {
    let s = sched();
    (*p).link = s.pidle;
    s.pidle = p;
    s.npidle.fetch_add(1, Ordering::SeqCst);
}

/// Under SCHED.lock. Taking an idle P is how work starts when every P was idle, so this is
/// where sysmon is woken from its deep sleep (`sysmon_wait_begin`).
pub(crate) unsafe fn pidleget() -> *mut P {
    let s = sched();
    let p = s.pidle;
    if !p.is_null() {
        s.pidle = (*p).link;
        s.npidle.fetch_sub(1, Ordering::SeqCst);
        if SYSMONWAIT.load(Ordering::SeqCst) != 0 {
            SYSMONWAIT.store(0, Ordering::SeqCst);
            crate::sysmon::wake();
        }
    }
    p
}

/// Set (under SCHED.lock) while sysmon sleeps because every P is idle (gc's sched.sysmonwait).
static SYSMONWAIT: AtomicU32 = AtomicU32::new(0);

/// sysmon: if every P is idle, records that sysmon is about to sleep until woken (the next
/// `pidleget` wakes it) and returns true. Nothing can need preempting or retaking then: a
/// goroutine runs, or a system call holds a P, only on a P that is not idle.
pub fn sysmon_wait_begin() -> bool {
    let s = sched();
    if s.npidle.load(Ordering::SeqCst) as usize != gomaxprocs() {
        return false; // the common case when busy, without the lock
    }
    s.lock.lock();
    let all = s.npidle.load(Ordering::SeqCst) as usize == gomaxprocs()
        && GCWAITING.load(Ordering::SeqCst) == 0;
    if all {
        SYSMONWAIT.store(1, Ordering::SeqCst);
    }
    s.lock.unlock();
    all
}

/// sysmon is awake again.
pub fn sysmon_wait_end() {
    let s = sched();
    s.lock.lock();
    SYSMONWAIT.store(0, Ordering::SeqCst);
    s.lock.unlock();
}

/// Under SCHED.lock.
unsafe fn mput(m: *mut M) {
    let s = sched();
    (*m).schedlink = s.midle;
    s.midle = m;
    s.nmidle += 1;
    checkdead();
}

/// Under SCHED.lock.
unsafe fn mget() -> *mut M {
    let s = sched();
    let m = s.midle;
    if !m.is_null() {
        s.midle = (*m).schedlink;
        s.nmidle -= 1;
    }
    m
}

// ---------------------------------------------------------------------------------------------
// Finding work, sleeping and waking Ms
// ---------------------------------------------------------------------------------------------

/// Starts an M spinning if a P is idle and nobody is looking for work already. Callable on any
/// stack (the M is started on g0).
pub fn wakep() {
    let s = sched();
    if s.npidle.load(Ordering::SeqCst) == 0 {
        return;
    }
    if s.nmspinning.load(Ordering::SeqCst) != 0
        || s.nmspinning
            .compare_exchange(0, 1, Ordering::SeqCst, Ordering::SeqCst)
            .is_err()
    {
        return;
    }
    sched::systemstack(|| unsafe { startm(ptr::null_mut(), true) });
}

/// Gives P `p` (or an idle one) to an idle or new M. `spinning`: the caller counted the new
/// M in nmspinning. On g0.
pub(crate) unsafe fn startm(mut p: *mut P, spinning: bool) {
    let s = sched();
    s.lock.lock();
    if p.is_null() {
        p = pidleget();
        if p.is_null() {
            s.lock.unlock();
            if spinning {
                s.nmspinning.fetch_sub(1, Ordering::SeqCst);
            }
            return;
        }
    }
    let m = mget();
    if m.is_null() {
        s.mcount += 1;
        s.lock.unlock();
        newm(p, spinning);
        return;
    }
    s.lock.unlock();
    (*m).spinning = spinning;
    (*m).nextp = p;
    (*m).park.wakeup();
}

const M_STACK: usize = 1 << 20;

/// Creates an OS thread running a new M that will hold `p`. On g0.
unsafe fn newm(p: *mut P, spinning: bool) {
    let m = Box::into_raw(Box::new(M::zeroed()));
    let g0 = Box::into_raw(Box::new(G::zeroed()));
    (*g0).m = m;
    (*m).g0 = g0;
    (*m).nextp = p;
    (*m).spinning = spinning;
    (*m).id = MNEXT.fetch_add(1, Ordering::Relaxed);
    sched::allm_add(m);
    let mut attr: libc::pthread_attr_t = core::mem::zeroed();
    libc::pthread_attr_init(&mut attr);
    libc::pthread_attr_setstacksize(&mut attr, M_STACK);
    libc::pthread_attr_setdetachstate(&mut attr, libc::PTHREAD_CREATE_DETACHED);
    let mut tid: libc::pthread_t = 0;
    if libc::pthread_create(&mut tid, &attr, mstart, m as *mut libc::c_void) != 0 {
        crate::panic::throw_str(b"runtime: failed to create new OS thread\n");
    }
    libc::pthread_attr_destroy(&mut attr);
}

static MNEXT: AtomicI64 = AtomicI64::new(1);

/// A new M's thread: its stack becomes g0's, then it schedules.
extern "C" fn mstart(arg: *mut libc::c_void) -> *mut libc::c_void {
    unsafe {
        let m = arg as *mut M;
        sched::set_current_m(m);
        let g0 = (*m).g0;
        let sp = crate::arch::stack_pointer();
        (*g0).stack_hi = sp + 512;
        (*g0).stack_lo = sp + 1024 - M_STACK + 16 * 1024;
        (*g0).stackguard0 = (*g0).stack_lo + STACK_GUARD;
        (*g0).sched.sp = (sp - 256) & !15;
        crate::signal::minit_signal_stack(m);
        // Block the signals sysmon and others do not handle here? Nothing to do: the process
        // handlers are installed once by M0.
        let p = (*m).nextp;
        (*m).nextp = ptr::null_mut();
        acquirep(m, p);
        schedule()
    }
}

/// Puts the M to sleep until another M hands it a P. On g0, holding no P.
pub(crate) unsafe fn stopm(m: *mut M) {
    let s = sched();
    s.lock.lock();
    mput(m);
    s.lock.unlock();
    (*m).park.sleep();
    (*m).park.clear();
    let p = (*m).nextp;
    (*m).nextp = ptr::null_mut();
    acquirep(m, p);
}

unsafe fn resetspinning(m: *mut M) {
    (*m).spinning = false;
    let n = sched().nmspinning.fetch_sub(1, Ordering::SeqCst) - 1;
    if n == 0 {
        // We were the last one looking: some other work may need an M too.
        wakep();
    }
}

/// Blocks the calling M forever (the program is dying on another M).
fn park_forever() -> ! {
    let n = Note::new();
    loop {
        n.sleep();
    }
}

/// The caller is about to print a fatal error or an unrecovered panic: stop the other Ms
/// from scheduling. Returns false if another M is dying already (the caller then waits for
/// it to exit the process).
pub fn start_panicking() -> bool {
    PANICKING.swap(1, Ordering::SeqCst) == 0
}

/// Blocks forever: another M is printing the program's death.
pub fn wait_for_death() -> ! {
    park_forever()
}

/// Finds a runnable goroutine for the current M, sleeping when there is none. On g0.
unsafe fn findrunnable(m: *mut M) -> *mut G {
    let s = sched();
    'top: loop {
        if PANICKING.load(Ordering::Relaxed) != 0 {
            park_forever();
        }
        if GCWAITING.load(Ordering::SeqCst) != 0 {
            gcstopm(m);
            continue 'top;
        }
        let p = (*m).p;
        // Fairness: now and then the global queue goes first.
        if (*p).schedtick.load(Ordering::Relaxed) % 61 == 0
            && s.runqsize.load(Ordering::Relaxed) > 0
        {
            s.lock.lock();
            let g = globrunqget(p, 1);
            s.lock.unlock();
            if !g.is_null() {
                return g;
            }
        }
        let g = runqget(p);
        if !g.is_null() {
            return g;
        }
        if s.runqsize.load(Ordering::Relaxed) > 0 {
            s.lock.lock();
            let g = globrunqget(p, 0);
            s.lock.unlock();
            if !g.is_null() {
                return g;
            }
        }
        // Steal, unless half the busy Ps already have a spinning M looking.
        let procs = gomaxprocs() as u32;
        if (*m).spinning
            || 2 * s.nmspinning.load(Ordering::SeqCst)
                < procs.saturating_sub(s.npidle.load(Ordering::SeqCst))
        {
            if !(*m).spinning {
                (*m).spinning = true;
                s.nmspinning.fetch_add(1, Ordering::SeqCst);
            }
            for round in 0..4 {
                let start = crate::alg::fastrand() as usize;
                for i in 0..procs as usize {
                    let p2 = allp((start + i) % procs as usize);
                    if p2 == p {
                        continue;
                    }
                    let g = runqsteal(p, p2, round == 3);
                    if !g.is_null() {
                        return g;
                    }
                }
            }
        }
        // Nothing: give up the P and sleep.
        s.lock.lock();
        if s.runqsize.load(Ordering::Relaxed) > 0 {
            let g = globrunqget(p, 0);
            s.lock.unlock();
            return g;
        }
        let p = releasep(m);
        pidleput_or_stop(p);
        s.lock.unlock();
        if (*m).spinning {
            (*m).spinning = false;
            s.nmspinning.fetch_sub(1, Ordering::SeqCst);
            // Look once more: a G may have been queued after our last look while we still
            // counted as spinning (so nobody woke an M for it).
            for i in 0..procs as usize {
                let p2 = allp(i);
                if !runqempty(p2) {
                    s.lock.lock();
                    let p = pidleget();
                    s.lock.unlock();
                    if !p.is_null() {
                        acquirep(m, p);
                        (*m).spinning = true;
                        s.nmspinning.fetch_add(1, Ordering::SeqCst);
                        continue 'top;
                    }
                    break;
                }
            }
        }
        // Sleep until woken (expiring timers are sysmon's: it readies their goroutines and
        // wakes an M).
        stopm(m);
    }
}

/// Runs on g0 and never returns: finds a goroutine and switches to it.
pub unsafe extern "C" fn schedule() -> ! {
    let m = current_m();
    if !(*m).lockedg.is_null() {
        // This M belongs to a locked goroutine: it runs nothing else and waits for it.
        let g = stoplockedm(m);
        execute(m, g);
    }
    loop {
        let g = findrunnable(m);
        if (*m).spinning {
            resetspinning(m);
        }
        if !(*g).lockedm.is_null() && (*g).lockedm != m {
            // Hand our P and the goroutine to its own M, wait for work ourselves, and look
            // again (a loop, not a call: g0's stack must not grow with every hand-off).
            startlockedm(m, g);
            continue;
        }
        execute(m, g)
    }
}

/// Runs `g` on `m`. On g0.
pub unsafe fn execute(m: *mut M, g: *mut G) -> ! {
    let p = (*m).p;
    if (*g).goid == 0 {
        (*g).goid = next_goid(p); // created without a P (newproc_nop)
    }
    (*g).status.store(G_RUNNING, Ordering::Relaxed);
    (*g).waitreason = wait::NONE;
    (*p).schedtick.fetch_add(1, Ordering::Relaxed);
    (*g).preempt.store(false, Ordering::Relaxed);
    (*g).stackguard0 = (*g).stack_lo + STACK_GUARD;
    sched::gogo(g)
}

// ---------------------------------------------------------------------------------------------
// LockOSThread
// ---------------------------------------------------------------------------------------------

/// Ms parked for their locked goroutine (gc's nmidlelocked); signed, see stoplockedm.
pub(crate) static LOCKED_IDLE: AtomicI64 = AtomicI64::new(0);

/// `m` is locked to a goroutine that is not running: give the P away and sleep until the
/// goroutine is handed back with a P. Returns it.
unsafe fn stoplockedm(m: *mut M) -> *mut G {
    let p = releasep(m);
    handoffp(p);
    stoplockedm_nop(m)
}

/// `g` is locked to another M: give that M our P and `g`, then find an M for us.
unsafe fn startlockedm(m: *mut M, g: *mut G) {
    let lm = (*g).lockedm;
    let p = releasep(m);
    (*lm).nextp = p;
    LOCKED_IDLE.fetch_sub(1, Ordering::SeqCst);
    (*lm).park.wakeup();
    stopm(m);
}

/// Passes P `p` to another M if there is work for it, else idles it. On g0.
pub(crate) unsafe fn handoffp(p: *mut P) {
    if !runqempty(p) {
        startm(p, false);
        return;
    }
    // The global queue is checked under the lock the P is idled under: a goroutine queued
    // there by an M that found no idle P (exitsyscall0) is then either seen here, or queued
    // after the P is idle, where that M finds it.
    let s = sched();
    s.lock.lock();
    if s.runqsize.load(Ordering::SeqCst) > 0 {
        s.lock.unlock();
        startm(p, false);
        return;
    }
    pidleput_or_stop(p);
    s.lock.unlock();
}

/// runtime.LockOSThread (no nesting count: Go 1.19's count only matters for Unlock pairs).
#[no_mangle]
pub unsafe extern "C" fn gorc_lockosthread() {
    let m = current_m();
    let g = (*m).curg;
    (*g).locked_by_user = true;
    (*m).lockedg = g;
    (*g).lockedm = m;
}

/// runtime.UnlockOSThread. The runtime's own lock stays (gc's internal count): a goroutine in
/// a callback from C, or an extra M's goroutine, must stay on its thread, whose stack holds
/// the C frames it returns to.
#[no_mangle]
pub unsafe extern "C" fn gorc_unlockosthread() {
    let m = current_m();
    let g = (*m).curg;
    (*g).locked_by_user = false;
    if (*m).cgo_callbacks == 0 && !(*m).extra {
        (*m).lockedg = ptr::null_mut();
        (*g).lockedm = ptr::null_mut();
    }
}

// ---------------------------------------------------------------------------------------------
// Goroutine creation and exit
// ---------------------------------------------------------------------------------------------

/// `go f(...)`: the compiler packs the call into a closure of no arguments (ARCHITECTURE.md);
/// the new goroutine calls it and exits. Called from Go code on the goroutine stack; the
/// work happens on g0.
#[no_mangle]
pub unsafe extern "C" fn gorc_newproc(closure: usize) {
    if closure == 0 {
        crate::panic::throw(b"go of nil func value");
    }
    let gopc = *((crate::arch::frame_pointer() + 8) as *const usize);
    sched::systemstack(|| newproc1(closure, gopc));
}

unsafe fn newproc1(closure: usize, gopc: usize) {
    let m = current_m();
    let p = (*m).p;
    let mut g = gfget(p);
    if g.is_null() {
        g = sched::newg();
        allgadd(g);
    }
    make_runnable(g, next_goid(p), closure, gopc);
    runqput(p, g, true);
    wakep();
}

/// Gives a new or recycled `g` its id and its start (calling `closure`, created at `gopc`),
/// counts it, and marks it runnable; the caller queues it.
unsafe fn make_runnable(g: *mut G, goid: i64, closure: usize, gopc: usize) {
    sched::reset_g(
        g,
        goid,
        crate::arch::gorc_gostart as *const () as usize,
        closure,
    );
    (*g).gopc = gopc;
    sched().ngoroutines.fetch_add(1, Ordering::Relaxed);
    (*g).status.store(G_RUNNABLE, Ordering::Release);
}

/// The next goroutine id from `p`'s batch. Only `p`'s owner calls this.
unsafe fn next_goid(p: *mut P) -> i64 {
    if (*p).goidcache == (*p).goidcacheend {
        let end = sched().goidgen.fetch_add(GOID_BATCH, Ordering::Relaxed) + GOID_BATCH;
        (*p).goidcache = end - GOID_BATCH + 1;
        (*p).goidcacheend = end + 1;
    }
    let goid = (*p).goidcache;
    (*p).goidcache += 1;
    goid
}

/// `go f()` from a thread without an M or a P (sysmon's timer callbacks: time.AfterFunc), as if
/// at `gopc`: the G comes from the global free list or is new and goes on the global run queue.
/// Its goid is 0 until it first runs: `execute` takes one from that P's batch, as gc's timers,
/// which run on a P, would have (so ids match gc's in the usual schedules).
pub unsafe fn newproc_nop(closure: usize, gopc: usize) {
    let s = sched();
    s.lock.lock();
    let mut g = s.gfree;
    if !g.is_null() {
        s.gfree = (*g).schedlink;
        s.ngfree -= 1;
    }
    s.lock.unlock();
    if g.is_null() {
        g = sched::newg();
        allgadd(g);
    }
    make_runnable(g, 0, closure, gopc);
    s.lock.lock();
    globrunqput(g);
    s.lock.unlock();
    startidle();
}

/// A dead G from `p`'s free list or the global one (null if none).
unsafe fn gfget(p: *mut P) -> *mut G {
    let p = &mut *p;
    if p.gfree.is_null() && !sched().gfree.is_null() {
        let s = sched();
        s.lock.lock();
        while p.gfreecnt < GFREE_MAX / 2 && !s.gfree.is_null() {
            let g = s.gfree;
            s.gfree = (*g).schedlink;
            s.ngfree -= 1;
            (*g).schedlink = p.gfree;
            p.gfree = g;
            p.gfreecnt += 1;
        }
        s.lock.unlock();
    }
    let g = p.gfree;
    if !g.is_null() {
        p.gfree = (*g).schedlink;
        p.gfreecnt -= 1;
    }
    g
}

unsafe fn gfput(p: *mut P, g: *mut G) {
    let p = &mut *p;
    (*g).schedlink = p.gfree;
    p.gfree = g;
    p.gfreecnt += 1;
    if p.gfreecnt >= GFREE_MAX {
        let s = sched();
        s.lock.lock();
        while p.gfreecnt > GFREE_MAX / 2 {
            let g = p.gfree;
            p.gfree = (*g).schedlink;
            p.gfreecnt -= 1;
            (*g).schedlink = s.gfree;
            s.gfree = g;
            s.ngfree += 1;
        }
        s.lock.unlock();
    }
}

/// The end of a goroutine: its function returned (from `gorc_gostart`) or it called
/// runtime.Goexit after running its deferred calls.
#[no_mangle]
pub unsafe extern "C" fn gorc_goexit1() -> ! {
    sched::mcall(goexit0);
    crate::panic::throw(b"runtime: goexit resumed")
}

/// On g0: the goroutine is dead; recycle it and schedule.
unsafe extern "C" fn goexit0(g: *mut G) -> ! {
    let m = current_m();
    (*g).status.store(G_DEAD, Ordering::Relaxed);
    (*m).curg = ptr::null_mut();
    (*g).m = ptr::null_mut();
    (*g).lockedm = ptr::null_mut();
    (*g).locked_by_user = false;
    (*m).lockedg = ptr::null_mut();
    let seg = (*g).first_seg;
    if !(*seg).next.is_null() {
        crate::stack::free_chain((*seg).next);
        (*seg).next = ptr::null_mut();
    }
    sched().ngoroutines.fetch_sub(1, Ordering::Relaxed);
    gfput((*m).p, g);
    schedule()
}

/// runtime.NumGoroutine.
#[no_mangle]
pub extern "C" fn gorc_numgoroutine() -> i64 {
    sched().ngoroutines.load(Ordering::Relaxed)
}

/// runtime.GOMAXPROCS(n): returns the previous setting and, for n ≥ 1, changes it with the
/// world stopped (gc's procresize).
#[no_mangle]
pub unsafe extern "C" fn gorc_gomaxprocs(n: i64) -> i64 {
    let old = gomaxprocs() as i64;
    if n < 1 || n == old {
        return old;
    }
    let n = (n as usize).min(MAX_PROCS);
    crate::stw::world_acquire();
    sched::systemstack(|| {
        let m = current_m();
        stop_the_world(m);
        start_the_world(m, n);
    });
    crate::stw::world_release();
    old
}

// ---------------------------------------------------------------------------------------------
// Parking, readying, yielding
// ---------------------------------------------------------------------------------------------

/// Called on g0 right after the goroutine's state is saved and before it may be readied: a
/// channel's unlock. Returns false to resume the goroutine at once instead of parking.
pub type UnlockFn = unsafe fn(g: *mut G, arg: *mut u8) -> bool;

thread_local! {
    static PARK: core::cell::Cell<(Option<UnlockFn>, usize)> = const { core::cell::Cell::new((None, 0)) };
}

/// Parks the calling goroutine (WAITING, with `reason`); `unlockf(g, arg)` runs on g0 once its
/// state is saved, so a waker that needs the lock it releases can only ready it after that.
/// Returns when some other goroutine `ready`s it, possibly on another M: callers must not keep
/// M-local state (thread-locals, `current_m()`) across this call.
#[inline(never)]
pub unsafe fn gopark(unlockf: Option<UnlockFn>, arg: *mut u8, reason: u8) {
    let m = current_m();
    let g = (*m).curg;
    (*g).waitreason = reason;
    PARK.with(|c| c.set((unlockf, arg as usize)));
    sched::mcall(park_m);
}

unsafe extern "C" fn park_m(g: *mut G) -> ! {
    let m = current_m();
    let (unlockf, arg) = PARK.with(|c| c.replace((None, 0)));
    (*g).status.store(G_WAITING, Ordering::Release);
    (*m).curg = ptr::null_mut();
    if let Some(f) = unlockf {
        if !f(g, arg as *mut u8) {
            (*g).status.store(G_RUNNING, Ordering::Relaxed);
            execute(m, g);
        }
    }
    schedule()
}

/// Makes a waiting goroutine runnable, next on the current P. Any stack; from an M without a
/// P (sysmon's timers) it goes to the global queue.
pub unsafe fn ready(g: *mut G) {
    (*g).status.store(G_RUNNABLE, Ordering::Release);
    let m = current_m();
    if m.is_null() || (*m).p.is_null() {
        let s = sched();
        s.lock.lock();
        globrunqput(g);
        s.lock.unlock();
        startidle();
    } else {
        runqput((*m).p, g, true);
        wakep();
    }
}

/// A thread without a P (sysmon's timers) put work on the global queue: start an M on an idle
/// P, if any (gc's injectglist → startIdle). `wakep` would not do: it starts nobody while an M
/// is spinning, and a spinning M may already have looked at the global queue (it looks under
/// SCHED.lock, before giving up its P) and be on its way to sleep, where it rechecks only the
/// local queues. Reading `npidle` after our own SCHED.lock section closes the gap: an M that
/// looked before we queued has made its P idle by then.
unsafe fn startidle() {
    if sched().npidle.load(Ordering::SeqCst) != 0 {
        sched::systemstack(|| startm(ptr::null_mut(), false));
    }
}

/// The system call returned but the P was taken (syscall.rs): run `g` on an idle P if there
/// is one, else queue it and wait for work. On g0; the M holds no P.
pub(crate) unsafe extern "C" fn exitsyscall0(g: *mut G) -> ! {
    let m = current_m();
    (*g).status.store(G_RUNNABLE, Ordering::Relaxed);
    (*m).curg = ptr::null_mut();
    let s = sched();
    s.lock.lock();
    let p = if GCWAITING.load(Ordering::SeqCst) == 0 {
        pidleget()
    } else {
        ptr::null_mut()
    };
    if p.is_null() {
        globrunqput(g);
    }
    s.lock.unlock();
    if !p.is_null() {
        acquirep(m, p);
        execute(m, g);
    }
    if (*g).lockedm == m {
        // Locked to this M (LockOSThread, or a cgo callback, whose C frames are on this
        // thread's stack): whoever dequeues it hands it back to us with a P.
        let g = stoplockedm_nop(m);
        execute(m, g);
    }
    stopm(m);
    schedule()
}

/// `stoplockedm` for an M that holds no P (exitsyscall0, or stoplockedm once its P is handed
/// off): sleep until `startlockedm` hands back the locked goroutine with a P. On g0.
unsafe fn stoplockedm_nop(m: *mut M) -> *mut G {
    // Counted only once the P (and any work queued on it) is in other hands, as gc's
    // stoplockedm does. The goroutine may already have been readied and handed back to us:
    // startlockedm's decrement may come first, so the count is signed and can be -1 briefly
    // (which only makes checkdead see more running Ms, never fewer).
    LOCKED_IDLE.fetch_add(1, Ordering::SeqCst);
    sched().lock.lock();
    checkdead();
    sched().lock.unlock();
    // startlockedm takes us out of LOCKED_IDLE before it wakes us, so that checkdead never
    // sees the handing-over M idle and us still counted as parked.
    (*m).park.sleep();
    (*m).park.clear();
    let p = (*m).nextp;
    (*m).nextp = ptr::null_mut();
    acquirep(m, p);
    (*m).lockedg
}

// ---------------------------------------------------------------------------------------------
// cgo support (cgocall.rs)
// ---------------------------------------------------------------------------------------------

/// Whether `schedinit` has run (a cgo callback before it is gc's `cgo callback before cgo
/// call`).
pub fn sched_ready() -> bool {
    unsafe { !ALLP.is_null() }
}

/// A new M id (extra Ms get theirs like any other).
pub fn next_mid() -> i64 {
    MNEXT.fetch_add(1, Ordering::Relaxed)
}

/// A fresh goroutine id from the global generator (an extra M's G gets a new one for every
/// callback; taken outside the per-P batches).
pub fn fresh_goid() -> i64 {
    sched().goidgen.fetch_add(1, Ordering::Relaxed) + 1
}

/// Adjusts the live-goroutine count (an extra M's G counts only during a callback).
pub fn ngoroutines_add(d: i64) {
    sched().ngoroutines.fetch_add(d, Ordering::Relaxed);
}

/// Counts a new extra M among the Ms (checkdead sees it as running, idle or not: a thread
/// that C created may call into Go at any time, so no state without goroutines to run is a
/// deadlock while one exists; gc counts its extra Ms the same way).
pub fn mcount_add_extra() {
    let s = sched();
    s.lock.lock();
    s.mcount += 1;
    s.lock.unlock();
}

/// An extra M leaving Go at the end of a callback: gives its P to another M if work is
/// queued, else idles it (or stops it, during a stop-the-world). On g0.
pub(crate) unsafe fn releasep_handoff(m: *mut M) {
    if !(*m).p.is_null() {
        let p = releasep(m);
        handoffp(p);
    }
}

/// Puts a goroutine that gave up its M to the global queue and schedules. On g0.
unsafe extern "C" fn gosched_m(g: *mut G) -> ! {
    let m = current_m();
    (*g).status.store(G_RUNNABLE, Ordering::Relaxed);
    (*m).curg = ptr::null_mut();
    let s = sched();
    s.lock.lock();
    globrunqput(g);
    s.lock.unlock();
    schedule()
}

/// runtime.Gosched.
#[no_mangle]
pub unsafe extern "C" fn gorc_gosched() {
    sched::mcall(gosched_m)
}

/// The preemption request reached a function prologue (`newstack`, on g0): `g.sched` holds
/// the resume point. The G goes to the back of the global queue.
pub unsafe fn gopreempt_m(g: *mut G) -> ! {
    gosched_m(g)
}

/// The loop back-edge check found `stackguard0 == STACK_PREEMPT`: yield here. Called from Go
/// code (System V, so every register Go code keeps across it survives the switch).
#[no_mangle]
pub unsafe extern "C" fn gorc_preempt_yield() {
    let m = current_m();
    let g = (*m).curg;
    if (*g).stackguard0 == STACK_PREEMPT {
        (*g).stackguard0 = (*g).stack_lo + STACK_GUARD;
    }
    sched::mcall(gosched_m)
}

/// Asks the goroutine running on `p` to yield at its next prologue or loop back-edge (sysmon;
/// racy by design: a stale request only causes one spurious yield).
pub unsafe fn preemptone(p: *mut P) {
    let m = (*p).m.load(Ordering::Acquire);
    if m.is_null() {
        return;
    }
    let g = ptr::read_volatile(&(*m).curg);
    if g.is_null() || g == (*m).g0 {
        return;
    }
    (*g).preempt.store(true, Ordering::Relaxed);
    ptr::write_volatile(&mut (*g).stackguard0, STACK_PREEMPT);
}

/// sysmon: asks the goroutines that have run for more than `limit` ns without rescheduling to
/// yield, and takes the Ps of Ms blocked in system calls. Returns how many Ps it took (gc's
/// retake: sysmon's back-off restarts when it did something).
pub unsafe fn retake(now: i64, limit: i64) -> usize {
    let s = sched();
    let mut n = 0;
    for i in 0..gomaxprocs() {
        let p = allp(i);
        if (*p).m.load(Ordering::Acquire).is_null() {
            continue;
        }
        if (*p).status.load(Ordering::SeqCst) == P_SYSCALL {
            // Blocked in a system call since sysmon's last look: hand the P to another M.
            let t = (*p).syscalltick.load(Ordering::SeqCst);
            if t != (*p).sysmon_syscalltick {
                (*p).sysmon_syscalltick = t;
                (*p).sysmon_syscallwhen = now;
                continue;
            }
            // Not when nothing waits for the P and other Ps are free, unless the call has
            // lasted 10 ms (gc's rule: sysmon polls every 20 µs when busy).
            if runqempty(p)
                && s.nmspinning.load(Ordering::SeqCst) + s.npidle.load(Ordering::SeqCst) > 0
                && now - (*p).sysmon_syscallwhen < 10_000_000
            {
                continue;
            }
            if (*p)
                .status
                .compare_exchange(P_SYSCALL, P_IDLE, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
            {
                (*p).m.store(ptr::null_mut(), Ordering::Release);
                n += 1;
                handoffp(p);
            }
            continue;
        }
        let t = (*p).schedtick.load(Ordering::Relaxed);
        if t != (*p).sysmontick {
            (*p).sysmontick = t;
            (*p).sysmonwhen = now;
        } else if now - (*p).sysmonwhen >= limit {
            preemptone(p);
            (*p).sysmonwhen = now;
        }
    }
    n
}
