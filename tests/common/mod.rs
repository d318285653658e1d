//! Helpers shared by the golden and conformance harnesses: locating the
//! `gorc` binary, running a child process with a timeout and combined
//! stdout/stderr, comparing outputs (with gc's traceback normalisation),
//! a small line diff, and a parallel work queue.
//!
//! The conventions are documented in testdata/README.md.

#![allow(dead_code)]

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The repository root (the root package's manifest directory).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The compiler under test. `GORC_BIN` overrides the binary cargo built,
/// which is handy for checking the harness itself against a stand-in.
pub fn gorc() -> PathBuf {
    match std::env::var_os("GORC_BIN") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_gorc")),
    }
}

/// The substring filter from `GORC_TEST_FILTER` (empty: run everything).
pub fn filter() -> String {
    std::env::var("GORC_TEST_FILTER").unwrap_or_default()
}

/// What a child process did.
pub struct Outcome {
    /// stdout and stderr, interleaved as written (both go to one file).
    pub output: String,
    /// Exit status; `None` when killed by a signal or by the timeout.
    pub code: Option<i32>,
    /// The signal that ended the process, if any.
    pub signal: Option<i32>,
    pub timed_out: bool,
}

impl Outcome {
    pub fn describe_status(&self) -> String {
        if self.timed_out {
            "timed out".to_string()
        } else if let Some(c) = self.code {
            format!("exit status {c}")
        } else if let Some(s) = self.signal {
            format!("killed by signal {s}")
        } else {
            "unknown status".to_string()
        }
    }
}

/// Runs `cmd` with stdout and stderr both writing to one temporary file (so
/// the interleaving is exactly that of `2>&1`), stdin from /dev/null, and
/// kills it after `timeout`.
/// `gorc build -o exe .` in the package directory `dir`, its output merged, within `timeout`.
pub fn build_package(dir: &Path, exe: &Path, timeout: Duration) -> Result<Outcome, String> {
    let mut cmd = Command::new(gorc());
    cmd.current_dir(dir)
        .arg("build")
        .arg("-o")
        .arg(exe)
        .arg(".");
    run_combined(cmd, timeout).map_err(|e| format!("cannot run gorc: {e}"))
}

pub fn run_combined(mut cmd: Command, timeout: Duration) -> std::io::Result<Outcome> {
    let out_file = tempfile::tempfile()?;
    cmd.stdin(Stdio::null())
        .stdout(Stdio::from(out_file.try_clone()?))
        .stderr(Stdio::from(out_file.try_clone()?));
    let mut child = cmd.spawn()?;
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(st) = child.try_wait()? {
            break st;
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            timed_out = true;
            break child.wait()?;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    drop(cmd);
    let output = read_all(out_file)?;
    #[cfg(unix)]
    let signal = {
        use std::os::unix::process::ExitStatusExt;
        status.signal()
    };
    #[cfg(not(unix))]
    let signal = None;
    Ok(Outcome {
        output,
        code: if timed_out { None } else { status.code() },
        signal,
        timed_out,
    })
}

fn read_all(mut f: File) -> std::io::Result<String> {
    use std::io::{Read, Seek, SeekFrom};
    f.seek(SeekFrom::Start(0))?;
    let mut buf = Vec::new();
    f.read_to_end(&mut buf)?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

/// `gorc build -o <out> <src>`.
pub fn gorc_build(src: &Path, out: &Path, timeout: Duration) -> std::io::Result<Outcome> {
    let mut cmd = Command::new(gorc());
    cmd.arg("build").arg("-o").arg(out).arg(src);
    if let Some(dir) = src.parent() {
        cmd.current_dir(dir);
    }
    run_combined(cmd, timeout)
}

/// Runs `jobs` on `available_parallelism` worker threads (at most
/// `GORC_TEST_JOBS` if set) and returns the results in the jobs' order.
pub fn parallel_map<T, R, F>(jobs: Vec<T>, f: F) -> Vec<R>
where
    T: Send + 'static,
    R: Send + 'static,
    F: Fn(T) -> R + Send + Sync + 'static,
{
    let n = jobs.len();
    let workers = std::env::var("GORC_TEST_JOBS")
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|&w| w > 0)
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2)
        })
        .min(n.max(1));
    let queue: Arc<Mutex<Vec<(usize, T)>>> =
        Arc::new(Mutex::new(jobs.into_iter().enumerate().rev().collect()));
    let results: Arc<Mutex<Vec<Option<R>>>> = Arc::new(Mutex::new((0..n).map(|_| None).collect()));
    let f = Arc::new(f);
    let handles: Vec<_> = (0..workers)
        .map(|_| {
            let queue = Arc::clone(&queue);
            let results = Arc::clone(&results);
            let f = Arc::clone(&f);
            std::thread::spawn(move || loop {
                let job = queue.lock().unwrap().pop();
                let Some((i, job)) = job else { break };
                let r = f(job);
                results.lock().unwrap()[i] = Some(r);
            })
        })
        .collect();
    for h in handles {
        h.join().expect("worker thread panicked");
    }
    let mut results = results.lock().unwrap();
    results
        .drain(..)
        .map(|r| r.expect("job without result"))
        .collect()
}

