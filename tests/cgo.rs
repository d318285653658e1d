//! The cgo suite (see testdata/README.md, "testdata/cgo"):
//!
//! * testdata/cgo/NAME: a module (go.mod `module cgotest/NAME`) whose main package uses
//!   `import "C"`. `gorc build -o EXE .` in the directory, then EXE is run (in an empty
//!   directory, once per `// env:` line of main.go) and its stdout+stderr must match
//!   expected.out under the golden suite's rules (loose traceback comparison), with
//!   cgo's generated frames (`main._Cfunc_f`, `main._cgoexp_<hex>_F`, gc's pointer-check
//!   closures) optional and runtime-only goroutine sections dropped on both sides; exit
//!   status from main.go's `// exitcode: N` (default 0).
//! * testdata/cgo-errors/NAME: `gorc build -o EXE .` must exit 1 and every regexp in
//!   errors.txt must match a line of its output.
//! * testdata/cgo-lib/NAME: the main package built with `-buildmode=c-archive` and
//!   `-buildmode=c-shared` (`-o libgolib.a` / `libgolib.so`, header `libgolib.h`),
//!   prog/*.c compiled and linked against each, the program run: it must exit 0 and print
//!   expected.out.
//!
//! testdata/cgo/xfail.txt lists tests expected to fail. Without a C compiler (`cc`) the
//! suite is skipped. `GORC_TEST_FILTER=substr` selects tests by name (`cgo/types`,
//! `cgo-errors/variadic`, `cgo-lib/threads:c-shared`); `GORC_BIN=/path` tests another
//! compiler binary.

mod common;

use common::*;
use regex::Regex;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const BUILD_TIMEOUT: Duration = Duration::from_secs(120);
const RUN_TIMEOUT: Duration = Duration::from_secs(20);
const CC_TIMEOUT: Duration = Duration::from_secs(60);

/// Libraries the C program of a cgo-lib test is linked with, besides the Go library.
/// gc's archive needs only libpthread; libm and libdl are allowed too.
const LIB_LDFLAGS: &[&str] = &["-lpthread", "-lm", "-ldl"];

#[derive(Clone)]
enum Job {
    Run(PathBuf),
    Errors(PathBuf),
    Lib(PathBuf, &'static str),
}

impl Job {
    fn name(&self) -> String {
        match self {
            Job::Run(d) => format!("cgo/{}", base(d)),
            Job::Errors(d) => format!("cgo-errors/{}", base(d)),
            Job::Lib(d, mode) => format!("cgo-lib/{}:{mode}", base(d)),
        }
    }
}

fn base(d: &Path) -> String {
    d.file_name().unwrap().to_string_lossy().into_owned()
}

/// The test directories directly under `dir`, sorted.
fn test_dirs(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return vec![];
    };
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    v
}

