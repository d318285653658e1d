//! Go 1.19's own `// run` tests (from /usr/share/go-1.19/test, or
//! `GORC_GO_TEST_DIR`): single-file tests whose first line is exactly
//! `// run`, that import nothing (the issues' measure) or only packages gorc
//! ships in stdlib/ (counted separately), declare no generic functions or
//! types, and whose build constraints (if any) hold on linux/amd64 with gc. Each is
//! built with gorc and run (10 s timeout); the combined output must equal the
//! test's .out file (no .out: no output) and the exit status must be 0.
//!
//! The pass count is informational. The test fails only when a test named
//! in testdata/conformance-pass.txt stops passing; newly passing tests are
//! printed so they can be added to that list.
//!
//! `GORC_CONFORMANCE_LIST=1` only prints the selection (and its size).
//! `GORC_TEST_FILTER=substr` restricts the run to matching paths.

mod common;

use common::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const BUILD_TIMEOUT: Duration = Duration::from_secs(120);
const RUN_TIMEOUT: Duration = Duration::from_secs(10);

fn test_dir() -> PathBuf {
    std::env::var_os("GORC_GO_TEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/share/go-1.19/test"))
}

// ---------------------------------------------------------------------------
// Selection.

/// Build tags that hold for gc on linux/amd64.
fn tag_holds(tag: &str) -> bool {
    if let Some(v) = tag.strip_prefix("go1.") {
        return v.parse::<u32>().map(|v| v <= 19).unwrap_or(false);
    }
    matches!(tag, "linux" | "amd64" | "gc" | "unix" | "cgo")
}

/// Evaluates a `//go:build` expression (`||`, `&&`, `!`, parentheses).
fn eval_go_build(expr: &str) -> bool {
    let mut toks: Vec<String> = Vec::new();
    let cs: Vec<char> = expr.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '(' || c == ')' || c == '!' {
            toks.push(c.to_string());
            i += 1;
        } else if (c == '&' || c == '|') && i + 1 < cs.len() && cs[i + 1] == c {
            toks.push(format!("{c}{c}"));
            i += 2;
        } else {
            let start = i;
            while i < cs.len() && (cs[i].is_alphanumeric() || cs[i] == '_' || cs[i] == '.') {
                i += 1;
            }
            if i == start {
                return false; // unparsable: treat as excluded
            }
            toks.push(cs[start..i].iter().collect());
        }
    }
    fn or(t: &[String], p: &mut usize) -> bool {
        let mut v = and(t, p);
        while *p < t.len() && t[*p] == "||" {
            *p += 1;
            let r = and(t, p);
            v = v || r;
        }
        v
    }
    fn and(t: &[String], p: &mut usize) -> bool {
        let mut v = not(t, p);
        while *p < t.len() && t[*p] == "&&" {
            *p += 1;
            let r = not(t, p);
            v = v && r;
        }
        v
    }
    fn not(t: &[String], p: &mut usize) -> bool {
        if *p >= t.len() {
            return false;
        }
        if t[*p] == "!" {
            *p += 1;
            return !not(t, p);
        }
        if t[*p] == "(" {
            *p += 1;
            let v = or(t, p);
            if *p < t.len() && t[*p] == ")" {
                *p += 1;
            }
            return v;
        }
        let v = tag_holds(&t[*p]);
        *p += 1;
        v
    }
    let mut p = 0;
    or(&toks, &mut p)
}