/// Reads a list file (one entry per line, `#` starts a comment, blank lines
/// ignored). A missing file is an empty list.
pub fn read_list(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

// ---------------------------------------------------------------------------
// Output comparison.

/// The header of a goroutine's traceback: `goroutine N [state]:`, e.g.
/// `goroutine 1 [running]:` or `goroutine 1 [chan receive]:`.
fn is_goroutine_header(l: &str) -> bool {
    let Some(rest) = l.strip_prefix("goroutine ") else {
        return false;
    };
    let digits = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
    digits > 0 && rest[digits..].starts_with(" [") && l.ends_with("]:")
}

const SIGSEGV_PREFIX: &str = "[signal SIGSEGV: segmentation violation";

/// Lines of the part before (and including) the first `goroutine N
/// [state]:` line, with address-bearing lines removed: `runtime: sp=`
/// lines and the whole `runtime stack:` section (which runs up to the
/// goroutine line); a `PC=0x...` line keeps all but its address.
fn normalised_head(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_runtime_stack = false;
    for l in lines {
        if is_goroutine_header(l) {
            in_runtime_stack = false;
        }
        if *l == "runtime stack:" {
            in_runtime_stack = true;
        }
        if in_runtime_stack || l.starts_with("runtime: sp=") {
            continue;
        }
        // A fatal signal's `PC=0x... m=0 sigcode=N`: the address differs.
        if let Some(rest) = l.strip_prefix("PC=0x") {
            out.push(format!(
                "PC=<pc>{}",
                rest.trim_start_matches(|c: char| c.is_ascii_hexdigit())
            ));
            continue;
        }
        out.push(l.to_string());
    }
    // A `runtime stack:` section is preceded and followed by a blank line;
    // collapse runs of blank lines so that its presence or absence is moot.
    out.dedup_by(|a, b| a.is_empty() && b.is_empty());
    out
}

/// Function names of the frames in the traceback of the goroutine section
/// that starts at `lines[0]` (exclusive) and ends at the first blank line:
/// lines that do not start with whitespace and contain `(`, with the name
/// taken before the last `(`... i.e. before the argument list. `runtime.`
/// frames are dropped, and runs of one name (recursion) are collapsed to one
/// entry. A `created by F` line is kept whole (unless F is in the runtime).
fn frame_names(lines: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for l in lines {
        if l.is_empty() {
            break;
        }
        if l.starts_with("created by ") {
            if !l.starts_with("created by runtime.") {
                names.push(l.to_string());
            }
            continue;
        }
        if l.starts_with('\t') || l.starts_with(' ') {
            continue;
        }
        let Some(paren) = l.find('(') else { continue };
        let name = &l[..paren];
        // `panic(...)` is how gc shows runtime.gopanic in a traceback.
        if name.starts_with("runtime.") || name == "panic" || name.is_empty() {
            continue;
        }
        if names.last().map(|n| n == name) != Some(true) {
            names.push(name.to_string());
        }
    }
    names
}

/// Compares a program's actual combined output with the expected one.
/// Without a `goroutine N [state]:` line in the expected output the
/// comparison is exact. With one, the text up to and including it is
/// compared after `normalised_head` (a `[signal SIGSEGV: segmentation
/// violation` line matches by that prefix), and the expected traceback's
/// `main`-side frame names must appear, in order, among the actual ones.
/// Returns a description of the mismatch.
pub fn compare_output(expected: &str, actual: &str) -> Result<(), String> {
    let exp: Vec<&str> = expected.lines().collect();
    let Some(gi) = exp.iter().position(|l| is_goroutine_header(l)) else {
        if expected == actual {
            return Ok(());
        }
        return Err(unified_diff(expected, actual, "expected", "actual"));
    };
    let act: Vec<&str> = actual.lines().collect();
    let Some(ai) = act.iter().position(|l| is_goroutine_header(l)) else {
        return Err(format!(
            "expected a traceback (`{}`), got none\n{}",
            exp[gi],
            unified_diff(expected, actual, "expected", "actual")
        ));
    };
    let eh = normalised_head(&exp[..=gi]);
    let ah = normalised_head(&act[..=ai]);
    let head_ok = eh.len() == ah.len()
        && eh.iter().zip(&ah).all(|(e, a)| {
            if e.starts_with(SIGSEGV_PREFIX) {
                a.starts_with(SIGSEGV_PREFIX)
            } else {
                e == a
            }
        });
    if !head_ok {
        return Err(format!(
            "output before the traceback differs (address lines removed)\n{}",
            unified_diff(
                &(eh.join("\n") + "\n"),
                &(ah.join("\n") + "\n"),
                "expected",
                "actual"
            )
        ));
    }
    // Each goroutine section in turn (a deadlock lists them all): same state, and the
    // expected frame names in order among the actual ones.
    // gc's own system goroutines (only runtime frames; fatal errors list them) have no
    // counterpart in gorc.
    let es: Vec<_> = goroutine_sections(&exp[gi..])
        .into_iter()
        .enumerate()
        .filter(|(i, (_, lines))| *i == 0 || !frame_names(lines).is_empty())
        .map(|(_, s)| s)
        .collect();
    let as_ = goroutine_sections(&act[ai..]);
    if es.len() != as_.len() {
        return Err(format!(
            "expected {} goroutine sections, got {}\n--- actual output ---\n{}",
            es.len(),
            as_.len(),
            truncate(actual, 4000)
        ));
    }
    for ((eh, el), (ah, al)) in es.iter().zip(&as_) {
        if goroutine_state(eh) != goroutine_state(ah) {
            return Err(format!(
                "goroutine states differ: expected `{eh}`, got `{ah}`\n--- actual output ---\n{}",
                truncate(actual, 4000)
            ));
        }
        let ef = frame_names(el);
        let af = frame_names(al);
        let mut it = af.iter();
        for name in &ef {
            if !it.any(|a| a == name) {
                return Err(format!(
                    "traceback frames differ: expected (in order) {ef:?}, got {af:?}\n--- actual output ---\n{}",
                    truncate(actual, 4000)
                ));
            }
        }
    }
    Ok(())
}

/// The `goroutine N [state]:` sections of a traceback (starting at a header): each header
/// with the lines after it, up to the next header.
fn goroutine_sections<'a>(lines: &[&'a str]) -> Vec<(&'a str, Vec<&'a str>)> {
    let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
    for l in lines {
        if is_goroutine_header(l) {
            out.push((l, Vec::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push(l);
        }
    }
    out
}

/// `[state]:` of a goroutine header (goroutine numbers differ between gc and gorc).
fn goroutine_state(header: &str) -> &str {
    header.find(" [").map_or(header, |i| &header[i..])
}

pub fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}\n... ({} more bytes)", &s[..end], s.len() - end)
}

