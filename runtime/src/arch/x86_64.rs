//! x86_64 (System V) primitives.
//!
//! Register conventions shared with compiled Go code (ARCHITECTURE.md): r15 holds the current
//! G in Go code (callee-saved in C, so Rust and C preserve it, but Rust code may use it for
//! other values inside a function body: Rust never reads g from r15, it uses `CURRENT_M`).
//! The assembly below reads and writes r15 directly.

use core::mem::offset_of;

use crate::sched::{Gobuf, MoreStack, G, M};
use crate::stack::Segment;

extern "C" {
    /// Jumps to the context saved in `buf` (which is `&g.sched` of some G): sets r15 to that G,
    /// sp, bp and pc from the buffer (rdx from `ctxt`). Never returns.
    pub fn gorc_gogo(buf: *mut Gobuf) -> !;
    /// Records the caller's sp (after the return), pc (the return address) and bp in `buf`,
    /// without saving callee-saved registers: it marks a stack position (as cgo does with
    /// g0's sched), it is not a setjmp.
    pub fn gorc_gosave(buf: *mut Gobuf);
    /// The assembly half of `mcall`: pushes the callee-saved registers on the current stack,
    /// saves sp/bp and a resume pc in `g.sched`, switches to `g0sp` and calls `f(g)`.
    /// `gogo(&g.sched)` later pops the registers and returns from this call.
    pub fn gorc_mcall_switch(g: *mut G, g0sp: usize, f: unsafe extern "C" fn(*mut G) -> !);
    /// Switches to the stack at `sp` (16-byte aligned), calls `f(arg)` there, switches back.
    /// The frame-pointer chain from `f` leads back to the caller's stack.
    pub fn gorc_switch_call(sp: usize, f: unsafe extern "C" fn(*mut u8), arg: *mut u8);
    /// The split-stack slow path, jumped to by function prologues (see below).
    pub fn gorc_morestack();
    /// Resume point: restores the argument registers saved in g.morestack and enters the body.
    pub fn gorc_morestack_resume();
    /// Where a function that runs at the top of a new segment returns to.
    pub fn gorc_morestack_return();
    /// The frame the signal handler makes a faulting Go function "call".
    pub fn gorc_sigpanic();
    /// The return address inside `gorc_sigpanic` (for the traceback: the frame above it is
    /// the faulting one, whose pc is exact, not a return address).
    pub fn gorc_sigpanic_ret();
    /// Calls the deferred closure `f` for a panic, from Rust on the goroutine stack: sets
    /// r15 = g and g.ctxt = f, stores this frame's fp in `*argp` (recover compares with it)
    /// and saves the callee-saved registers Go code does not preserve.
    pub fn gorc_calldeferred(g: *mut G, f: usize, argp: *mut usize);
    /// Jumps to a recovering frame's landing pad: r15 = g, rsp = sp, rbp = fp, rax = 1.
    pub fn gorc_recovery_jump(g: *mut G, sp: usize, fp: usize, pc: usize) -> !;
    /// Enters `gorc_gopanic(typ, data)` as if the Go code whose return address is at
    /// `ret_slot` (and whose frame pointer is `bp`) had called it: the runtime frames below
    /// that slot are dropped, so a panic raised deep in the runtime runs its deferred calls
    /// with the whole guard area to spare.
    pub fn gorc_gopanic_from(
        typ: *const crate::TypeDesc,
        data: *const u8,
        ret_slot: usize,
        bp: usize,
    ) -> !;
    /// A new goroutine's first frame (its `g.sched.pc`); entered by gogo with rdx = the
    /// closure to call (`g.sched.ctxt`).
    pub fn gorc_gostart();
    /// cgo (the section at the end of this file, and cgocall.rs).
    pub fn gorc_cgocall(f: unsafe extern "C" fn(*mut u8) -> i32, frame: *mut u8) -> i32;
    pub fn crosscall2(f: usize, frame: *mut u8, size: i32, ctxt: usize);
    pub fn cgocallback_callgo(g: *mut G, f: usize, frame: *mut u8);
}

/// A breakpoint trap (int3: SIGTRAP).
#[inline(always)]
pub fn breakpoint() {
    unsafe { core::arch::asm!("int3") };
}

/// The time-stamp counter (a cheap seed).
#[inline(always)]
pub fn cycles() -> u64 {
    unsafe { core::arch::x86_64::_rdtsc() }
}

