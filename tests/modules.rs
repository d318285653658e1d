//! Multi-package programs: each directory testdata/modules/NAME is a module (a go.mod and
//! packages in sub-directories). The test builds it with `gorc build -o EXE .` from inside the
//! directory, runs EXE, and compares what both steps print with NAME.out, which holds what
//! `go build -o EXE . && EXE` prints (testdata/gen-out.sh makes it). The exit status comes
//! from a `// exitcode: N` comment at the top of the module's main.go (default 0; 1 for a
//! build that fails, as `go build` exits).
//!
//! gc's compile errors are printed under a `# package` line and with `./` before file names;
//! both are dropped before comparing, and so is the directory after `is not in GOROOT`
//! (gc's GOROOT and gorc's stdlib/ are in different places).

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const BUILD_TIMEOUT: Duration = Duration::from_secs(120);
const RUN_TIMEOUT: Duration = Duration::from_secs(10);

fn expected_exit_code(dir: &Path) -> i32 {
    let src = std::fs::read_to_string(dir.join("main.go")).unwrap_or_default();
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

/// Drops the go command's `# pkg` headers, `./` file prefixes and GOROOT directories.
fn normalize(s: &str) -> String {
    s.lines()
        .filter(|l| !l.starts_with("# "))
        .map(|l| l.strip_prefix("./").unwrap_or(l))
        .map(|l| match l.find(" is not in GOROOT (") {
            Some(i) => format!("{} is not in GOROOT (…)\n", &l[..i]),
            None => format!("{l}\n"),
        })
        .collect()
}

fn run_module(dir: &Path) -> Option<String> {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let out_path = dir.with_extension("out");
    let expected = match std::fs::read_to_string(&out_path) {
        Ok(s) => s,
        Err(e) => return Some(format!("cannot read {}: {e}", out_path.display())),
    };
    let want_code = expected_exit_code(dir);
    let tmp = tempfile::tempdir().expect("tempdir");
    let exe = tmp.path().join(&name);
    let build = match build_package(dir, &exe, BUILD_TIMEOUT) {
        Ok(o) => o,
        Err(e) => return Some(e),
    };
    let (output, code) = if build.code == Some(0) {
        let mut run = Command::new(&exe);
        run.current_dir(dir);
        match run_combined(run, RUN_TIMEOUT) {
            Ok(o) => (o.output.clone(), o.code),
            Err(e) => return Some(format!("running the program: {e}")),
        }
    } else {
        (build.output.clone(), build.code)
    };
    if code != Some(want_code) {
        return Some(format!(
            "exit status {code:?}, want {want_code}; output:\n{}",
            truncate(&output, 3000)
        ));
    }
    compare_output(&normalize(&expected), &normalize(&output)).err()
}

#[test]
fn modules() {
    let base = root().join("testdata/modules");
    let filter = filter();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&base)
        .expect("reading testdata/modules")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .filter(|p| p.to_string_lossy().contains(&filter))
        .collect();
    dirs.sort();
    let results = parallel_map(dirs.clone(), |d| run_module(&d));
    let mut failed = Vec::new();
    for (d, r) in dirs.iter().zip(results) {
        if let Some(msg) = r {
            eprintln!(
                "FAIL modules/{}:\n{msg}\n",
                d.file_name().unwrap().to_string_lossy()
            );
            failed.push(d.clone());
        }
    }
    eprintln!("modules: {}/{} pass", dirs.len() - failed.len(), dirs.len());
    assert!(failed.is_empty(), "{} module test(s) failed", failed.len());
}
