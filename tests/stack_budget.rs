//! The runtime's stack budget on goroutine stacks, checked on the machine code.
//!
//! Rust code has no split-stack prologue. A runtime entry point that compiled Go code calls
//! (`gorc_chansend`, `gorc_mapaccess1`, `gorc_alloc`, ...) runs on the goroutine's stack, below a
//! Go frame whose prologue only promised that `sp > stackguard0 - STACK_SMALL`. Everything that
//! entry point calls, down to its deepest path, must therefore fit in the guard area:
//! `STACK_GUARD - STACK_SMALL` bytes. Anything deeper has to move to g0 (`systemstack`, `mcall`).
//! Goroutine stacks are small and packed next to each other, so overrunning the guard area
//! silently corrupts a neighbour: this test is what makes a small guard area safe.
//!
//! It links testdata/stack_budget.go (which pulls in every part of the runtime), disassembles
//! it with `objdump`, and computes for each `gorc_*` entry point
//! the worst-case stack depth over its call graph:
//!
//! * a function's frame is its return address, its prologue's pushes and its `sub rsp, N`;
//! * calls are direct calls, tail jumps and calls through the GOT (resolved from `.got` and the
//!   dynamic relocations, also when the address sits in a register first); a call into libc
//!   counts `LIBC_FRAME` bytes and must be to one of the leaves in `LIBC_OK`;
//! * the search stops at the stack switches (`gorc_switch_call` under `systemstack`,
//!   `gorc_mcall_switch` under `mcall`, `gorc_morestack`): what they call runs on g0, or is Go
//!   code with its own prologue check;
//! * it stops at Rust's own panic machinery too: a Rust panic in the runtime is a runtime bug and
//!   aborts the process (the runtime is built with `panic = "abort"`);
//! * a call back into Go code (`INDIRECT_OK`'s Go entries) counts its return address and the
//!   record `gorc_morestack` may write below it;
//! * any other indirect call fails the test unless `INDIRECT_OK` explains why it is safe, and
//!   any recursion unless `RECURSION_OK` bounds it.

mod common;

use std::collections::{HashMap, HashSet};
use std::process::Command;

/// Stack a libc function called from the runtime may use (the system-call wrappers, `write`,
/// the vDSO's `clock_gettime`, the string functions): the deepest of them is well under this.
const LIBC_FRAME: usize = 128;

/// The libc functions runtime code may call on a goroutine stack: leaves or thin system-call
/// wrappers. Anything else (the C allocator, above all) must run on g0.
const LIBC_OK: &[&str] = &[
    "memcpy",
    "memmove",
    "memset",
    "memcmp",
    "bcmp",
    "strlen",
    "syscall",
    "mmap",
    "munmap",
    "mprotect",
    "write",
    "__errno_location",
    "clock_gettime",
    "sched_yield",
    "sched_getaffinity",
    "_exit",
];

/// Functions whose indirect calls are known to be safe, with the reason, and whether the
/// callee is compiled Go code. Go code checks its stack in its prologue; when the check fails,
/// `gorc_morestack` saves its record `MORESTACK_RECORD` bytes below the sp (sched.rs), which
/// counts here.
const INDIRECT_OK: &[(&str, &str, bool)] = &[
    ("gorc_gostart", "calls the goroutine's Go function", true),
    ("gorc_calldeferred", "calls a deferred Go function", true),
    (
        "gorc_call_string_method",
        "calls a Go Error or String method",
        true,
    ),
    (
        "gorc_morestack_resume",
        "resumes a Go function at its entry",
        true,
    ),
    (
        "gorc_recovery_jump",
        "resumes a Go function after recover",
        true,
    ),
    (
        "cgocallback_callgo",
        "calls the exported Go function of a callback from C",
        true,
    ),
    // `LocalKey::with` calls the key's accessor, a few instructions reading the TLS block.
    ("LocalKey", "the thread-local's accessor", false),
];