// ---------------------------------------------------------------------------------------------
// gorc_morestack: entered by a `jmp` from a function's prologue when sp is below stackguard0.
//
//   entry: rsp as at the function's entry ([rsp] = return address into the caller, stack
//          arguments above it), rax = body address, r10 = frame size, r11 = stack-argument
//          bytes, rdi rsi rdx rcx r8 r9 xmm0-7 = the function's arguments, r15 = g, rbp = the
//          caller's frame pointer.
//
// Fast path, for the call that crosses into a segment cached by an earlier crossing (the
// common case of a call at a segment boundary in a loop): when the function has no stack
// arguments, no preemption is requested and the cached segment is big enough, it makes that
// segment current and calls the body at its top right here, touching no argument register.
//
// Otherwise it stores everything in a MoreStack record MORESTACK_RECORD bytes below rsp, on the
// goroutine's stack (in its guard area: the caller's check passed, so rsp is at most
// STACK_SMALL below stackguard0, and tests/stack_budget.rs counts the record in the guard's
// budget), points g.morestack at it (one morestack per G can be in flight), switches to g0's
// stack (g0.sched.sp) and calls gorc_newstack(g) there. For growth, newstack returns the sp
// the body must start with: a slot on the new segment for the return address, with the stack
// arguments copied above it. Back on the goroutine's stack the assembly restores rbp, the
// argument and callee-saved registers and *calls* the body from that slot, so that the body
// returns to gorc_morestack_return, right after the call. Calls and returns stay paired: the
// CPU's return-address predictor is right when the body returns and again when
// gorc_morestack_return returns to the real caller (a `jmp` into the body would cost two
// mispredicted returns at every crossing of a segment boundary).
//
// gorc_morestack_return: the body `ret`s here, on the new segment, with the results in rax, rdx,
// xmm0, xmm1 (preserved). It makes the previous segment current again (stack_lo, stack_hi and,
// unless a preemption request is pending, stackguard0) and returns to the real return address
// from the sp saved in the segment header. Uses only rcx, rsi, rdi, r8 (not result registers).
// The new segment stays cached as prev.next for the next crossing.
//
// gorc_morestack_resume: where a goroutine preempted in its prologue resumes (newstack parks
// it with g.sched = { sp: morestack.sp, pc: gorc_morestack_resume, bp: morestack.bp }). With
// r15 = g and rsp = the function's entry sp, it restores rbp, the argument registers and the
// callee-saved rbx, r12-r14 from *g.morestack and jumps to the body (the scheduler ran on this
// thread in between, and a System V function may have been entered with live callee-saved
// registers).
//
// gorc_gostart: a new goroutine's first frame. gogo enters it with r15 = g, rsp at the top of
// the first segment ([rsp] = 0, the end of every traceback), rbp = 0 and rdx = the closure
// (g.sched.ctxt). It calls the closure as compiled code calls a func value (closure in
// g.ctxt, winch convention: nothing survives but r15) and then gorc_goexit1, which never
// returns.
//
// gorc_gogo / gorc_mcall_switch: mcall pushes rbp, rbx, r12-r15 on the goroutine stack, so that
// resuming through gogo restores exactly what the System V ABI says a call preserves.
// ---------------------------------------------------------------------------------------------
core::arch::global_asm!(
    r#"
    .text

    // Loads rbp, the callee-saved rbx and r12-r14 and the argument registers from the
    // MoreStack record g.morestack points at, leaving its address in r11 (for ms_body).
    .macro gorc_ms_restore
    mov r11, qword ptr [r15 + {g_morestack}]
    mov rbp, qword ptr [r11 + {ms_bp}]
    mov rbx, qword ptr [r11 + {ms_cs} + 0]
    mov r12, qword ptr [r11 + {ms_cs} + 8]
    mov r13, qword ptr [r11 + {ms_cs} + 16]
    mov r14, qword ptr [r11 + {ms_cs} + 24]
    mov rdi, qword ptr [r11 + {ms_gpr} + 0]
    mov rsi, qword ptr [r11 + {ms_gpr} + 8]
    mov rdx, qword ptr [r11 + {ms_gpr} + 16]
    mov rcx, qword ptr [r11 + {ms_gpr} + 24]
    mov r8, qword ptr [r11 + {ms_gpr} + 32]
    mov r9, qword ptr [r11 + {ms_gpr} + 40]
    movdqu xmm0, xmmword ptr [r11 + {ms_xmm} + 0]
    movdqu xmm1, xmmword ptr [r11 + {ms_xmm} + 16]
    movdqu xmm2, xmmword ptr [r11 + {ms_xmm} + 32]
    movdqu xmm3, xmmword ptr [r11 + {ms_xmm} + 48]
    movdqu xmm4, xmmword ptr [r11 + {ms_xmm} + 64]
    movdqu xmm5, xmmword ptr [r11 + {ms_xmm} + 80]
    movdqu xmm6, xmmword ptr [r11 + {ms_xmm} + 96]
    movdqu xmm7, xmmword ptr [r11 + {ms_xmm} + 112]
    .endm

    .globl gorc_morestack
    .type gorc_morestack, @function
    .p2align 4
gorc_morestack:
    // Fast path: the cached next segment is big enough, no stack arguments to copy and no
    // preemption request. Make it current and call the body at its top, without leaving the
    // goroutine's stack or touching an argument register (r10 and r11 are scratch).
    test r11, r11
    jnz .Lgorc_ms_slow
    cmp qword ptr [r15 + 16], {stack_preempt_imm}
    je .Lgorc_ms_slow
    mov r11, qword ptr [r15 + 8]
    mov r11, qword ptr [r11 + {seg_next}]
    test r11, r11
    jz .Lgorc_ms_slow_args
    add r10, {fast_need}
    cmp r10, qword ptr [r11 + {seg_size}]
    ja .Lgorc_ms_slow_frame
    mov qword ptr [r11 + {seg_saved_sp}], rsp
    mov r10, qword ptr [rsp]
    mov qword ptr [r11 + {seg_ret_pc}], r10
    mov r10, qword ptr [r11 + {seg_lo}]
    mov qword ptr [r15 + 0], r10
    mov qword ptr [r15 + 8], r11
    add r10, {stack_guard}
    mov qword ptr [r15 + 16], r10
    mov rsp, r11
    jmp .Lgorc_ms_call
.Lgorc_ms_slow_frame:
    sub r10, {fast_need}
.Lgorc_ms_slow_args:
    xor r11d, r11d
.Lgorc_ms_slow:
    mov qword ptr [rsp - {ms_rec} + {ms_gpr} + 0], rdi
    mov qword ptr [rsp - {ms_rec} + {ms_gpr} + 8], rsi
    mov qword ptr [rsp - {ms_rec} + {ms_gpr} + 16], rdx
    mov qword ptr [rsp - {ms_rec} + {ms_gpr} + 24], rcx
    mov qword ptr [rsp - {ms_rec} + {ms_gpr} + 32], r8
    mov qword ptr [rsp - {ms_rec} + {ms_gpr} + 40], r9
    movdqu xmmword ptr [rsp - {ms_rec} + {ms_xmm} + 0], xmm0
    movdqu xmmword ptr [rsp - {ms_rec} + {ms_xmm} + 16], xmm1
    movdqu xmmword ptr [rsp - {ms_rec} + {ms_xmm} + 32], xmm2
    movdqu xmmword ptr [rsp - {ms_rec} + {ms_xmm} + 48], xmm3
    movdqu xmmword ptr [rsp - {ms_rec} + {ms_xmm} + 64], xmm4
    movdqu xmmword ptr [rsp - {ms_rec} + {ms_xmm} + 80], xmm5
    movdqu xmmword ptr [rsp - {ms_rec} + {ms_xmm} + 96], xmm6
    movdqu xmmword ptr [rsp - {ms_rec} + {ms_xmm} + 112], xmm7
    mov qword ptr [rsp - {ms_rec} + {ms_body}], rax
    mov qword ptr [rsp - {ms_rec} + {ms_frame}], r10
    mov qword ptr [rsp - {ms_rec} + {ms_args}], r11
    mov qword ptr [rsp - {ms_rec} + {ms_sp}], rsp
    mov qword ptr [rsp - {ms_rec} + {ms_bp}], rbp
    mov qword ptr [rsp - {ms_rec} + {ms_cs} + 0], rbx
    mov qword ptr [rsp - {ms_rec} + {ms_cs} + 8], r12
    mov qword ptr [rsp - {ms_rec} + {ms_cs} + 16], r13
    mov qword ptr [rsp - {ms_rec} + {ms_cs} + 24], r14
    lea rbx, [rsp - {ms_rec}]
    mov qword ptr [r15 + {g_morestack}], rbx
    mov rdi, r15
    mov rax, qword ptr [r15 + {g_m}]
    mov rax, qword ptr [rax + {m_g0}]
    mov rsp, qword ptr [rax + {g_sched_sp}]
    xor ebp, ebp
    call {newstack}
    mov rsp, rax
    // Growth: rsp is on the new segment, at the slot newstack filled with the address of
    // gorc_morestack_return. The body is *called* from here, which pushes that same address
    // into the slot: calls and returns stay paired, so the CPU's return-address predictor
    // is right when the body returns and again when gorc_morestack_return returns to the
    // real caller. (A `jmp` would cost two mispredicted returns at every crossing, the
    // price of a call at a segment boundary in a loop.)
    add rsp, 8
    gorc_ms_restore
    mov rax, qword ptr [r11 + {ms_body}]
.Lgorc_ms_call:
    call rax
    .size gorc_morestack, . - gorc_morestack

    .globl gorc_morestack_return
    .type gorc_morestack_return, @function
gorc_morestack_return:
    mov rdi, qword ptr [r15 + 8]
    mov rsi, qword ptr [rdi + {seg_prev}]
    mov qword ptr [r15 + 8], rsi
    mov rcx, qword ptr [rsi + {seg_lo}]
    mov qword ptr [r15 + 0], rcx
    mov r8, {stack_preempt}
    cmp qword ptr [r15 + 16], r8
    je .Lgorc_msr_keep
    add rcx, {stack_guard}
    mov qword ptr [r15 + 16], rcx
.Lgorc_msr_keep:
    mov rsp, qword ptr [rdi + {seg_saved_sp}]
    ret
    .size gorc_morestack_return, . - gorc_morestack_return

    // A goroutine preempted in gorc_morestack resumes here (g.sched.pc), with rsp = the
    // function's entry sp: the body is entered as if the prologue's check had passed.
    .globl gorc_morestack_resume
    .type gorc_morestack_resume, @function
    .p2align 4
gorc_morestack_resume:
    gorc_ms_restore
    jmp qword ptr [r11 + {ms_body}]
    .size gorc_morestack_resume, . - gorc_morestack_resume


    .globl gorc_gogo
    .type gorc_gogo, @function
    .p2align 4
gorc_gogo:
    lea r15, [rdi - {g_sched}]
    mov rsp, qword ptr [rdi + {buf_sp}]
    mov rbp, qword ptr [rdi + {buf_bp}]
    mov rdx, qword ptr [rdi + {buf_ctxt}]
    jmp qword ptr [rdi + {buf_pc}]
    .size gorc_gogo, . - gorc_gogo

    .globl gorc_gosave
    .type gorc_gosave, @function
    .p2align 4
gorc_gosave:
    lea rax, [rsp + 8]
    mov qword ptr [rdi + {buf_sp}], rax
    mov rax, qword ptr [rsp]
    mov qword ptr [rdi + {buf_pc}], rax
    mov qword ptr [rdi + {buf_bp}], rbp
    ret
    .size gorc_gosave, . - gorc_gosave

    .globl gorc_mcall_switch
    .type gorc_mcall_switch, @function
    .p2align 4
gorc_mcall_switch:
    push rbp
    mov rbp, rsp
    push rbx
    push r12
    push r13
    push r14
    push r15
    mov qword ptr [rdi + {g_sched} + {buf_sp}], rsp
    lea rax, [rip + .Lgorc_mcall_resume]
    mov qword ptr [rdi + {g_sched} + {buf_pc}], rax
    mov qword ptr [rdi + {g_sched} + {buf_bp}], rbp
    mov rsp, rsi
    xor ebp, ebp
    call rdx
    ud2
.Lgorc_mcall_resume:
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret
    .size gorc_mcall_switch, . - gorc_mcall_switch

    .globl gorc_switch_call
    .type gorc_switch_call, @function
    .p2align 4
gorc_switch_call:
    push rbp
    mov rbp, rsp
    mov rsp, rdi
    mov rdi, rdx
    call rsi
    mov rsp, rbp
    pop rbp
    ret
    .size gorc_switch_call, . - gorc_switch_call

    .globl gorc_calldeferred
    .type gorc_calldeferred, @function
    .p2align 4
gorc_calldeferred:
    push rbp
    mov rbp, rsp
    push rbx
    push r12
    push r13
    push r14
    push r15
    sub rsp, 8
    mov r15, rdi
    mov qword ptr [rdx], rbp
    mov qword ptr [r15 + {g_ctxt}], rsi
    call qword ptr [rsi]
    add rsp, 8
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret
    .size gorc_calldeferred, . - gorc_calldeferred

    .globl gorc_recovery_jump
    .type gorc_recovery_jump, @function
    .p2align 4
gorc_recovery_jump:
    mov r15, rdi
    mov rsp, rsi
    mov rbp, rdx
    mov eax, 1
    jmp rcx
    .size gorc_recovery_jump, . - gorc_recovery_jump

    .globl gorc_gopanic_from
    .type gorc_gopanic_from, @function
    .p2align 4
gorc_gopanic_from:
    mov rax, qword ptr [rdx]
    lea rsp, [rdx + 8]
    and rsp, -16
    push rax
    mov rbp, rcx
    jmp {gopanic}
    .size gorc_gopanic_from, . - gorc_gopanic_from

    .globl gorc_gostart
    .type gorc_gostart, @function
    .p2align 4
gorc_gostart:
    push rbp
    mov rbp, rsp
    mov qword ptr [r15 + {g_ctxt}], rdx
    call qword ptr [rdx]
    call {goexit1}
    ud2
    .size gorc_gostart, . - gorc_gostart

    // gorc_preempt_yield_all: the loop back-edge's slow path (called with Cranelift's
    // preserve_all convention, so the loop keeps its registers across the check). Saves every
    // register System V lets gorc_preempt_yield clobber (rax, rcx, rdx, rsi, rdi, r8-r11,
    // xmm0-xmm15) on the goroutine stack, yields, restores them. About 400 bytes of stack:
    // well inside the guard area the function's own prologue check left.
    .globl gorc_preempt_yield_all
    .type gorc_preempt_yield_all, @function
    .p2align 4
gorc_preempt_yield_all:
    push rbp
    mov rbp, rsp
    push rax
    push rcx
    push rdx
    push rsi
    push rdi
    push r8
    push r9
    push r10
    push r11
    sub rsp, 264
    movdqu [rsp + 0], xmm0
    movdqu [rsp + 16], xmm1
    movdqu [rsp + 32], xmm2
    movdqu [rsp + 48], xmm3
    movdqu [rsp + 64], xmm4
    movdqu [rsp + 80], xmm5
    movdqu [rsp + 96], xmm6
    movdqu [rsp + 112], xmm7
    movdqu [rsp + 128], xmm8
    movdqu [rsp + 144], xmm9
    movdqu [rsp + 160], xmm10
    movdqu [rsp + 176], xmm11
    movdqu [rsp + 192], xmm12
    movdqu [rsp + 208], xmm13
    movdqu [rsp + 224], xmm14
    movdqu [rsp + 240], xmm15
    call {preempt_yield}
    movdqu xmm0, [rsp + 0]
    movdqu xmm1, [rsp + 16]
    movdqu xmm2, [rsp + 32]
    movdqu xmm3, [rsp + 48]
    movdqu xmm4, [rsp + 64]
    movdqu xmm5, [rsp + 80]
    movdqu xmm6, [rsp + 96]
    movdqu xmm7, [rsp + 112]
    movdqu xmm8, [rsp + 128]
    movdqu xmm9, [rsp + 144]
    movdqu xmm10, [rsp + 160]
    movdqu xmm11, [rsp + 176]
    movdqu xmm12, [rsp + 192]
    movdqu xmm13, [rsp + 208]
    movdqu xmm14, [rsp + 224]
    movdqu xmm15, [rsp + 240]
    add rsp, 264
    pop r11
    pop r10
    pop r9
    pop r8
    pop rdi
    pop rsi
    pop rdx
    pop rcx
    pop rax
    pop rbp
    ret
    .size gorc_preempt_yield_all, . - gorc_preempt_yield_all

    .globl gorc_sigpanic
    .type gorc_sigpanic, @function
    .p2align 4
gorc_sigpanic:
    push rbp
    mov rbp, rsp
    and rsp, -16
    call {sigpanic_go}
    .globl gorc_sigpanic_ret
gorc_sigpanic_ret:
    ud2
    .size gorc_sigpanic, . - gorc_sigpanic
"#,
    ms_gpr = const offset_of!(MoreStack, gpr),
    ms_xmm = const offset_of!(MoreStack, xmm),
    ms_body = const offset_of!(MoreStack, body),
    ms_frame = const offset_of!(MoreStack, frame),
    ms_args = const offset_of!(MoreStack, args),
    ms_sp = const offset_of!(MoreStack, sp),
    ms_bp = const offset_of!(MoreStack, bp),
    ms_cs = const offset_of!(MoreStack, cs),
    ms_rec = const crate::sched::MORESTACK_RECORD,
    g_morestack = const offset_of!(G, morestack),
    g_m = const offset_of!(G, m),
    m_g0 = const offset_of!(M, g0),
    g_sched = const offset_of!(G, sched),
    g_ctxt = const offset_of!(G, ctxt),
    g_sched_sp = const offset_of!(G, sched) + offset_of!(Gobuf, sp),
    buf_sp = const offset_of!(Gobuf, sp),
    buf_pc = const offset_of!(Gobuf, pc),
    buf_bp = const offset_of!(Gobuf, bp),
    buf_ctxt = const offset_of!(Gobuf, ctxt),
    seg_prev = const offset_of!(Segment, prev),
    seg_next = const offset_of!(Segment, next),
    seg_size = const offset_of!(Segment, size),
    seg_ret_pc = const offset_of!(Segment, ret_pc),
    // What newstack requires of a segment for a body without stack arguments, less its frame.
    fast_need = const crate::stack::HEADER + 8 + crate::STACK_GUARD + crate::STACK_SMALL,
    // STACK_PREEMPT as the sign-extended 32-bit immediate of a compare.
    stack_preempt_imm = const crate::STACK_PREEMPT as i64 as i32,
    seg_lo = const offset_of!(Segment, lo),
    seg_saved_sp = const offset_of!(Segment, saved_sp),
    stack_preempt = const crate::STACK_PREEMPT as i64,
    stack_guard = const crate::STACK_GUARD,
    newstack = sym crate::stack::gorc_newstack,
    sigpanic_go = sym crate::signal::gorc_sigpanic_go,
    goexit1 = sym crate::proc::gorc_goexit1,
    preempt_yield = sym crate::proc::gorc_preempt_yield,
    gopanic = sym crate::defer::gorc_gopanic,
);