/// A unified diff (3 lines of context) of two texts, by longest common
/// subsequence over lines. Big inputs are cut to keep it quadratic-safe.
pub fn unified_diff(a: &str, b: &str, a_name: &str, b_name: &str) -> String {
    const MAX_LINES: usize = 2000;
    let mut a: Vec<&str> = a.split_inclusive('\n').collect();
    let mut b: Vec<&str> = b.split_inclusive('\n').collect();
    let mut note = String::new();
    if a.len() > MAX_LINES || b.len() > MAX_LINES {
        note = format!(
            "(diff limited to the first {MAX_LINES} lines; {} vs {} lines)\n",
            a.len(),
            b.len()
        );
        a.truncate(MAX_LINES);
        b.truncate(MAX_LINES);
    }
    let (n, m) = (a.len(), b.len());
    // lcs[i][j] = LCS length of a[i..], b[j..]
    let mut lcs = vec![0u32; (n + 1) * (m + 1)];
    let w = m + 1;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * w + j] = if a[i] == b[j] {
                lcs[(i + 1) * w + j + 1] + 1
            } else {
                lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
            };
        }
    }
    // Edit script: (tag, a index, b index)
    let mut ops: Vec<(char, usize, usize)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push((' ', i, j));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
            ops.push(('-', i, j));
            i += 1;
        } else {
            ops.push(('+', i, j));
            j += 1;
        }
    }
    let mut out = format!("{note}--- {a_name}\n+++ {b_name}\n");
    const CTX: usize = 3;
    let changed: Vec<usize> = ops
        .iter()
        .enumerate()
        .filter(|(_, o)| o.0 != ' ')
        .map(|(k, _)| k)
        .collect();
    if changed.is_empty() {
        out.push_str("(texts differ only in line endings or are identical)\n");
        return out;
    }
    let mut k = 0;
    while k < changed.len() {
        let start = changed[k].saturating_sub(CTX);
        let mut end = changed[k] + CTX + 1;
        while k + 1 < changed.len() && changed[k + 1] <= end + CTX {
            k += 1;
            end = changed[k] + CTX + 1;
        }
        let end = end.min(ops.len());
        let (a0, b0) = (ops[start].1, ops[start].2);
        let a_len = ops[start..end].iter().filter(|o| o.0 != '+').count();
        let b_len = ops[start..end].iter().filter(|o| o.0 != '-').count();
        out.push_str(&format!(
            "@@ -{},{} +{},{} @@\n",
            a0 + 1,
            a_len,
            b0 + 1,
            b_len
        ));
        for &(tag, ai, bi) in &ops[start..end] {
            let line = if tag == '+' { b[bi] } else { a[ai] };
            out.push(tag);
            out.push_str(line);
            if !line.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
        k += 1;
    }
    out
}

