//! The gorc runtime: linked into every program gorc builds.
//!
//! Who runs where (the rule every module follows):
//!
//! * **Goroutine stacks** are small mmapped segments (see `stack.rs`). Compiled Go code runs on
//!   them, and so do the runtime entry points it calls (`gorc_print*`, `gorc_alloc`, the string
//!   helpers, the panic entries). Those must be *leaf-sized*: together with the caller's frame they
//!   must fit in `STACK_GUARD` bytes, because Rust code has no split-stack prologue, and the
//!   memory below belongs to another goroutine. They use no `std` formatting, no big buffers,
//!   no unbounded recursion; `tests/stack_budget.rs` checks every entry point's deepest path on
//!   the machine code.
//! * **g0 stacks** are the OS thread stacks. Everything deep — printing a panic, walking the
//!   stack, growing the stack (`newstack`), the scheduler later — runs there, reached through
//!   `mcall` (never returns to the caller directly) or `systemstack` (returns).
//! * **The signal stack** (sigaltstack, per M) runs the signal handler. The handler either
//!   rewrites the interrupted context (a fault in Go code becomes a call to `sigpanic` on the
//!   goroutine stack) or prints a fatal error and exits, right there.
//!
//! Nothing in this crate allocates on a goroutine stack except through `malloc.rs`, whose fast
//! path is a bump pointer and whose slow path is a bare `mmap` system call.

#![allow(clippy::missing_safety_doc)]
#![allow(clippy::not_unsafe_ptr_arg_deref)]

pub mod alg;
pub mod arch;
pub mod atomic;
pub mod cgocall;
pub mod chan;
pub mod deadlock;
pub mod defer;
pub mod iface;
pub mod lock;
pub mod malloc;
pub mod map;
// Process arguments and environment come from entry (the C main), which tests leave out.
#[cfg(not(test))]
pub mod os;
pub mod panic;
pub mod print;
pub mod proc;
pub mod runq;
pub mod sched;
pub mod select;
pub mod sema;
pub mod signal;
pub mod stack;
pub mod string;
pub mod stw;
pub mod syscall;
pub mod sysmon;
pub mod timer;
pub mod traceback;
pub mod types;

#[cfg(not(test))]
pub mod entry;
#[cfg(not(test))]
pub mod libinit;

pub use types::{FuncInfo, GoString, PcLine, RuneNext, SlicePtrCap, TypeDesc};

/// The value the scheduler stores in `g.stackguard0` to ask the goroutine to yield at its next
/// function prologue: larger than any stack address, so the prologue's compare always fails.
pub const STACK_PREEMPT: usize = 0xffff_ffff_ffff_fade;
// The morestack fast path compares with it as a sign-extended 32-bit immediate.
const _: () = assert!(STACK_PREEMPT as i64 as i32 as i64 == STACK_PREEMPT as i64);

/// Frames of at most this many bytes use the short prologue (`cmp rsp, [r15+16]`): they may
/// go up to `STACK_SMALL` bytes below `stackguard0`.
pub const STACK_SMALL: usize = 128;

/// Size of the guard area at the low end of every segment (gc's `StackGuard` on linux/amd64).
/// A Go function whose check passed may use `STACK_SMALL` bytes below the guard, and then call
/// a runtime function: both must fit here (tests/stack_budget.rs). Runtime code that needs more
/// switches to g0 (`systemstack`).
pub const STACK_GUARD: usize = 928;

/// Bytes of the first segment of a goroutine (header and guard area included), which leaves
/// 688 bytes of Go frames before the first growth. The G follows it in the same block, and
/// blocks are packed: 100,000 goroutines take 100,000 of them (gc: 2 KiB stacks plus Gs).
/// Crossing into a cached next segment is cheap (arch: the morestack fast path), so a small
/// first segment costs little even to a goroutine that calls across its end in a loop.
pub const FIRST_SEGMENT_SIZE: usize = 1696;

/// A goroutine's segments may add up to at most this many bytes (gc's `maxstacksize` on
/// 64-bit systems).
pub const MAX_STACK: usize = 1_000_000_000;

/// Page size used for stack segments and the allocator's chunks.
pub const PAGE: usize = 4096;
