//! The runtime's cgo half (src/cgocall.rs and the cgo section of src/arch/x86_64.rs), without
//! the compiler: links the release static library with `fixtures/cgo.s` (hand-written
//! "compiled Go": main.main, `_cgoexp_`-style Go functions with split-stack prologues) and
//! `fixtures/cgo.c` (what cgo's generated C would be: frame unpackers called through
//! `gorc_cgocall`, callers of `crosscall2`, and C threads calling back into Go). The mode is
//! `GORC_TEST_MODE`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The fixture linked with the runtime, once per test process.
fn program() -> &'static Path {
    static PROG: OnceLock<PathBuf> = OnceLock::new();
    PROG.get_or_init(|| common::link_fixture("cgo_runtime_prog", &["cgo.s", "cgo.c"], &["-O2"]))
}

struct Run {
    code: Option<i32>,
    signal: Option<i32>,
    stderr: String,
}

fn run(mode: &str) -> Run {
    use std::os::unix::process::ExitStatusExt;
    let out = Command::new(program())
        .env("GORC_TEST_MODE", mode)
        .output()
        .expect("run fixture");
    Run {
        code: out.status.code(),
        signal: out.status.signal(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn go_calls_c() {
    // 2*10^7 calls of add1 through gorc_cgocall; the last result, then runtime.NumCgoCall.
    let t = std::time::Instant::now();
    let r = run("calls");
    let el = t.elapsed();
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stderr, "2 20000000\n");
    eprintln!(
        "2e7 cgo calls: {:?} ({:.1} ns/call)",
        el,
        el.as_nanos() as f64 / 2e7
    );
}

#[test]
fn helpers_errno_strings_bytes_malloc() {
    let r = run("errno");
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stderr, "7 hello, cgo hello hel true\n");
}

#[test]
fn callbacks_that_yield_and_stop_the_world() {
    // 100,000 callbacks from C into Go; every 1000th calls Gosched and GC.
    let r = run("b");
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stderr, "100000 1\n");
}

#[test]
fn callback_benchmark() {
    let t = std::time::Instant::now();
    let r = run("B");
    let el = t.elapsed();
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stderr, "2000000\n");
    eprintln!(
        "2e6 callbacks: {:?} ({:.1} ns each)",
        el,
        el.as_nanos() as f64 / 2e6
    );
}

#[test]
fn go_c_go_nested_1000_deep() {
    // Each level's Go function has a 120-byte frame: the goroutine stack grows (morestack
    // inside callbacks) and g0 holds 1000 C frames.
    let r = run("nest");
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stderr, "1001\n");
}

#[test]
fn callbacks_from_c_threads() {
    // 4 C threads (extra Ms through needm/dropm), 2000 callbacks each, allocating, yielding
    // and stopping the world, while the main goroutine waits in C (pthread_join). The extra
    // Ms' goroutines do not count in NumGoroutine afterwards.
    for _ in 0..3 {
        let r = run("threads");
        assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
        assert_eq!(r.stderr, "8000 1\n");
    }
}

#[test]
fn unrecovered_panic_in_callback() {
    let r = run("panic");
    assert_eq!(r.code, Some(2), "stderr: {}", r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        &lines[..4],
        &[
            "panic: runtime error: integer divide by zero",
            "",
            "goroutine 1 [running]:",
            "main._cgoexp_panic(...)",
        ]
    );
    // The traceback continues through cgocallback into the Go code that called C.
    assert_eq!(lines[5], "main.main()");
    assert!(
        lines[6].starts_with("\t/tmp/fixture/cgo.go:20 +0x"),
        "{}",
        lines[6]
    );
    assert_eq!(lines.len(), 7, "{}", r.stderr);
}

#[test]
fn panic_recovered_below_c_frames_100000_times() {
    // Go -> C -> Go -> panic, recovered by the outer Go function, 10^5 times; the C function
    // then runs at the same g0 stack position as the first time (unwindm restored
    // g0.sched.sp every time).
    let r = run("recover");
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stderr, "true\n");
}

#[test]
fn fault_in_c_is_fatal_like_gc() {
    let r = run("s");
    assert_eq!(r.code, Some(2), "stderr: {}", r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        lines[0],
        "fatal error: unexpected signal during runtime execution"
    );
    assert!(
        lines[1].starts_with("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x"),
        "{}",
        lines[1]
    );
    assert_eq!(&lines[2..5], &["", "goroutine 1 [syscall]:", "main.main()"]);
    assert!(
        lines[5].starts_with("\t/tmp/fixture/cgo.go:40 +0x"),
        "{}",
        lines[5]
    );
}

#[test]
fn fault_on_thread_without_m_gets_default_action() {
    let r = run("f");
    assert_eq!(
        r.signal,
        Some(libc_sigsegv()),
        "code {:?} stderr: {}",
        r.code,
        r.stderr
    );
    assert_eq!(r.stderr, "");
}

fn libc_sigsegv() -> i32 {
    11
}