// The main goroutine's first frame. Entered by gogo with r15 = g, rsp at the top of the first
// segment ([rsp] = 0: the end of the frame-pointer walk) and rbp = 0.
#[cfg(not(test))]
core::arch::global_asm!(
    r#"
    .text
    .globl gorc_main_start
    .type gorc_main_start, @function
    .p2align 4
gorc_main_start:
    push rbp
    mov rbp, rsp
    call {init}
    call {main}
    call {exit0}
    ud2
    .size gorc_main_start, . - gorc_main_start
"#,
    init = sym crate::entry::gorc_main_init,
    main = sym crate::entry::go_main_main,
    exit0 = sym crate::entry::main_exit,
);

/// The current frame pointer (rbp). The runtime is built with frame pointers, so in an
/// `#[inline(always)]` caller this is that caller's frame: `[fp]` is its caller's rbp,
/// `[fp+8]` its return address.
#[inline(always)]
pub fn frame_pointer() -> usize {
    let fp: usize;
    unsafe {
        core::arch::asm!("mov {}, rbp", out(reg) fp, options(nomem, nostack, preserves_flags));
    }
    fp
}

#[inline(always)]
pub fn stack_pointer() -> usize {
    let sp: usize;
    unsafe {
        core::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack, preserves_flags));
    }
    sp
}