/// Evaluates the file's build constraints: a `//go:build` line wins;
/// otherwise all `// +build` lines must hold (space = or, comma = and).
fn constraints_hold(src: &str) -> bool {
    let header = src.lines().take_while(|l| !l.starts_with("package "));
    let mut plus_build = Vec::new();
    for l in header {
        if let Some(e) = l.strip_prefix("//go:build") {
            return eval_go_build(e);
        }
        if let Some(e) = l.strip_prefix("// +build") {
            plus_build.push(e.to_string());
        }
    }
    plus_build.iter().all(|line| {
        line.split_whitespace().any(|term| {
            term.split(',').all(|t| match t.strip_prefix('!') {
                Some(t) => !tag_holds(t),
                None => tag_holds(t),
            })
        })
    })
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

/// Heuristic for generic declarations: `func Name[`, `func (r R) Name[`, or
/// `type Name[P C` / `type Name[P, Q` (a type parameter list, as opposed to
/// an array type `type Name [N]T` whose bracket holds a constant
/// expression followed directly by `]`).
fn is_generic(src: &str) -> bool {
    for line in src.lines() {
        let l = line.trim_start();
        if let Some(rest) = l.strip_prefix("func ") {
            let mut rest = rest.trim_start();
            if rest.starts_with('(') {
                // skip the receiver
                let Some(close) = rest.find(')') else {
                    continue;
                };
                rest = rest[close + 1..].trim_start();
            }
            let b = rest.as_bytes();
            let mut i = 0;
            while i < b.len() && (is_ident_start(b[i]) || b[i].is_ascii_digit()) {
                i += 1;
            }
            if i > 0 && i < b.len() && b[i] == b'[' {
                return true;
            }
        } else if let Some(rest) = l.strip_prefix("type ") {
            let b = rest.trim_start().as_bytes();
            let mut i = 0;
            while i < b.len() && (is_ident_start(b[i]) || b[i].is_ascii_digit()) {
                i += 1;
            }
            if i == 0 {
                continue;
            }
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
            if i >= b.len() || b[i] != b'[' {
                continue;
            }
            i += 1;
            // first type parameter name
            let s = i;
            while i < b.len() && (is_ident_start(b[i]) || b[i].is_ascii_digit()) {
                i += 1;
            }
            if i == s {
                continue;
            }
            // `[P any]`, `[P interface{...}]`, `[P ~int]`, `[P *T]`, `[P, Q any]`
            if i < b.len() && b[i] == b',' {
                return true;
            }
            if i < b.len() && b[i] == b' ' {
                while i < b.len() && b[i] == b' ' {
                    i += 1;
                }
                if i < b.len()
                    && (is_ident_start(b[i]) || b[i] == b'~' || b[i] == b'*' || b[i] == b'[')
                {
                    // `[N * 2]T` would also look like this; such array
                    // lengths are rare enough in `type` lines to accept.
                    return b[i] != b'*' || (i + 1 < b.len() && b[i + 1] != b' ');
                }
            }
        }
    }
    false
}

/// The import paths of a file (its import declarations, single or grouped).
fn import_paths(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_group = false;
    for l in src.lines() {
        let t = l.trim();
        if in_group {
            if t.starts_with(')') {
                in_group = false;
            } else if let Some(p) = quoted(t) {
                out.push(p);
            }
            continue;
        }
        if let Some(rest) = t.strip_prefix("import") {
            let rest = rest.trim_start();
            if rest.starts_with('(') {
                in_group = !rest.contains(')');
                if let Some(p) = quoted(&rest[1..]) {
                    out.push(p);
                }
            } else if let Some(p) = quoted(rest) {
                out.push(p);
            }
        }
    }
    out
}

/// The first double-quoted string of a line (after an optional import name).
fn quoted(s: &str) -> Option<String> {
    let a = s.find('"')?;
    let b = s[a + 1..].find('"')?;
    Some(s[a + 1..a + 1 + b].to_string())
}

/// The standard packages gorc ships: the directories under stdlib/ holding .go files.
fn shipped_packages() -> BTreeSet<String> {
    fn walk(dir: &Path, base: &Path, out: &mut BTreeSet<String>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, base, out);
            } else if p.extension().is_some_and(|x| x == "go") {
                if let Ok(rel) = dir.strip_prefix(base) {
                    out.insert(rel.to_string_lossy().into_owned());
                }
            }
        }
    }
    let base = root().join("stdlib");
    let mut out = BTreeSet::new();
    walk(&base, &base, &mut out);
    out
}

fn has_import(src: &str) -> bool {
    src.lines().any(|l| {
        l.strip_prefix("import")
            .map(|r| r.is_empty() || r.starts_with([' ', '\t', '(', '"']))
            .unwrap_or(false)
    })
}

