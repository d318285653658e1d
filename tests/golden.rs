//! The golden suite: testdata/run/*.go must compile, run and print exactly
//! their .out file (exit status from a `// exitcode: N` comment, default 0);
//! testdata/errors/*.go must fail to compile with exactly the errors their
//! `// ERROR "regexp"` comments announce. testdata/xfail.txt lists tests
//! expected to fail for now. See testdata/README.md.
//!
//! `GORC_TEST_FILTER=substr` runs only tests whose file name contains it;
//! `GORC_BIN=/path` tests another compiler binary.

mod common;

use common::*;
use regex::Regex;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const BUILD_TIMEOUT: Duration = Duration::from_secs(120);
const RUN_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Run,
    Errors,
}

struct Verdict {
    name: String,
    /// `None`: passed; `Some(msg)`: failed.
    failure: Option<String>,
}

fn collect(dir: &Path, filter: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().map(|x| x == "go").unwrap_or(false))
        .filter(|p| test_name(p).contains(filter))
        .collect();
    files.sort();
    files
}

/// A test's name: `run/foo.go` or `errors/bar.go`.
fn test_name(p: &Path) -> String {
    let dir = p
        .parent()
        .and_then(|d| d.file_name())
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{}/{}", dir, p.file_name().unwrap().to_string_lossy())
}