fn have_cc() -> bool {
    Command::new("cc")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn build_failure(what: &str, o: &Outcome) -> String {
    format!(
        "{what} failed ({}):\n{}",
        o.describe_status(),
        truncate(&o.output, 4000)
    )
}

/// Runs `exe` once per environment and compares with `expected`.
fn run_and_compare(
    exe: &Path,
    cwd: &Path,
    envs: &[Vec<(String, String)>],
    want_code: i32,
    expected: &str,
) -> Vec<String> {
    let expected = drop_runtime_only_sections(&strip_cgo_frames(expected));
    let mut problems = Vec::new();
    for env in envs {
        let mut cmd = Command::new(exe);
        cmd.current_dir(cwd);
        let mut label = String::new();
        for (k, v) in env {
            cmd.env(k, v);
            label.push_str(&format!(" {k}={v}"));
        }
        let run = match run_combined(cmd, RUN_TIMEOUT) {
            Ok(o) => o,
            Err(e) => {
                problems.push(format!("cannot run {}: {e}", exe.display()));
                continue;
            }
        };
        if run.code != Some(want_code) {
            problems.push(format!(
                "[env:{label}] want exit status {want_code}, got {}",
                run.describe_status()
            ));
        }
        let actual = drop_runtime_only_sections(&normalise_cgoexp_text(&run.output));
        if let Err(d) = compare_output(&expected, &actual) {
            problems.push(format!("[env:{label}] output mismatch:\n{d}"));
        }
    }
    problems
}

fn normalise_cgoexp_text(s: &str) -> String {
    s.split_inclusive('\n').map(normalise_cgoexp).collect()
}

fn run_test(dir: &Path) -> Option<String> {
    let src = match std::fs::read_to_string(dir.join("main.go")) {
        Ok(s) => s,
        Err(e) => return Some(format!("cannot read main.go: {e}")),
    };
    let expected = match std::fs::read_to_string(dir.join("expected.out")) {
        Ok(s) => s,
        Err(e) => return Some(format!("cannot read expected.out: {e}")),
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let exe = tmp.path().join("x");
    let build = match build_package(dir, &exe, BUILD_TIMEOUT) {
        Ok(o) => o,
        Err(e) => return Some(e),
    };
    if build.code != Some(0) {
        return Some(build_failure("gorc build", &build));
    }
    if !exe.exists() {
        return Some(format!(
            "gorc build exited 0 but wrote no executable:\n{}",
            truncate(&build.output, 4000)
        ));
    }
    let run_dir = tmp.path().join("run");
    std::fs::create_dir(&run_dir).expect("mkdir");
    let problems = run_and_compare(
        &exe,
        &run_dir,
        &header_envs(&src),
        header_exit_code(&src),
        &expected,
    );
    (!problems.is_empty()).then(|| problems.join("\n"))
}

/// The regexps of an errors.txt (`#` lines and blank lines skipped).
fn error_patterns(dir: &Path) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(dir.join("errors.txt"))
        .map_err(|e| format!("cannot read errors.txt: {e}"))?;
    Ok(text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

/// A problem with the test data itself: a pattern of errors.txt that gc's recorded
/// output (gc.out) does not match. Not subject to xfail.
fn check_patterns_against_gc(dir: &Path) -> Vec<String> {
    let Ok(gc_out) = std::fs::read_to_string(dir.join("gc.out")) else {
        return vec![];
    };
    let pats = match error_patterns(dir) {
        Ok(p) => p,
        Err(e) => return vec![format!("cgo-errors/{}: {e}", base(dir))],
    };
    let mut bad = Vec::new();
    for p in pats {
        match Regex::new(&p) {
            Ok(re) if gc_out.lines().any(|l| re.is_match(l)) => {}
            Ok(_) => bad.push(format!(
                "cgo-errors/{}: pattern {p:?} does not match gc.out",
                base(dir)
            )),
            Err(e) => bad.push(format!("cgo-errors/{}: bad regexp {p:?}: {e}", base(dir))),
        }
    }
    bad
}

fn errors_test(dir: &Path) -> Option<String> {
    let pats = match error_patterns(dir) {
        Ok(p) => p,
        Err(e) => return Some(e),
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let exe = tmp.path().join("x");
    let build = match build_package(dir, &exe, BUILD_TIMEOUT) {
        Ok(o) => o,
        Err(e) => return Some(e),
    };
    let mut problems = Vec::new();
    if build.code != Some(1) {
        problems.push(format!(
            "want exit status 1, got {}",
            build.describe_status()
        ));
    }
    for p in &pats {
        match Regex::new(p) {
            Ok(re) => {
                if !build.output.lines().any(|l| re.is_match(l)) {
                    problems.push(format!("no line of the output matches {p:?}"));
                }
            }
            Err(e) => problems.push(format!("bad regexp {p:?}: {e}")),
        }
    }
    (!problems.is_empty()).then(|| {
        format!(
            "{}\n--- compiler output ---\n{}",
            problems.join("\n"),
            truncate(&build.output, 4000)
        )
    })
}

fn lib_test(dir: &Path, mode: &str) -> Option<String> {
    let expected = match std::fs::read_to_string(dir.join("expected.out")) {
        Ok(s) => s,
        Err(e) => return Some(format!("cannot read expected.out: {e}")),
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let lib = tmp.path().join(if mode == "c-archive" {
        "libgolib.a"
    } else {
        "libgolib.so"
    });
    let mut cmd = Command::new(gorc());
    cmd.current_dir(dir)
        .arg("build")
        .arg(format!("-buildmode={mode}"))
        .arg("-o")
        .arg(&lib)
        .arg(".");
    let build = match run_combined(cmd, BUILD_TIMEOUT) {
        Ok(o) => o,
        Err(e) => return Some(format!("cannot run gorc: {e}")),
    };
    if build.code != Some(0) {
        return Some(build_failure(
            &format!("gorc build -buildmode={mode}"),
            &build,
        ));
    }
    for f in [&lib, &tmp.path().join("libgolib.h")] {
        if !f.exists() {
            return Some(format!(
                "gorc build -buildmode={mode} exited 0 but wrote no {}:\n{}",
                f.display(),
                truncate(&build.output, 4000)
            ));
        }
    }
    let mut c_files: Vec<PathBuf> = std::fs::read_dir(dir.join("prog"))
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().map(|x| x == "c").unwrap_or(false))
                .collect()
        })
        .unwrap_or_default();
    c_files.sort();
    let prog = tmp.path().join("prog");
    let mut cc = Command::new("cc");
    cc.arg("-o")
        .arg(&prog)
        .args(&c_files)
        .arg(format!("-I{}", tmp.path().display()))
        .arg(&lib)
        .arg(format!("-Wl,-rpath,{}", tmp.path().display()))
        .args(LIB_LDFLAGS);
    let link = match run_combined(cc, CC_TIMEOUT) {
        Ok(o) => o,
        Err(e) => return Some(format!("cannot run cc: {e}")),
    };
    if link.code != Some(0) {
        return Some(build_failure("compiling and linking prog/*.c", &link));
    }
    let problems = run_and_compare(&prog, tmp.path(), &[Vec::new()], 0, &expected);
    (!problems.is_empty()).then(|| problems.join("\n"))
}

#[test]
fn cgo() {
    if !have_cc() {
        eprintln!("cgo: skipped: no C compiler (`cc --version` failed)");
        return;
    }
    let root = root();
    let td = root.join("testdata");
    let filter = filter();
    let mut jobs = Vec::new();
    for d in test_dirs(&td.join("cgo")) {
        jobs.push(Job::Run(d));
    }
    for d in test_dirs(&td.join("cgo-errors")) {
        jobs.push(Job::Errors(d));
    }
    for d in test_dirs(&td.join("cgo-lib")) {
        jobs.push(Job::Lib(d.clone(), "c-archive"));
        jobs.push(Job::Lib(d, "c-shared"));
    }
    let all_names: BTreeSet<String> = jobs.iter().map(Job::name).collect();
    jobs.retain(|j| j.name().contains(&filter));

    // Test-data problems (patterns that gc's own output does not match).
    let mut data_bugs = Vec::new();
    for j in &jobs {
        if let Job::Errors(d) = j {
            data_bugs.extend(check_patterns_against_gc(d));
        }
    }

    let xfail: BTreeSet<String> = read_list(&td.join("cgo/xfail.txt")).into_iter().collect();
    let listed =
        |name: &str| xfail.contains(name) || xfail.contains(name.split(':').next().unwrap_or(name));
    let total = jobs.len();
    let verdicts: Vec<(String, Option<String>)> = parallel_map(jobs, |job| {
        let failure = match &job {
            Job::Run(d) => run_test(d),
            Job::Errors(d) => errors_test(d),
            Job::Lib(d, mode) => lib_test(d, mode),
        };
        (job.name(), failure)
    });

    let mut failed = Vec::new();
    let mut xfailed = Vec::new();
    let mut xpassed = Vec::new();
    for (name, failure) in &verdicts {
        match (failure, listed(name)) {
            (None, false) => {}
            (None, true) => xpassed.push(name.clone()),
            (Some(msg), true) => {
                if std::env::var_os("GORC_CGO_VERBOSE").is_some() {
                    eprintln!("=== XFAIL {name}\n{msg}\n");
                }
                xfailed.push(name.clone())
            }
            (Some(msg), false) => {
                eprintln!("=== FAIL {name}\n{msg}\n");
                failed.push(name.clone());
            }
        }
    }
    let passed = verdicts.iter().filter(|v| v.1.is_none()).count();
    eprintln!(
        "cgo: {passed}/{total} pass; {} failed, {} expected failures (cgo/xfail.txt), {} unexpected passes",
        failed.len(),
        xfailed.len(),
        xpassed.len()
    );
    if !xfailed.is_empty() {
        eprintln!("expected failures: {}", xfailed.join(" "));
    }
    for x in &xfail {
        let hit = all_names.contains(x) || all_names.iter().any(|n| n.split(':').next() == Some(x));
        if !hit {
            eprintln!("warning: cgo/xfail.txt names {x}, which is not a test");
        }
    }
    let mut msg = String::new();
    if !data_bugs.is_empty() {
        msg += &format!("test data problems:\n{}\n", data_bugs.join("\n"));
    }
    if !failed.is_empty() {
        msg += &format!("{} cgo tests failed: {}\n", failed.len(), failed.join(" "));
    }
    if !xpassed.is_empty() {
        // (A bare `cgo-lib/NAME` entry covers both modes; list them separately so
        // that one can be removed when it passes.)
        msg += &format!(
            "{} tests in testdata/cgo/xfail.txt now pass; remove them from the list: {}\n",
            xpassed.len(),
            xpassed.join(" ")
        );
    }
    assert!(msg.is_empty(), "{msg}");
}