#[cfg(test)]
mod self_tests {
    use super::*;

    #[test]
    fn diff_shows_changes() {
        let d = unified_diff("a\nb\nc\n", "a\nx\nc\n", "e", "a");
        assert!(d.contains("-b\n+x\n"), "{d}");
    }

    #[test]
    fn traceback_comparison() {
        let exp = "x\npanic: boom\n\ngoroutine 1 [running]:\nmain.f(...)\n\t/a/b.go:3\nmain.main()\n\t/a/b.go:7 +0x31\nexit\n";
        let act = "x\npanic: boom\n\ngoroutine 1 [running]:\nmain.f(0x1)\n\tsomewhere\nruntime.foo()\nmain.main()\n";
        assert!(compare_output(exp, act).is_ok());
        let bad = "x\npanic: boom\n\ngoroutine 1 [running]:\nmain.main()\n";
        assert!(compare_output(exp, bad).is_err());
    }

    #[test]
    fn every_goroutine_section_is_compared() {
        let exp = "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.main()\n\t/x/a.go:9 +0x1\n\ngoroutine 17 [chan send]:\nmain.w(0x0?)\n\t/x/a.go:4 +0x1b\ncreated by main.main\n\t/x/a.go:8 +0x6a\n\ngoroutine 2 [force gc (idle)]:\nruntime.gopark(0x0?)\n\t/go/proc.go:363 +0xd6\ncreated by runtime.init.6\n\t/go/proc.go:293 +0x25\n";
        let good = "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.main()\n\t/x/a.go:9 +0x1\n\ngoroutine 5 [chan send]:\nmain.w(...)\n\t/x/a.go:4 +0x1b\ncreated by main.main\n\t/x/a.go:8 +0x52\n";
        assert!(compare_output(exp, good).is_ok());
        let missing = "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.main()\n\t/x/a.go:9 +0x1\n";
        assert!(compare_output(exp, missing).is_err());
        let no_creator = good.replace("created by main.main\n", "");
        assert!(compare_output(exp, &no_creator).is_err());
        let other_state = good.replace("[chan send]", "[select]");
        assert!(compare_output(exp, &other_state).is_err());
    }