fn run_test(path: &Path) -> Option<String> {
    let src = std::fs::read_to_string(path).ok()?;
    let want_code = header_exit_code(&src);
    let out_path = path.with_extension("out");
    let expected = match std::fs::read_to_string(&out_path) {
        Ok(s) => s,
        Err(e) => return Some(format!("cannot read {}: {e}", out_path.display())),
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let exe = tmp.path().join("x");
    let build = match gorc_build(path, &exe, BUILD_TIMEOUT) {
        Ok(o) => o,
        Err(e) => return Some(format!("cannot run gorc: {e}")),
    };
    if build.code != Some(0) {
        return Some(format!(
            "gorc build failed ({}):\n{}",
            build.describe_status(),
            truncate(&build.output, 4000)
        ));
    }
    if !exe.exists() {
        return Some(format!(
            "gorc build exited 0 but wrote no executable at {}:\n{}",
            exe.display(),
            truncate(&build.output, 4000)
        ));
    }
    let mut problems = Vec::new();
    for env in header_envs(&src) {
        let mut cmd = Command::new(&exe);
        cmd.current_dir(tmp.path());
        let mut label = String::new();
        for (k, v) in &env {
            cmd.env(k, v);
            label.push_str(&format!(" {k}={v}"));
        }
        let run = match run_combined(cmd, RUN_TIMEOUT) {
            Ok(o) => o,
            Err(e) => return Some(format!("cannot run the program: {e}")),
        };
        if run.code != Some(want_code) {
            problems.push(format!(
                "[env:{label}] want exit status {want_code}, got {}",
                run.describe_status()
            ));
        }
        if let Err(d) = compare_output(&expected, &run.output) {
            problems.push(format!("[env:{label}] output mismatch:\n{d}"));
        }
    }
    if problems.is_empty() {
        None
    } else {
        Some(problems.join("\n"))
    }
}

/// Parses the patterns of an `// ERROR "re" "re2"` or ``// ERROR `re` ``
/// comment on a line.
fn error_patterns(line: &str) -> Vec<String> {
    let Some(pos) = line.find("// ERROR") else {
        return vec![];
    };
    let mut rest = line[pos + "// ERROR".len()..].trim_start();
    let mut pats = Vec::new();
    loop {
        if let Some(r) = rest.strip_prefix('`') {
            let end = r.find('`').expect("unterminated ` in ERROR comment");
            pats.push(r[..end].to_string());
            rest = r[end + 1..].trim_start();
        } else if let Some(r) = rest.strip_prefix('"') {
            // Go interpreted string: handle \\ and \" (enough for regexps).
            let mut s = String::new();
            let mut chars = r.char_indices();
            let mut end = None;
            while let Some((i, c)) = chars.next() {
                match c {
                    '"' => {
                        end = Some(i);
                        break;
                    }
                    '\\' => match chars.next() {
                        Some((_, '\\')) => s.push('\\'),
                        Some((_, '"')) => s.push('"'),
                        Some((_, 'n')) => s.push('\n'),
                        Some((_, 't')) => s.push('\t'),
                        Some((_, other)) => {
                            s.push('\\');
                            s.push(other)
                        }
                        None => {}
                    },
                    c => s.push(c),
                }
            }
            let end = end.expect("unterminated \" in ERROR comment");
            pats.push(s);
            rest = r[end + 1..].trim_start();
        } else {
            break;
        }
    }
    pats
}

/// Splits compiler output into (line, message) pairs for `file`:
/// `path:line:col: message`, where path's file name is `file`. Lines that
/// start with a tab continue the previous message (as gc prints
/// `have`/`want` details); other lines (`# pkg`) and gc's final
/// `too many errors` are ignored.
fn parse_errors(output: &str, file: &str) -> (Vec<(usize, String)>, Vec<String>) {
    let re = Regex::new(r"^(.+?):(\d+):(\d+): (.*)$").unwrap();
    let mut msgs: Vec<(usize, String)> = Vec::new();
    let mut other = Vec::new();
    let mut last_was_msg = false;
    for l in output.lines() {
        if l.starts_with('\t') && last_was_msg {
            let m = msgs.last_mut().unwrap();
            m.1.push('\n');
            m.1.push_str(l);
            continue;
        }
        last_was_msg = false;
        if let Some(c) = re.captures(l) {
            let path = &c[1];
            let base = Path::new(path)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            // gc stops after 10 errors with `pos: too many errors`.
            if base == file && &c[4] != "too many errors" {
                msgs.push((c[2].parse().unwrap(), c[4].to_string()));
                last_was_msg = true;
                continue;
            }
        }
        other.push(l.to_string());
    }
    (msgs, other)
}

fn errors_test(path: &Path) -> Option<String> {
    let src = std::fs::read_to_string(path).ok()?;
    let file = path.file_name().unwrap().to_string_lossy().into_owned();
    let tmp = tempfile::tempdir().expect("tempdir");
    let exe = tmp.path().join("x");
    let build = match gorc_build(path, &exe, BUILD_TIMEOUT) {
        Ok(o) => o,
        Err(e) => return Some(format!("cannot run gorc: {e}")),
    };
    let mut problems = Vec::new();
    if build.code != Some(1) {
        problems.push(format!(
            "want exit status 1, got {}",
            build.describe_status()
        ));
    }
    let (mut msgs, _other) = parse_errors(&build.output, &file);
    for (i, line) in src.lines().enumerate() {
        let lineno = i + 1;
        for pat in error_patterns(line) {
            let re = match Regex::new(&pat) {
                Ok(r) => r,
                Err(e) => {
                    problems.push(format!("{file}:{lineno}: bad regexp {pat:?}: {e}"));
                    continue;
                }
            };
            match msgs
                .iter()
                .position(|(l, m)| *l == lineno && re.is_match(m))
            {
                Some(k) => {
                    msgs.remove(k);
                }
                None => {
                    let got: Vec<&String> = msgs
                        .iter()
                        .filter(|(l, _)| *l == lineno)
                        .map(|(_, m)| m)
                        .collect();
                    problems.push(format!(
                        "{file}:{lineno}: missing error matching {pat:?} (messages on this line: {got:?})"
                    ));
                }
            }
        }
    }
    for (l, m) in &msgs {
        problems.push(format!("{file}:{l}: unexpected error: {m}"));
    }
    if problems.is_empty() {
        None
    } else {
        Some(format!(
            "{}\n--- compiler output ---\n{}",
            problems.join("\n"),
            truncate(&build.output, 4000)
        ))
    }
}

#[test]
fn golden() {
    let root = root();
    let filter = filter();
    let mut jobs: Vec<(Kind, PathBuf)> = Vec::new();
    for p in collect(&root.join("testdata/run"), &filter) {
        jobs.push((Kind::Run, p));
    }
    for p in collect(&root.join("testdata/errors"), &filter) {
        jobs.push((Kind::Errors, p));
    }
    let xfail: BTreeSet<String> = read_list(&root.join("testdata/xfail.txt"))
        .into_iter()
        .collect();
    let total = jobs.len();
    let verdicts = parallel_map(jobs, |(kind, path)| Verdict {
        name: test_name(&path),
        failure: match kind {
            Kind::Run => run_test(&path),
            Kind::Errors => errors_test(&path),
        },
    });

    let known: BTreeSet<&str> = verdicts.iter().map(|v| v.name.as_str()).collect();
    let mut failed = Vec::new();
    let mut xfailed = Vec::new();
    let mut xpassed = Vec::new();
    for v in &verdicts {
        let listed =
            xfail.contains(&v.name) || xfail.contains(v.name.rsplit('/').next().unwrap_or(""));
        match (&v.failure, listed) {
            (None, false) => {}
            (None, true) => xpassed.push(v.name.clone()),
            (Some(_), true) => xfailed.push(v.name.clone()),
            (Some(msg), false) => {
                eprintln!("=== FAIL {}\n{}\n", v.name, msg);
                failed.push(v.name.clone());
            }
        }
    }
    let passed = verdicts.iter().filter(|v| v.failure.is_none()).count();
    eprintln!(
        "golden: {passed}/{total} pass; {} failed, {} expected failures (xfail.txt), {} unexpected passes",
        failed.len(),
        xfailed.len(),
        xpassed.len()
    );
    if !xfailed.is_empty() {
        eprintln!("expected failures: {}", xfailed.join(" "));
    }
    if filter.is_empty() {
        for x in &xfail {
            let hit =
                known.contains(x.as_str()) || known.iter().any(|k| k.ends_with(&format!("/{x}")));
            if !hit {
                eprintln!("warning: xfail.txt names {x}, which is not a test");
            }
        }
    }
    let mut msg = String::new();
    if !failed.is_empty() {
        msg += &format!(
            "{} golden tests failed: {}\n",
            failed.len(),
            failed.join(" ")
        );
    }
    if !xpassed.is_empty() {
        msg += &format!(
            "{} tests in testdata/xfail.txt now pass; remove them from the list: {}\n",
            xpassed.len(),
            xpassed.join(" ")
        );
    }
    assert!(msg.is_empty(), "{msg}");
}
