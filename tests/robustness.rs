//! Robustness: the lexer, parser and checker must never panic, whatever the input. Mutated
//! versions of the golden programs (bytes deleted, tokens inserted, lines swapped, files cut
//! short) go through `parse_file` and `check_package`; every one must come back as either a
//! package or diagnostics.
//!
//! The mutations come from a fixed-seed generator, so a failure names a reproducible case
//! (`GORC_FUZZ_SEED` and `GORC_FUZZ_ITERS` change the run).

use gorc_syntax::{FileSet, NodeIds};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&str] = &[
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ";",
    ",",
    ".",
    "...",
    ":=",
    "=",
    "+",
    "-",
    "*",
    "/",
    "%",
    "<<",
    ">>",
    "&^",
    "&&",
    "||",
    "<-",
    "!",
    "==",
    "!=",
    "<",
    ">=",
    "func",
    "var",
    "const",
    "type",
    "struct",
    "interface",
    "map",
    "chan",
    "go",
    "defer",
    "return",
    "if",
    "else",
    "for",
    "range",
    "switch",
    "case",
    "default",
    "select",
    "break",
    "continue",
    "goto",
    "fallthrough",
    "package",
    "import",
    "x",
    "_",
    "nil",
    "iota",
    "0",
    "1e400",
    "0x",
    "0b2",
    "'a'",
    "'\\400'",
    "\"s\"",
    "`r`",
    "\n",
    "/*",
    "*/",
    "//",
    "int",
    "string",
    "[]int",
    "*T",
    "1<<100",
    "-9223372036854775809",
    "\"\\xff\"",
    "'",
    "\"",
    "@",
    "#",
    "\u{feff}",
    "é",
];

fn mutate(src: &str, rng: &mut XorShift) -> String {
    let mut b = src.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        match rng.below(6) {
            0 if !b.is_empty() => {
                let i = rng.below(b.len());
                let n = 1 + rng.below(8.min(b.len() - i));
                b.drain(i..i + n);
            }
            1 => {
                let i = rng.below(b.len() + 1);
                let t = TOKENS[rng.below(TOKENS.len())];
                b.splice(i..i, t.bytes());
            }
            2 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] = (rng.next() & 0x7f) as u8;
            }
            3 => {
                let mut lines: Vec<&[u8]> = b.split(|&c| c == b'\n').collect();
                if lines.len() > 2 {
                    let i = rng.below(lines.len());
                    let j = rng.below(lines.len());
                    lines.swap(i, j);
                }
                b = lines.join(&b'\n');
            }
            4 => {
                let n = rng.below(b.len() + 1);
                b.truncate(n);
            }
            _ => {
                // Duplicate a slice of the file somewhere else.
                if !b.is_empty() {
                    let i = rng.below(b.len());
                    let n = rng.below(64.min(b.len() - i));
                    let chunk = b[i..i + n].to_vec();
                    let at = rng.below(b.len() + 1);
                    b.splice(at..at, chunk);
                }
            }
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

/// Parses and checks one source; returns a description of the panic, if any.
fn front_end(src: &str) -> Option<String> {
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut fset = FileSet::new();
        let id = fset.add("fuzz.go", src.to_string());
        let mut ids = NodeIds::default();
        if let Ok(file) = gorc_syntax::parse_file(&fset, id, &mut ids) {
            let _ = gorc_types::check_package(&fset, "main", &[file]);
        }
    }));
    result.err().map(|p| {
        p.downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "panic".into())
    })
}

#[test]
fn front_end_never_panics_on_mutated_programs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut sources = Vec::new();
    for dir in ["run", "errors"] {
        let mut names: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "go"))
            .collect();
        names.sort();
        for p in names {
            sources.push((
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            ));
        }
    }
    assert!(!sources.is_empty());
    let seed: u64 = std::env::var("GORC_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_901c);
    let iters: usize = std::env::var("GORC_FUZZ_ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20000);
    // Deeply nested inputs recurse deeply: give the checker room, as gc's goroutine would have.
    let failures = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || {
            std::panic::set_hook(Box::new(|_| {}));
            let mut rng = XorShift(seed | 1);
            let mut failures = Vec::new();
            for i in 0..iters {
                let (name, src) = &sources[rng.below(sources.len())];
                let m = mutate(src, &mut rng);
                if let Some(msg) = front_end(&m) {
                    failures.push(format!(
                        "iteration {i} (mutant of {name}): {msg}\n--- input ---\n{m}"
                    ));
                    if failures.len() >= 5 {
                        break;
                    }
                }
            }
            let _ = std::panic::take_hook();
            failures
        })
        .unwrap()
        .join()
        .unwrap();
    assert!(
        failures.is_empty(),
        "the front end panicked:\n{}",
        failures.join("\n\n")
    );
}

#[test]
fn front_end_survives_pathological_inputs() {
    let cases = [
        String::new(),
        "package".into(),
        "package main\nfunc main() {".into(),
        format!(
            "package main\nvar x = {}1{}\n",
            "(".repeat(500),
            ")".repeat(500)
        ),
        format!(
            "package main\nfunc main() {{ {} }}\n",
            "{".repeat(300) + &"}".repeat(300)
        ),
        format!("package main\nvar x = \"{}\n", "\\".repeat(1000)),
        "package main\nconst c = 1 << 1000000\n".into(),
        "package main\nvar a [1 << 62]int\nfunc main() {}\n".into(),
        "package main\ntype T [len(T{})]int\nfunc main() {}\n".into(),
        "package main\ntype T struct { T }\nfunc main() {}\n".into(),
        "package main\nfunc main() { var x int = x }\n".into(),
        "\u{0}\u{1}\u{2}".into(),
    ];
    let failures = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || {
            std::panic::set_hook(Box::new(|_| {}));
            let f: Vec<String> = cases
                .iter()
                .filter_map(|c| {
                    front_end(c).map(|m| format!("{m}\n--- input ---\n{}", &c[..c.len().min(200)]))
                })
                .collect();
            let _ = std::panic::take_hook();
            f
        })
        .unwrap()
        .join()
        .unwrap();
    assert!(
        failures.is_empty(),
        "the front end panicked:\n{}",
        failures.join("\n\n")
    );
}