/// Signal-context access (Linux x86_64 `ucontext_t`).
pub unsafe fn ctx_pc(uc: *mut libc::c_void) -> usize {
    (*(uc as *mut libc::ucontext_t)).uc_mcontext.gregs[libc::REG_RIP as usize] as usize
}

pub unsafe fn ctx_sp(uc: *mut libc::c_void) -> usize {
    (*(uc as *mut libc::ucontext_t)).uc_mcontext.gregs[libc::REG_RSP as usize] as usize
}

pub unsafe fn ctx_fp(uc: *mut libc::c_void) -> usize {
    (*(uc as *mut libc::ucontext_t)).uc_mcontext.gregs[libc::REG_RBP as usize] as usize
}

/// Makes the interrupted code "call" `target` when the handler returns: pushes the
/// interrupted pc as the return address on the interrupted stack and sets pc to `target`.
pub unsafe fn ctx_inject_call(uc: *mut libc::c_void, target: usize) {
    let gregs = &mut (*(uc as *mut libc::ucontext_t)).uc_mcontext.gregs;
    let pc = gregs[libc::REG_RIP as usize] as usize;
    let sp = gregs[libc::REG_RSP as usize] as usize - 8;
    *(sp as *mut usize) = pc;
    gregs[libc::REG_RSP as usize] = sp as i64;
    gregs[libc::REG_RIP as usize] = target as i64;
}