    #[test]
    fn stack_overflow_and_sigsegv() {
        let exp = "start\nruntime: goroutine stack exceeds 1000000000-byte limit\nruntime: sp=0xc0200e0388 stack=[0xc0200e0000, 0xc0400e0000]\nfatal error: stack overflow\n\nruntime stack:\nruntime.throw({0x1?})\n\t/x/panic.go:1047 +0x5d\n\ngoroutine 1 [running]:\nmain.f(0x1?)\n\t/x/a.go:3 +0x33\nmain.f(0x0?)\n\t/x/a.go:3 +0x1c\n...additional frames elided...\n\ngoroutine 2 [force gc (idle)]:\nruntime.gopark()\n";
        let act = "start\nruntime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n\ngoroutine 1 [running]:\nmain.f(...)\n";
        assert!(compare_output(exp, act).is_ok());
        let exp = "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x457c91]\n\ngoroutine 1 [running]:\nmain.main()\n";
        let act = "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x2 addr=0x8 pc=0x1234]\n\ngoroutine 1 [running]:\nmain.main()\n";
        assert!(compare_output(exp, act).is_ok());
        let act = act.replace("[signal SIGSEGV", "[signal SIGBUS");
        assert!(compare_output(exp, &act).is_err());
    }
}

// ---------------------------------------------------------------------------
// Test-header conventions of testdata/run (see testdata/README.md), shared by the golden
// suite and the directory-based suites (tests/cgo.rs).

/// The expected exit status: a `// exitcode: N` line among the leading comment lines
/// of `src` (default 0).
pub fn header_exit_code(src: &str) -> i32 {
    for line in src.lines() {
        let l = line.trim();
        if let Some(rest) = l.strip_prefix("// exitcode:") {
            return rest.trim().parse().expect("bad // exitcode: line");
        }
        if !l.is_empty() && !l.starts_with("//") {
            break;
        }
    }
    0
}

/// The environments to run a program in: one per `// env: K=V [K2=V2 ...]` line among
/// the leading comment lines of `src`; none: a single run in the harness's environment.
pub fn header_envs(src: &str) -> Vec<Vec<(String, String)>> {
    let mut envs = Vec::new();
    for line in src.lines() {
        let l = line.trim();
        if let Some(rest) = l.strip_prefix("// env:") {
            let vars = rest
                .split_whitespace()
                .map(|kv| {
                    let (k, v) = kv.split_once('=').expect("bad // env: line (want K=V)");
                    (k.to_string(), v.to_string())
                })
                .collect();
            envs.push(vars);
            continue;
        }
        if !l.is_empty() && !l.starts_with("//") {
            break;
        }
    }
    if envs.is_empty() {
        envs.push(Vec::new());
    }
    envs
}

