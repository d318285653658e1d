//! Per-architecture code: the stack-switching primitives (`gogo`, `mcall`, `systemstack`'s
//! switch, `morestack`), frame-pointer access and signal-context access.
//!
//! Each architecture file provides the same items:
//!
//! * `gorc_gogo`, `gorc_gosave`, `gorc_mcall_switch`, `gorc_switch_call` (extern "C", assembly)
//! * `gorc_morestack`, `gorc_morestack_return`, `gorc_sigpanic`, `gorc_sigpanic_ret` (labels)
//! * `frame_pointer()`, `stack_pointer()`
//! * `ctx_pc/ctx_sp/ctx_fp(uc)` and `ctx_inject_call(uc, target)` for signal handlers.

#[cfg(target_arch = "x86_64")]
mod x86_64;
#[cfg(target_arch = "x86_64")]
pub use x86_64::*;