// ---------------------------------------------------------------------------------------------
// cgo: calls from Go into C and callbacks from C into Go (cgocall.rs has the whole story: who
// runs on which stack, where the P is given up and taken back).
//
// gorc_cgocall(fn, frame) -> i32: called from Go code (System V, r15 = g) on the goroutine's
// stack. The whole fast path is here:
//
//   * m = g.m, p = m.p; m.ncgocall += 1 (plain: only this M writes it);
//   * g.sched = { sp: the lowest goroutine-stack address in use during the call (below this
//     frame and the gorc_switch_call frame it is about to push: a callback puts its frames
//     under it), pc: the return address into the Go caller, bp: the Go caller's rbp } — what
//     a callback and a traceback of the goroutine (`[syscall]`) need;
//   * entersyscall: p.syscalltick += 1, g.status = G_SYSCALL, p.status = P_SYSCALL, all plain
//     stores (release stores on x86; the ordering argument is in syscall.rs);
//   * asmcgocall: gorc_switch_call(g0.sched.sp, fn, frame) runs fn(frame) on g0's stack,
//     16-byte aligned for the C ABI, and comes back (calls through it rather than an inline
//     `call`, so that the only indirect call stays in the one primitive that switches stacks);
//   * exitsyscall: p = m.p again (a callback inside may have moved the goroutine to another
//     P), one CAS P_SYSCALL → P_RUNNING, p.m = m (see syscall.rs on ABA), g.status = G_RUNNING;
//   * the result (fn's eax) comes back in eax.
//
// If the CAS fails (sysmon or a stop-the-world took the P) or the M has no P, the Rust slow
// path (cgocall::exitsyscall_slow) waits for a P like any goroutine leaving a system call. On
// g0 already (r15 = m.g0: not from compiled Go code), fn is just called on the current stack.
// rbx, rbp, r12-r15 are preserved (C preserves them, and so does a callback: crosscall2).
//
// crosscall2(fn, frame, size, ctxt): called from C (the compiler's //export wrappers) on a
// C stack: the g0 stack of the M that is in gorc_cgocall, or a thread the runtime did not
// create. Saves the C callee-saved registers, gets the M (cgocall::cgo_getm: the thread's
// CURRENT_M, or an extra M through needm), then does cgocallback:
//
//   * pushes the old g0.sched.sp on the g0 stack and sets g0.sched.sp to the current sp:
//     g0 code run during the callback (mcall, systemstack, newstack, nested C calls) goes
//     below the C frames, and `*g0.sched.sp` is the value to restore (unwindm reads it);
//   * switches to m.curg's stack just below g.sched.sp and builds a two-word frame there,
//     [saved rbp = g.sched.bp][return address = g.sched.pc], with rbp pointing at it: the
//     frame-pointer chain of the callback leads through it into the Go frames that called C;
//   * calls cgocall::cgocallbackg(fn, frame, m) there (exitsyscall, the unwindm defer, the
//     call, entersyscall);
//   * back on g0 at g0.sched.sp (the goroutine was locked to this M, so this is the same M
//     and the same sp), pops the old g0.sched.sp back, calls cgocall::cgo_done(m) (dropm for
//     an extra M's outermost callback), restores the registers and returns to C.
//
// `size` and `ctxt` are not used (gc's ctxt is for cgo tracebacks, which gorc does not do).
//
// cgocallback_callgo(g, fn, frame): runs the Go function fn(frame) (Cranelift's winch
// convention: nothing survives but r15 and rsp) from cgocallbackg on the goroutine's stack:
// sets r15 = g, passes frame in rdi, saves and restores the System V callee-saved registers
// around it. (Not a `gorc_` entry point: compiled Go code never calls it, nor crosscall2.)
// ---------------------------------------------------------------------------------------------
core::arch::global_asm!(
    r#"
    .text
    // gorc_iscgo: 0 unless the program uses cgo, whose object defines it as 1 (cgocall.rs).
    .pushsection .rodata
    .weak gorc_iscgo
    .type gorc_iscgo, @object
gorc_iscgo:
    .byte 0
    .size gorc_iscgo, 1
    .popsection

    .globl gorc_cgocall
    .type gorc_cgocall, @function
    .p2align 4
gorc_cgocall:
    push rbp
    mov rbp, rsp
    mov rax, qword ptr [r15 + {g_m}]
    cmp r15, qword ptr [rax + {m_g0}]
    je .Lgorc_cgocall_g0
    inc qword ptr [rax + {m_ncgocall}]
    mov rcx, qword ptr [rax + {m_p}]
    lea rdx, [rsp - 16]
    mov qword ptr [r15 + {g_sched_sp}], rdx
    mov rdx, qword ptr [rbp + 8]
    mov qword ptr [r15 + {g_sched_pc}], rdx
    mov rdx, qword ptr [rbp]
    mov qword ptr [r15 + {g_sched_bp}], rdx
    inc dword ptr [rcx + {p_syscalltick}]
    mov dword ptr [r15 + {g_status}], {g_syscall}
    mov dword ptr [rcx + {p_status}], {p_syscall}
    mov rdx, rsi
    mov rsi, rdi
    mov rdi, qword ptr [rax + {m_g0}]
    mov rdi, qword ptr [rdi + {g_sched_sp}]
    call gorc_switch_call
    mov r8, qword ptr [r15 + {g_m}]
    mov rcx, qword ptr [r8 + {m_p}]
    test rcx, rcx
    jz .Lgorc_cgocall_slow
    mov r9d, eax
    mov eax, {p_syscall}
    mov edx, {p_running}
    lock cmpxchg dword ptr [rcx + {p_status}], edx
    jne .Lgorc_cgocall_slow_r9
    mov qword ptr [rcx + {p_m}], r8
    mov dword ptr [r15 + {g_status}], {g_running}
    mov eax, r9d
    pop rbp
    ret
.Lgorc_cgocall_slow_r9:
    mov eax, r9d
.Lgorc_cgocall_slow:
    push rax
    sub rsp, 8
    call {exitsyscall_slow}
    add rsp, 8
    pop rax
    pop rbp
    ret
.Lgorc_cgocall_g0:
    mov rdx, rsi
    mov rsi, rdi
    lea rdi, [rsp - 16]
    call gorc_switch_call
    pop rbp
    ret
    .size gorc_cgocall, . - gorc_cgocall

    .globl crosscall2
    .type crosscall2, @function
    .p2align 4
crosscall2:
    push rbp
    mov rbp, rsp
    push rbx
    push r12
    push r13
    push r14
    push r15
    sub rsp, 8
    mov r12, rdi
    mov r13, rsi
    call {cgo_getm}
    mov rbx, rax
    mov rcx, qword ptr [rbx + {m_g0}]
    sub rsp, 8
    push qword ptr [rcx + {g_sched_sp}]
    mov qword ptr [rcx + {g_sched_sp}], rsp
    mov r15, qword ptr [rbx + {m_curg}]
    mov rax, qword ptr [r15 + {g_sched_sp}]
    and rax, -16
    mov rdx, qword ptr [r15 + {g_sched_pc}]
    mov qword ptr [rax - 8], rdx
    mov rdx, qword ptr [r15 + {g_sched_bp}]
    mov qword ptr [rax - 16], rdx
    lea rsp, [rax - 16]
    mov rbp, rsp
    mov rdi, r12
    mov rsi, r13
    mov rdx, rbx
    call {cgocallbackg}
    mov rcx, qword ptr [rbx + {m_g0}]
    mov rsp, qword ptr [rcx + {g_sched_sp}]
    pop qword ptr [rcx + {g_sched_sp}]
    add rsp, 8
    lea rbp, [rsp + 48]
    mov rdi, rbx
    call {cgo_done}
    add rsp, 8
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret
    .size crosscall2, . - crosscall2

    .globl cgocallback_callgo
    .type cgocallback_callgo, @function
    .p2align 4
cgocallback_callgo:
    push rbp
    mov rbp, rsp
    push rbx
    push r12
    push r13
    push r14
    push r15
    sub rsp, 8
    mov r15, rdi
    mov rdi, rdx
    call rsi
    add rsp, 8
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret
    .size cgocallback_callgo, . - cgocallback_callgo
"#,
    g_m = const offset_of!(G, m),
    g_status = const offset_of!(G, status),
    g_sched_sp = const offset_of!(G, sched) + offset_of!(Gobuf, sp),
    g_sched_pc = const offset_of!(G, sched) + offset_of!(Gobuf, pc),
    g_sched_bp = const offset_of!(G, sched) + offset_of!(Gobuf, bp),
    m_g0 = const offset_of!(M, g0),
    m_curg = const offset_of!(M, curg),
    m_p = const offset_of!(M, p),
    m_ncgocall = const offset_of!(M, ncgocall),
    p_m = const offset_of!(crate::proc::P, m),
    p_status = const offset_of!(crate::proc::P, status),
    p_syscalltick = const offset_of!(crate::proc::P, syscalltick),
    g_syscall = const crate::proc::G_SYSCALL,
    g_running = const crate::proc::G_RUNNING,
    p_syscall = const crate::proc::P_SYSCALL,
    p_running = const crate::proc::P_RUNNING,
    exitsyscall_slow = sym crate::cgocall::exitsyscall_slow,
    cgo_getm = sym crate::cgocall::cgo_getm,
    cgocallbackg = sym crate::cgocall::cgocallbackg,
    cgo_done = sym crate::cgocall::cgo_done,
);