/// Functions that recurse, with how many levels of the recursion run on a goroutine stack
/// (deeper levels continue on g0): `alg.rs`'s NESTING_ON_GOROUTINE_STACK.
const RECURSION_OK: &[(&str, usize)] = &[("3alg8equal_at", 2), ("3alg7hash_at", 2)];

/// Entry points that compiled Go code never calls on a goroutine stack.
const NOT_ON_GOROUTINE_STACK: &[&str] = &[
    "gorc_main_start", // the C main's thread stack, before any goroutine exists
    "gorc_main_init",  // compiled Go code (has prologues)
    "gorc_gogo",       // g0 jumping into a goroutine
    "gorc_selftest_mcall",
];

/// Functions that switch to g0 before doing anything deep: only their own frame counts.
fn switches_stack(name: &str) -> bool {
    matches!(
        name,
        "gorc_switch_call"
            | "gorc_mcall_switch"
            | "gorc_morestack"
            | "gorc_mcall"
            | "gorc_systemstack"
            // Drops the runtime frames and enters gorc_gopanic from the Go caller's frame
            // (gorc_gopanic is an entry point of its own).
            | "gorc_gopanic_from"
    ) || is_systemstack_trampoline(name)
}

fn is_systemstack_trampoline(name: &str) -> bool {
    name.contains("systemstack") && name.contains("tramp")
}

/// Rust's panic and allocation-failure machinery: never returns, and only reached by a bug.
fn is_rust_abort_path(name: &str) -> bool {
    [
        "panicking",
        "rust_begin_unwind",
        "slice5index",
        "unwrap_failed",
        "expect_failed",
        "panic_fmt",
        "panic_bounds_check",
        "handle_alloc_error",
        "capacity_overflow",
        "rust_oom",
    ]
    .iter()
    .any(|p| name.contains(p))
}

fn constant(src: &str, name: &str) -> usize {
    let prefix = format!("pub const {name}: usize = ");
    let line = src
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("{name} not found in runtime/src/lib.rs"));
    line[prefix.len()..]
        .trim_end_matches(';')
        .replace('_', "")
        .parse()
        .unwrap()
}

fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running {cmd}: {e} (binutils is needed for this test)"));
    assert!(out.status.success(), "{cmd} {args:?} failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[derive(Default)]
struct Func {
    frame: usize,
    calls: HashSet<String>,
    indirect: Vec<String>,
}

struct Program {
    funcs: HashMap<String, Func>,
    /// What a call into Go code may take: the return address and a morestack record.
    go_call: usize,
}

fn parse_hex(s: &str) -> Option<u64> {
    u64::from_str_radix(s.trim_start_matches("0x"), 16).ok()
}

impl Program {
    fn load(exe: &std::path::Path, go_call: usize) -> Program {
        let exe = exe.to_str().unwrap();
        // Function symbols by address, for resolving GOT slots.
        let mut syms: HashMap<u64, String> = HashMap::new();
        for line in run("nm", &[exe]).lines() {
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.len() == 3 && (f[1] == "T" || f[1] == "t") {
                if let Some(a) = parse_hex(f[0]) {
                    syms.entry(a).or_insert_with(|| f[2].to_string());
                }
            }
        }
        // GOT slots filled by the dynamic linker: libc functions.
        let mut dynamic: HashMap<u64, String> = HashMap::new();
        for line in run("objdump", &["-R", exe]).lines() {
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.len() == 3 && f[1].starts_with("R_X86_64_") {
                if let Some(a) = parse_hex(f[0]) {
                    dynamic.insert(a, f[2].split('@').next().unwrap().to_string());
                }
            }
        }
        // GOT slots the static linker filled: runtime functions.
        let mut got: HashMap<u64, u64> = HashMap::new();
        for line in run("objdump", &["-s", "-j", ".got", exe]).lines() {
            let mut words = line.split_whitespace();
            let Some(addr) = words.next().and_then(parse_hex) else {
                continue;
            };
            let hex: String = words.take(4).filter(|w| w.len() == 8).collect();
            let bytes: Vec<u8> = (0..hex.len() / 2)
                .filter_map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok())
                .collect();
            for (i, chunk) in bytes.chunks_exact(8).enumerate() {
                let v = u64::from_le_bytes(chunk.try_into().unwrap());
                got.insert(addr + 8 * i as u64, v);
            }
        }

        let header = regex::Regex::new(r"^[0-9a-f]+ <(.+)>:$").unwrap();
        let direct = regex::Regex::new(r"^(call|jmp)\s+[0-9a-f]+ <([^>+]+)>$").unwrap();
        let via_got =
            regex::Regex::new(r"^(call|jmp)\s+QWORD PTR \[rip\+0x[0-9a-f]+\]\s+# ([0-9a-f]+)")
                .unwrap();
        let sub_rsp = regex::Regex::new(r"^sub\s+rsp,0x([0-9a-f]+)$").unwrap();
        // A GOT slot loaded into a register, to be called through it later.
        let load_got =
            regex::Regex::new(r"^mov\s+(\w+),QWORD PTR \[rip\+0x[0-9a-f]+\]\s+# ([0-9a-f]+)")
                .unwrap();
        // A function's address loaded into a register.
        let load_fn =
            regex::Regex::new(r"^lea\s+(\w+),\[rip\+0x[0-9a-f]+\]\s+# [0-9a-f]+ <([^>+]+)>$")
                .unwrap();
        let call_reg = regex::Regex::new(r"^(call|jmp)\s+(\w+)$").unwrap();
        let copy_reg = regex::Regex::new(r"^mov\s+(\w+),(\w+)$").unwrap();
        let disasm = run(
            "objdump",
            &[
                "-d",
                "--no-show-raw-insn",
                "-M",
                "intel",
                "-j",
                ".text",
                exe,
            ],
        );
        let mut funcs: HashMap<String, Func> = HashMap::new();
        let mut cur: Option<String> = None;
        // Still in the prologue (pushes and the frame allocation come before any call).
        let mut in_prologue = false;
        let mut regs: HashMap<String, String> = HashMap::new();
        let mut last = String::new();
        let resolve = |slot: u64| -> Option<String> {
            if let Some(libc) = dynamic.get(&slot) {
                Some(format!("libc:{libc}"))
            } else {
                got.get(&slot).and_then(|a| syms.get(a)).cloned()
            }
        };
        for line in disasm.lines() {
            if let Some(c) = header.captures(line) {
                let name = c[1].to_string();
                funcs.insert(
                    name.clone(),
                    Func {
                        frame: 8, // the return address
                        ..Func::default()
                    },
                );
                cur = Some(name);
                in_prologue = true;
                regs.clear();
                continue;
            }
            let Some(name) = &cur else { continue };
            let Some(insn) = line.split('\t').nth(1).map(str::trim) else {
                continue;
            };
            let prev = std::mem::replace(&mut last, insn.to_string());
            let f = funcs.get_mut(name).unwrap();
            if in_prologue {
                if insn.starts_with("push ") {
                    f.frame += 8;
                    continue;
                }
                if let Some(c) = sub_rsp.captures(insn) {
                    f.frame += parse_hex(&c[1]).unwrap() as usize;
                    continue;
                }
                // Moves (saving arguments, setting up rbp) may sit between the pushes.
                in_prologue =
                    insn.starts_with("mov ") || insn.starts_with("lea ") || insn == "endbr64";
            }
            if let Some(c) = direct.captures(insn) {
                let target = c[2].to_string();
                // A jump to itself is a loop, not a call.
                if &c[1] == "call" || &target != name {
                    if target.contains("probestack") {
                        f.indirect
                            .push(format!("stack probe (a frame over 4 KiB): {insn}"));
                    }
                    f.calls.insert(target);
                }
            } else if let Some(c) = via_got.captures(insn) {
                match resolve(parse_hex(&c[2]).unwrap()) {
                    Some(target) => f.calls.insert(target),
                    None => {
                        f.indirect.push(insn.to_string());
                        true
                    }
                };
            } else if let Some(c) = load_got.captures(insn) {
                if let Some(target) = resolve(parse_hex(&c[2]).unwrap()) {
                    regs.insert(c[1].to_string(), target);
                }
            } else if let Some(c) = load_fn.captures(insn) {
                regs.insert(c[1].to_string(), c[2].to_string());
            } else if let Some(c) = copy_reg.captures(insn) {
                match regs.get(&c[2]).cloned() {
                    Some(target) => regs.insert(c[1].to_string(), target),
                    None => regs.remove(&c[1]),
                };
            } else if insn.starts_with("jmp ") && prev.starts_with("add ") {
                // `add reg, base; jmp reg`: a jump table of a `match`, within the function.
            } else if let Some(target) = call_reg.captures(insn).and_then(|c| regs.get(&c[2])) {
                // Registers are only tracked while loaded from the GOT: good enough for the
                // hoisted `mov r15, [rip+slot]` calls that LLVM emits in loops.
                f.calls.insert(target.clone());
            } else if insn.starts_with("call ")
                || (insn.starts_with("jmp ") && !insn.contains(" <"))
            {
                f.indirect.push(insn.to_string());
            }
        }
        Program { funcs, go_call }
    }

    /// The deepest stack use below `name`'s caller, with the path that reaches it; errors for
    /// unknown indirect calls and recursion.
    fn depth(
        &self,
        name: &str,
        memo: &mut HashMap<String, (usize, Vec<String>)>,
        path: &mut Vec<String>,
        errors: &mut Vec<String>,
    ) -> (usize, Vec<String>) {
        if let Some(libc) = name.strip_prefix("libc:") {
            if !LIBC_OK.contains(&libc) {
                errors.push(format!(
                    "{libc} (libc) called on a goroutine stack: {}",
                    path.join(" -> ")
                ));
            }
            return (LIBC_FRAME, vec![format!("{libc} (libc)")]);
        }
        if let Some(d) = memo.get(name) {
            return d.clone();
        }
        let bounded = RECURSION_OK.iter().find(|(n, _)| name.contains(n));
        if path.iter().any(|p| p == name) {
            if bounded.is_none() {
                errors.push(format!("recursion: {} -> {name}", path.join(" -> ")));
            }
            return (0, vec![]);
        }
        let Some(f) = self.funcs.get(name) else {
            return (0, vec![format!("{name} (not in .text)")]);
        };
        let mut deepest = (0, vec![]);
        if !switches_stack(name) && !is_rust_abort_path(name) {
            let known = INDIRECT_OK.iter().find(|(n, _, _)| name.contains(n));
            if known.is_some_and(|k| k.2) && !f.indirect.is_empty() {
                deepest = (
                    self.go_call,
                    vec!["Go code (its morestack record)".to_string()],
                );
            }
            if !f.indirect.is_empty() && known.is_none() {
                errors.push(format!(
                    "indirect call in {name} (reached by {}): {}",
                    path.join(" -> "),
                    f.indirect.join("; ")
                ));
            }
            path.push(name.to_string());
            let mut callees: Vec<&String> = f.calls.iter().collect();
            callees.sort();
            for c in callees {
                let d = self.depth(c, memo, path, errors);
                if d.0 > deepest.0 {
                    deepest = d;
                }
            }
            path.pop();
        }
        // The trampoline `systemstack` runs its closure through only runs on g0: called by the
        // switch stub, or directly when the caller already is on g0.
        let frame = if is_systemstack_trampoline(name) {
            0
        } else {
            f.frame
        };
        let mut trail = vec![format!("{name} ({frame})")];
        trail.extend(deepest.1);
        // A bounded recursion: each level may take the deepest path.
        let levels = bounded.map_or(1, |b| b.1);
        if levels > 1 {
            trail.push(format!("(x{levels} levels)"));
        }
        let r = (levels * (frame + deepest.0), trail);
        memo.insert(name.to_string(), r.clone());
        r
    }
}