/// Why a file is not selected, or `None` when it is. `shipped`: the standard packages a
/// selected test may import (empty: only import-free tests).
fn exclusion(src: &str, shipped: &BTreeSet<String>) -> Option<&'static str> {
    if src.lines().next().map(str::trim_end) != Some("// run") {
        return Some("not `// run`");
    }
    if has_import(src) {
        let paths = import_paths(src);
        if paths.is_empty() || !paths.iter().all(|p| p == "unsafe" || shipped.contains(p)) {
            return Some("imports");
        }
    }
    if is_generic(src) {
        return Some("generic");
    }
    if !constraints_hold(src) {
        return Some("build constraints");
    }
    None
}

/// The selected tests, as paths relative to the test directory, each with whether it imports
/// standard packages.
fn select(dir: &Path) -> Vec<(String, bool)> {
    fn walk(dir: &Path, base: &Path, shipped: &BTreeSet<String>, out: &mut Vec<(String, bool)>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd.flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if p.is_dir() {
                // `x.dir` directories hold multi-file tests.
                if !name.ends_with(".dir") {
                    walk(&p, base, shipped, out);
                }
            } else if name.ends_with(".go") {
                let Ok(src) = std::fs::read_to_string(&p) else {
                    continue;
                };
                if exclusion(&src, shipped).is_none() {
                    let rel = p.strip_prefix(base).unwrap().to_string_lossy().into_owned();
                    out.push((rel, has_import(&src)));
                }
            }
        }
    }
    let shipped = shipped_packages();
    let mut out = Vec::new();
    walk(dir, dir, &shipped, &mut out);
    out.sort();
    out
}

fn run_one(dir: &Path, rel: &str) -> Result<(), String> {
    let path = dir.join(rel);
    let expected = std::fs::read_to_string(path.with_extension("out")).unwrap_or_default();
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let exe = tmp.path().join("x");
    let build =
        gorc_build(&path, &exe, BUILD_TIMEOUT).map_err(|e| format!("cannot run gorc: {e}"))?;
    if build.code != Some(0) {
        return Err(format!(
            "build failed ({}): {}",
            build.describe_status(),
            truncate(&build.output, 600)
        ));
    }
    if !exe.exists() {
        return Err("gorc build exited 0 but wrote no executable".to_string());
    }
    let mut cmd = Command::new(&exe);
    cmd.current_dir(tmp.path());
    // Go's harness (test/run.go) sets these when they are unset; env.go checks them.
    for (k, v) in [("GOOS", "linux"), ("GOARCH", "amd64")] {
        if std::env::var_os(k).is_none() {
            cmd.env(k, v);
        }
    }
    let run = run_combined(cmd, RUN_TIMEOUT).map_err(|e| format!("cannot run: {e}"))?;
    if run.code != Some(0) {
        return Err(format!(
            "{}; output:\n{}",
            run.describe_status(),
            truncate(&run.output, 600)
        ));
    }
    if run.output.replace("\r\n", "\n") != expected {
        return Err(format!(
            "output mismatch\n{}",
            truncate(
                &unified_diff(&expected, &run.output, "expected", "actual"),
                2000
            )
        ));
    }
    Ok(())
}

