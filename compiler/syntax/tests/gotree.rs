//! Parses real Go code: the standard library and the Go test suite of the installed Go 1.19
//! (skipped when absent). Files using type parameters are skipped (not supported yet).

use gorc_syntax::{parse_file, FileSet, NodeIds};
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>, skip_testdata: bool) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name()
                .is_some_and(|n| (skip_testdata && n == "testdata") || n == "typeparam")
            {
                continue;
            }
            collect(&p, out, skip_testdata);
        } else if p.extension().is_some_and(|e| e == "go") {
            out.push(p);
        }
    }
}

/// A cheap test for generic code: type parameter lists and constraint interfaces.
fn uses_generics(src: &str) -> bool {
    let b = src.as_bytes();
    for (i, _) in src.match_indices('[') {
        // `func F[T any]`, `type S[K comparable, V any]`, `[T constraints.Ordered]`, `F[int](x)`.
        let rest = &src[i + 1..];
        let word_end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if word_end == 0 {
            continue;
        }
        let after = rest[word_end..].trim_start_matches(' ');
        let before_is_name = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        if before_is_name
            && (after.starts_with("any")
                || after.starts_with("comparable")
                || after.starts_with("interface")
                || after.starts_with("~")
                || after.starts_with("constraints.")
                || (word_end == 1 && after.starts_with(|c: char| c.is_ascii_uppercase())))
        {
            return true;
        }
    }
    if src.contains(" ~") || src.contains("|~") || src.contains("[~") {
        return true;
    }
    // Generic declarations: `func F[`, `type T[` (gofmt writes array types as `type T [N]E`),
    // and generic receivers `(r *T[K])`.
    for kw in ["func ", "type "] {
        for (i, _) in src.match_indices(kw) {
            let rest = &src[i + kw.len()..];
            let n = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            if n > 0 && rest[n..].starts_with('[') && !rest[n..].starts_with("[]") {
                return true;
            }
        }
    }
    src.lines()
        .any(|l| l.starts_with("func (") && l.split(')').next().is_some_and(|r| r.ends_with(']')))
}

fn parse_tree(root: &str, skip_testdata: bool, expect_errors: bool) -> (usize, usize, Vec<String>) {
    let root = Path::new(root);
    if !root.is_dir() {
        eprintln!("{} absent: skipping", root.display());
        return (0, 0, vec![]);
    }
    let mut files = Vec::new();
    collect(root, &mut files, skip_testdata);
    let mut fset = FileSet::new();
    let mut ids = NodeIds::default();
    let (mut ok, mut total) = (0, 0);
    let mut failures = Vec::new();
    let start = std::time::Instant::now();
    // Unoptimized builds parse every 4th file of big trees, to keep `cargo test` quick; the
    // release build (`cargo test --release`) parses them all.
    let step = if cfg!(debug_assertions) && files.len() > 3000 {
        4
    } else {
        1
    };
    for p in files.iter().step_by(step) {
        let Ok(src) = std::fs::read_to_string(p) else {
            continue;
        };
        if uses_generics(&src) {
            continue;
        }
        if expect_errors
            && (src.contains("// errorcheck")
                || src.contains("// skip")
                || src.contains("// compiledir"))
        {
            continue;
        }
        total += 1;
        let id = fset.add(p.display().to_string(), src);
        match parse_file(&fset, id, &mut ids) {
            Ok(_) => ok += 1,
            Err(errs) => {
                let e = &errs[0];
                failures.push(format!("{}: {}", fset.position(e.pos), e.msg));
            }
        }
    }
    eprintln!(
        "{}: parsed {}/{} files in {:?}",
        root.display(),
        ok,
        total,
        start.elapsed()
    );
    (ok, total, failures)
}

#[test]
fn parse_go_std() {
    let (ok, total, failures) = parse_tree("/usr/share/go-1.19/src", true, false);
    for f in failures.iter().take(60) {
        eprintln!("  {}", f);
    }
    assert!(
        failures.len() * 200 <= total.max(1),
        "{} of {} files failed",
        failures.len(),
        total
    );
    let _ = ok;
}

#[test]
fn parse_go_test_suite() {
    let (ok, total, failures) = parse_tree("/usr/share/go-1.19/test", false, true);
    for f in failures.iter().take(60) {
        eprintln!("  {}", f);
    }
    assert!(
        failures.len() * 100 <= total.max(1),
        "{} of {} files failed",
        failures.len(),
        total
    );
    let _ = ok;
}
