//! Exercises the runtime's assembly for real, without the compiler: links the release static
//! library with `fixtures/prog.s` — hand-written "compiled Go" whose functions carry the exact
//! split-stack prologue of ARCHITECTURE.md — and runs it in several modes (chosen by the
//! `GORC_TEST_MODE` environment variable the fixture's `main.main` reads).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The fixture linked with the runtime, once per test process.
fn program() -> &'static Path {
    static PROG: OnceLock<PathBuf> = OnceLock::new();
    PROG.get_or_init(|| common::link_fixture("asm_runtime_prog", &["prog.s"], &[]))
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(mode: &str) -> Run {
    let out = Command::new(program())
        .env("GORC_TEST_MODE", mode)
        .output()
        .expect("run fixture");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn deep_recursion_grows_the_stack() {
    // 1,000,000 frames, every argument register, two stack arguments and xmm0 carried across
    // every segment boundary.
    let r = run("deep");
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stderr, "1000036\n");
    assert_eq!(r.stdout, "");
}

#[test]
fn hot_split_reuses_the_cached_segment() {
    // 300,000 calls that cross a segment boundary; with an mmap per crossing this would take
    // seconds.
    let t = std::time::Instant::now();
    let r = run("hot");
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    // "186": the result; then the number of segments ever mapped: the main goroutine's
    // first one and the one cached for the boundary.
    assert_eq!(r.stderr, "186 2\n");
    assert!(
        t.elapsed().as_secs_f64() < 5.0,
        "hot split took {:?}",
        t.elapsed()
    );
}

#[test]
fn preemption_request_restores_the_guard() {
    let r = run("Preempt");
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stderr, "39\nfalse\n");
}

#[test]
fn unbounded_recursion_is_a_stack_overflow() {
    let r = run("overflow");
    assert_eq!(r.code, Some(2), "stderr: {}", r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        lines[0],
        "runtime: goroutine stack exceeds 1000000000-byte limit"
    );
    assert!(lines[1].starts_with("runtime: sp=0x"), "{}", lines[1]);
    assert_eq!(lines[2], "fatal error: stack overflow");
    assert_eq!(lines[3], "");
    assert_eq!(lines[4], "goroutine 1 [running]:");
    assert_eq!(lines[5], "main.inf(...)");
    assert_eq!(lines[6], "\t/tmp/fixture/prog.go:200 +0xb");
    assert_eq!(lines[7], "main.inf(...)");
    assert_eq!(lines[8], "\t/tmp/fixture/prog.go:200 +0x1b");
    assert_eq!(*lines.last().unwrap(), "...additional frames elided...");
    // gc's limit: 100 frames
    assert_eq!(lines.iter().filter(|l| **l == "main.inf(...)").count(), 100);
}

#[test]
fn nil_dereference_fault_panics() {
    let r = run("nil");
    assert_eq!(r.code, Some(2), "stderr: {}", r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        lines[0],
        "panic: runtime error: invalid memory address or nil pointer dereference"
    );
    assert!(
        lines[1].starts_with("[signal SIGSEGV: segmentation violation code=0x1 addr=0x8 pc=0x"),
        "{}",
        lines[1]
    );
    assert_eq!(
        &lines[2..5],
        &["", "goroutine 1 [running]:", "main.nilf(...)"]
    );
    assert_eq!(lines[5], "\t/tmp/fixture/prog.go:301 +0xc");
    assert_eq!(lines[6], "main.main()");
    assert!(
        lines[7].starts_with("\t/tmp/fixture/prog.go:20 +0x"),
        "{}",
        lines[7]
    );
    assert_eq!(lines.len(), 8, "{}", r.stderr);
}

#[test]
fn bounds_panic() {
    let r = run("bounds");
    assert_eq!(r.code, Some(2));
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        &lines[..4],
        &[
            "panic: runtime error: index out of range [5] with length 3",
            "",
            "goroutine 1 [running]:",
            "main.main()"
        ]
    );
    assert!(
        lines[4].starts_with("\t/tmp/fixture/prog.go:30 +0x"),
        "{}",
        lines[4]
    );
    assert_eq!(lines.len(), 5);
}

#[test]
fn gopanic_named_int() {
    let r = run("gopanic");
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr
            .starts_with("panic: main.MyInt(5)\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/fixture/prog.go:40 +0x"),
        "{}",
        r.stderr
    );
}

#[test]
fn print_builtins() {
    let r = run("print");
    assert_eq!(r.code, Some(0));
    assert_eq!(
        r.stderr,
        "true -42 18446744073709551615 -1.234568e-005 (+1.000000e+000+2.000000e+000i) hello \
         0xc000012345 [3/4]0xc000010000 (0x45c160,0x47b9b8)\n"
    );
}

#[test]
fn mcall_gogo_and_systemstack_round_trips() {
    // "1": the mcall callback ran on g0; "true": rbx, r12-r15 survived the mcall/gogo round
    // trip; "true": the systemstack callback ran off the goroutine stack and came back.
    let r = run("mcall");
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stderr, "1 true true\n");
}

#[test]
fn huge_frame_gets_a_big_enough_segment() {
    let r = run("Big");
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stderr, "42\n");
}

#[test]
fn makeslice_len_out_of_range() {
    let r = run("Makeslice");
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.starts_with(
            "panic: runtime error: makeslice: len out of range\n\ngoroutine 1 [running]:\nmain.main()\n"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn trap_instruction_is_fatal() {
    let r = run("u");
    assert_eq!(r.code, Some(2));
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        lines[0],
        "fatal error: unexpected signal during runtime execution"
    );
    assert!(lines[1].starts_with("[signal SIGILL: illegal instruction code=0x2 addr=0x"));
    assert_eq!(
        &lines[2..5],
        &["", "goroutine 1 [running]:", "main.trap(...)"]
    );
    assert_eq!(lines[5], "\t/tmp/fixture/prog.go:500 +0x4");
    assert_eq!(lines[6], "main.main()");
}

#[test]
fn traceback_crosses_segments() {
    let r = run("x");
    assert_eq!(r.code, Some(2), "stderr: {}", r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines[4], "main.nilf(...)");
    assert_eq!(lines[6], "main.rec(...)");
    assert_eq!(lines[7], "\t/tmp/fixture/prog.go:601 +0x25");
    assert_eq!(lines.iter().filter(|l| **l == "main.rec(...)").count(), 61);
    assert_eq!(lines[lines.len() - 2], "main.main()");
    for l in &lines[8..lines.len() - 2] {
        assert!(
            *l == "main.rec(...)" || *l == "\t/tmp/fixture/prog.go:600 +0x1b",
            "{l}"
        );
    }
}

#[test]
fn wild_fault_is_fatal() {
    let r = run("fault");
    assert_eq!(r.code, Some(2));
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines[0], "unexpected fault address 0xdeadbeef");
    assert_eq!(lines[1], "fatal error: fault");
    assert!(lines[2]
        .starts_with("[signal SIGSEGV: segmentation violation code=0x1 addr=0xdeadbeef pc=0x"));
    assert_eq!(&lines[3..6], &["", "goroutine 1 [running]:", "main.main()"]);
}

#[test]
fn hardware_divide_fault_panics() {
    let r = run("zero");
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.starts_with(
            "panic: runtime error: integer divide by zero\n\ngoroutine 1 [running]:\nmain.main()\n"
        ),
        "{}",
        r.stderr
    );
}