#[test]
fn conformance() {
    let dir = test_dir();
    if !dir.is_dir() {
        eprintln!(
            "conformance: skipped: {} not found (install golang-go 1.19 or set GORC_GO_TEST_DIR)",
            dir.display()
        );
        return;
    }
    let selection = select(&dir);
    let with_std: BTreeSet<String> = selection
        .iter()
        .filter(|t| t.1)
        .map(|t| t.0.clone())
        .collect();
    if std::env::var_os("GORC_CONFORMANCE_LIST").is_some() {
        for (t, std) in &selection {
            println!(
                "{t}{}",
                if *std {
                    " (imports standard packages)"
                } else {
                    ""
                }
            );
        }
        eprintln!(
            "conformance: {} import-free tests and {} importing standard packages selected",
            selection.len() - with_std.len(),
            with_std.len()
        );
        return;
    }
    let filter = filter();
    let selected: Vec<String> = selection
        .into_iter()
        .map(|t| t.0)
        .filter(|t| t.contains(&filter))
        .collect();
    let total = selected.len();
    let must_pass: BTreeSet<String> = read_list(&root().join("testdata/conformance-pass.txt"))
        .into_iter()
        .collect();
    let verbose = std::env::var_os("GORC_CONFORMANCE_VERBOSE").is_some();
    let dir2 = dir.clone();
    let results = parallel_map(selected.clone(), move |rel| {
        let r = run_one(&dir2, &rel);
        (rel, r)
    });
    let mut passed = Vec::new();
    let mut regressions = Vec::new();
    for (rel, r) in &results {
        match r {
            Ok(()) => passed.push(rel.clone()),
            Err(msg) => {
                if must_pass.contains(rel) {
                    eprintln!("=== REGRESSION {rel}\n{msg}\n");
                    regressions.push(rel.clone());
                } else if verbose {
                    eprintln!("=== fail {rel}\n{msg}\n");
                }
            }
        }
    }
    let newly: Vec<&String> = passed.iter().filter(|p| !must_pass.contains(*p)).collect();
    let std_total = selected.iter().filter(|t| with_std.contains(*t)).count();
    let std_passed = passed.iter().filter(|t| with_std.contains(*t)).count();
    eprintln!(
        "conformance: {}/{} import-free tests pass; {}/{} importing standard packages",
        passed.len() - std_passed,
        total - std_total,
        std_passed,
        std_total
    );
    if !newly.is_empty() {
        eprintln!(
            "conformance: {} newly passing (add to testdata/conformance-pass.txt):",
            newly.len()
        );
        for n in &newly {
            eprintln!("{n}");
        }
    }
    if filter.is_empty() {
        let sel: BTreeSet<&String> = selected.iter().collect();
        for m in &must_pass {
            if !sel.contains(m) {
                eprintln!("warning: conformance-pass.txt names {m}, which is not selected");
            }
        }
    }
    assert!(
        regressions.is_empty(),
        "{} tests listed in testdata/conformance-pass.txt no longer pass: {}",
        regressions.len(),
        regressions.join(" ")
    );
}

#[cfg(test)]
mod selection_tests {
    use super::*;

    #[test]
    fn generics_heuristic() {
        assert!(is_generic("func Map[T any](x T) T { return x }"));
        assert!(is_generic("type List[T any] struct{}"));
        assert!(is_generic("type Pair[K comparable, V any] struct{}"));
        assert!(is_generic("type Num[T ~int | ~float64] struct{}"));
        assert!(is_generic("type P[T *int] struct{}"));
        assert!(!is_generic("type A [4]int"));
        assert!(!is_generic("type A [N]int"));
        assert!(!is_generic("type A [N + 1]int"));
        assert!(!is_generic("func f(a [3]int) {}"));
        assert!(!is_generic("var x = y[3]"));
    }

    #[test]
    fn build_constraints() {
        assert!(constraints_hold("// run\n\npackage main\n"));
        assert!(constraints_hold("//go:build !wasm\n\npackage main\n"));
        assert!(!constraints_hold(
            "//go:build goexperiment.unified\n\npackage main\n"
        ));
        assert!(constraints_hold(
            "//go:build (linux || darwin) && amd64\npackage main\n"
        ));
        assert!(!constraints_hold("// +build windows\npackage main\n"));
        assert!(constraints_hold("// +build !gccgo\npackage main\n"));
        assert!(constraints_hold(
            "// +build darwin linux,amd64\npackage main\n"
        ));
    }

    #[test]
    fn imports() {
        assert!(has_import("package main\nimport \"fmt\"\n"));
        assert_eq!(
            import_paths("package main\nimport (\n\t\"os\"\n\tx \"strings\"\n)\nimport \"math\"\n"),
            vec!["os", "strings", "math"]
        );
        assert_eq!(import_paths("package main\nimport (\"os\")\n"), vec!["os"]);
        assert!(has_import("package main\nimport (\n\t\"os\"\n)\n"));
        assert!(has_import("package main\nimport(\"os\")\n"));
        assert!(!has_import(
            "package main\n// import \"fmt\"\nfunc importer() {}\n"
        ));
    }
}