#[test]
fn runtime_entry_points_fit_in_the_guard_area() {
    let root = common::root();
    let lib = std::fs::read_to_string(root.join("runtime/src/lib.rs")).unwrap();
    let budget = constant(&lib, "STACK_GUARD") - constant(&lib, "STACK_SMALL");

    let dir = tempfile::tempdir().unwrap();
    let exe = dir.path().join("stack_budget");
    let status = Command::new(common::gorc())
        .arg("build")
        .arg("-o")
        .arg(&exe)
        .arg(root.join("testdata/stack_budget.go"))
        .status()
        .unwrap();
    assert!(status.success(), "gorc build failed");
    let sched = std::fs::read_to_string(root.join("runtime/src/sched.rs")).unwrap();
    let prog = Program::load(&exe, 8 + constant(&sched, "MORESTACK_RECORD"));

    let mut entries: Vec<&String> = prog
        .funcs
        .keys()
        .filter(|n| n.starts_with("gorc_") && !NOT_ON_GOROUTINE_STACK.contains(&n.as_str()))
        .collect();
    entries.sort();
    // The linker only takes the runtime's object files the program needs: one entry point of
    // each runtime module must be there, or that module went unanalysed.
    for must in [
        "gorc_alloc",
        "gorc_assert_itab",
        "gorc_atomic_cas_int64",
        "gorc_cgocall",
        "gorc_chansend",
        "gorc_concatstrings",
        "gorc_gopanic",
        "gorc_mapassign",
        "gorc_newproc",
        "gorc_os_args",
        "gorc_printint",
        "gorc_selectgo",
        "gorc_semacquire",
        "gorc_sigpanic",
        "gorc_sleep",
        "gorc_stack",
        "gorc_syscall6",
    ] {
        assert!(
            prog.funcs.contains_key(must),
            "{must} is not linked into testdata/stack_budget.go's program"
        );
    }
    let mut memo = HashMap::new();
    let mut errors = Vec::new();
    let mut report = Vec::new();
    for e in entries {
        let (d, trail) = prog.depth(e, &mut memo, &mut Vec::new(), &mut errors);
        if d > budget {
            errors.push(format!(
                "{e} needs {d} bytes of goroutine stack, over the {budget} the guard area \
                 leaves: {}",
                trail.join(" -> ")
            ));
        }
        report.push((d, format!("{e}: {}", trail.join(" -> "))));
    }
    // A callback from C runs cgocallbackg on the goroutine's stack below the Go frame that
    // called C: gorc_cgocall's return address and saved rbp, the 16 bytes it leaves below
    // them (g.sched.sp), up to 8 of alignment and crosscall2's two-word frame come first.
    const CALLBACK_BELOW_CALLER: usize = 8 + 8 + 16 + 8 + 16;
    let cgocallbackg = prog
        .funcs
        .keys()
        .find(|n| n.contains("cgocall12cgocallbackg"))
        .cloned()
        .expect("cgocallbackg is not linked into testdata/stack_budget.go's program");
    let (d, trail) = prog.depth(&cgocallbackg, &mut memo, &mut Vec::new(), &mut errors);
    if CALLBACK_BELOW_CALLER + d > budget {
        errors.push(format!(
            "a callback from C needs {} bytes of goroutine stack, over the {budget} the guard \
             area leaves: {}",
            CALLBACK_BELOW_CALLER + d,
            trail.join(" -> ")
        ));
    }
    report.push((
        CALLBACK_BELOW_CALLER + d,
        format!("(callback) {}", trail.join(" -> ")),
    ));
    report.sort();
    report.reverse();
    for (d, e) in report.iter().take(10) {
        eprintln!("{d:6} {e}");
    }
    errors.sort();
    errors.dedup();
    assert!(errors.is_empty(), "\n{}", errors.join("\n"));
}