/// Whether `name` is a frame that gc's cgo generates rather than the user wrote:
/// `pkg._Cfunc_f` (the Go side of a call to C.f), `pkg._cgoexp_<hex>_F` (the Go side of
/// an exported F), `pkg._cgo_...`/`pkg._Cgo_...` helpers and `pkg._cgowrap_...`.
pub fn is_cgo_generated_frame(name: &str) -> bool {
    let base = name.rsplit('.').next().unwrap_or(name);
    [
        "_Cfunc_",
        "_cgoexp_",
        "_cgo_",
        "_Cgo_",
        "_cgowrap_",
        "_Cmacro_",
    ]
    .iter()
    .any(|p| base.starts_with(p))
        || name.contains("._Cfunc_")
        || name.contains("._cgoexp_")
}

/// `_cgoexp_<hex>_F` -> `_cgoexp_F`: the hex prefix (a hash of the package path) differs
/// between compilers.
pub fn normalise_cgoexp(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find("_cgoexp_") {
        out.push_str(&rest[..i + "_cgoexp_".len()]);
        rest = &rest[i + "_cgoexp_".len()..];
        let hex = rest.bytes().take_while(|b| b.is_ascii_hexdigit()).count();
        if hex > 0 && rest[hex..].starts_with('_') {
            rest = &rest[hex + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// Prepares gc's expected output of a cgo program for `compare_output`: in the
/// traceback part (from the first `goroutine N [state]:` line on), the frames that cgo
/// generated (`is_cgo_generated_frame`) are removed with their location lines, and so
/// are the closures gc wraps around a C call whose arguments it checks for Go pointers
/// (a frame `F.funcN` whose location `file:line` is the same as that of the next frame,
/// `F`). gorc's call sequences need not have Go frames of those names. Remaining
/// `_cgoexp_<hex>_` prefixes are normalised (`normalise_cgoexp`).
pub fn strip_cgo_frames(expected: &str) -> String {
    let lines: Vec<&str> = expected.split_inclusive('\n').collect();
    let Some(start) = lines
        .iter()
        .position(|l| is_goroutine_header(l.trim_end_matches('\n')))
    else {
        return expected.to_string();
    };
    let is_frame = |l: &str| !l.starts_with('\t') && !l.starts_with(' ') && l.contains('(');
    let name_of = |l: &str| l[..l.find('(').unwrap_or(0)].to_string();
    // `\t/path/file.go:37 +0x2c fp=...` -> `/path/file.go:37`
    let location = |l: Option<&&str>| -> Option<String> {
        let l = l?;
        let t = l.strip_prefix('\t')?;
        Some(t.split_whitespace().next().unwrap_or("").to_string())
    };
    let mut out: Vec<String> = lines[..start].iter().map(|s| s.to_string()).collect();
    let mut i = start;
    while i < lines.len() {
        let l = lines[i];
        let body = l.trim_end_matches('\n');
        if !is_goroutine_header(body) && is_frame(body) && !body.starts_with("created by ") {
            let name = name_of(body);
            let has_loc = lines
                .get(i + 1)
                .map(|n| n.starts_with('\t'))
                .unwrap_or(false);
            let mut drop = is_cgo_generated_frame(&name);
            if !drop {
                // A check closure: `F.funcN` at the same place as the following `F`.
                if let Some(pos) = name.rfind(".func") {
                    let parent = &name[..pos];
                    let digits = &name[pos + ".func".len()..];
                    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                        let next = if has_loc { i + 2 } else { i + 1 };
                        if let Some(nl) = lines.get(next) {
                            let nb = nl.trim_end_matches('\n');
                            if is_frame(nb)
                                && name_of(nb) == parent
                                && location(lines.get(i + 1)).is_some()
                                && location(lines.get(i + 1)) == location(lines.get(next + 1))
                            {
                                drop = true;
                            }
                        }
                    }
                }
            }
            if drop {
                i += if has_loc { 2 } else { 1 };
                continue;
            }
        }
        out.push(normalise_cgoexp(l));
        i += 1;
    }
    out.concat()
}

/// Removes from a traceback the goroutine sections after the first whose frames are
/// all in the runtime (gc's system goroutines, which a fatal error lists: `force gc
/// (idle)`, `GC sweep wait`, ...), from both sides of a comparison. `compare_output`
/// drops them from the expected side only, which makes gc itself fail against gc's
/// output when a fatal error lists them.
pub fn drop_runtime_only_sections(text: &str) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out = String::with_capacity(text.len());
    let mut seen_header = false;
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i].trim_end_matches('\n');
        if is_goroutine_header(l) {
            let mut j = i + 1;
            while j < lines.len() && !is_goroutine_header(lines[j].trim_end_matches('\n')) {
                j += 1;
            }
            let body: Vec<&str> = lines[i + 1..j]
                .iter()
                .map(|s| s.trim_end_matches('\n'))
                .collect();
            if seen_header && frame_names(&body).is_empty() {
                i = j;
                continue;
            }
            seen_header = true;
            for k in i..j {
                out.push_str(lines[k]);
            }
            i = j;
            continue;
        }
        out.push_str(lines[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod cgo_self_tests {
    use super::*;

    #[test]
    fn cgo_frames_are_optional() {
        let exp = "panic: x\n\ngoroutine 1 [running]:\nmain.explode(...)\n\t/a/main.go:20\nmain.goCallback(...)\n\t/a/main.go:16\nmain._cgoexp_3a343273e1b6_goCallback(0x1)\n\t_cgo_gotypes.go:60 +0x1\nmain._Cfunc_c_callgo(0x7)\n\t_cgo_gotypes.go:43 +0x45\nmain.run()\n\t/a/main.go:25 +0x45\nmain.main()\n\t/a/main.go:30 +0x34\n";
        let stripped = strip_cgo_frames(exp);
        assert!(
            !stripped.contains("_Cfunc_") && !stripped.contains("_cgoexp_"),
            "{stripped}"
        );
        let act = "panic: x\n\ngoroutine 1 [running]:\nmain.explode()\nmain.goCallback()\nc_callgo()\nmain.run()\nmain.main()\n";
        assert!(compare_output(&stripped, act).is_ok());
        let missing =
            "panic: x\n\ngoroutine 1 [running]:\nmain.explode()\nmain.run()\nmain.main()\n";
        assert!(compare_output(&stripped, missing).is_err());
    }

    #[test]
    fn check_closure_is_dropped() {
        let exp = "panic: runtime error: cgo argument has Go pointer to Go pointer\n\ngoroutine 1 [running]:\nmain.main.func4(0x46fafc?)\n\t/a/main.go:37 +0x2c\nmain.main()\n\t/a/main.go:37 +0x1d9\n";
        let s = strip_cgo_frames(exp);
        assert!(!s.contains("func4"), "{s}");
        // A closure called from another line stays.
        let exp2 = exp.replace("main.go:37 +0x2c", "main.go:30 +0x2c");
        assert!(strip_cgo_frames(&exp2).contains("main.main.func4"));
    }

    #[test]
    fn system_goroutines_dropped() {
        let t = "fatal error: x\n\ngoroutine 1 [syscall]:\nmain.main()\n\t/a.go:3\n\ngoroutine 2 [force gc (idle)]:\nruntime.gopark()\n\t/p.go:1\ncreated by runtime.init.6\n\t/p.go:2\n\ngoroutine 5 [chan send]:\nmain.w()\n\t/a.go:9\n";
        let d = drop_runtime_only_sections(t);
        assert!(
            !d.contains("force gc")
                && d.contains("goroutine 5 [chan send]:")
                && d.contains("goroutine 1 [syscall]:"),
            "{d}"
        );
    }

    #[test]
    fn cgoexp_prefix() {
        assert_eq!(
            normalise_cgoexp("main._cgoexp_3a343273e1b6_goCallback(0x1)"),
            "main._cgoexp_goCallback(0x1)"
        );
        assert_eq!(normalise_cgoexp("no match"), "no match");
    }
}
