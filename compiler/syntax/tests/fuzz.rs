//! Robustness: mutated Go sources (bytes and tokens deleted, inserted, swapped, with a fixed-seed
//! PRNG) must never make the lexer or parser panic. Deterministic, so failures reproduce.

use gorc_syntax::lexer::tokenize;
use gorc_syntax::{parse_file, FileSet, NodeIds};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// xorshift64*: tiny, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const SEED_PROGRAM: &str = r#"package main

import (
	"fmt"
	str "strings"
)

type Shape interface {
	Area() float64
	fmt.Stringer
}

type Rect struct {
	W, H float64 `json:"w"`
	*Base
	next *Rect
}

const (
	A = iota * 10
	B
	C, D = 1 << 3, 0x1p-2
)

var m = map[string][]int{"a": {1, 2}, "b": nil}

func (r *Rect) Area() float64 { return r.W * r.H }

func apply(fs ...func(int) int) (out []int, err error) {
	for i, f := range fs {
		out = append(out, f(i))
	}
	return
}

func main() {
	ch := make(chan<- <-chan int, 3)
	var x interface{} = 'x'
	switch v := x.(type) {
	case int, rune:
		fmt.Println(v + 1)
	case nil:
	default:
		_ = v
	}
	if r := (Rect{W: 1}); r.W > 0 && !false {
		goto done
	}
	for _, s := range []string{"a\n", `raw`, "\u00e9\xff"} {
		select {
		case c := <-make(chan int):
			_ = c
		case ch <- nil:
		default:
			break
		}
		defer func() { recover() }()
		go str.ToUpper(s)
	}
	arr := [...]int{1, 2, 3}
	s := arr[1:2:3]
	s[0] += 'a' &^ 0b1010 | 0o17
	x = (*Rect).Area
	f := func() (int, error) { return 0, nil }
	_, _ = f()
done:
	for i := 0; i < 10; i++ {
		continue
	}
	fmt.Printf("%v %d\n", s, len(m)...)
}
"#;

const SNIPPETS: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ";",
    ",",
    ".",
    ":",
    ":=",
    "=",
    "...",
    "<-",
    "*",
    "&",
    "func",
    "chan",
    "map",
    "struct",
    "interface",
    "if",
    "for",
    "range",
    "switch",
    "case",
    "default",
    "select",
    "go",
    "defer",
    "return",
    "type",
    "var",
    "const",
    "import",
    "package",
    "x",
    "_",
    "0x",
    "1e",
    "'",
    "\"",
    "`",
    "/*",
    "//",
    "\n",
    "\\",
    "@",
    "é",
    "\u{feff}",
    "0_",
    "1.5i",
    ".(type)",
];

fn sources() -> Vec<String> {
    let mut v = vec![SEED_PROGRAM.to_string()];
    // A few real files, if the Go tree is installed.
    for p in [
        "/usr/share/go-1.19/test/chan/select3.go",
        "/usr/share/go-1.19/test/ken/chan.go",
        "/usr/share/go-1.19/test/closure.go",
        "/usr/share/go-1.19/src/strings/strings.go",
        "/usr/share/go-1.19/src/fmt/scan.go",
    ] {
        if let Ok(s) = std::fs::read_to_string(p) {
            // Keep inputs small so the loop stays fast.
            let cut = s
                .char_indices()
                .map(|(i, _)| i)
                .take_while(|&i| i < 12_000)
                .last()
                .unwrap_or(0);
            v.push(s[..cut].to_string());
        }
    }
    v
}

fn mutate(rng: &mut Rng, src: &str) -> String {
    let mut b = src.as_bytes().to_vec();
    let n = 1 + rng.below(4);
    for _ in 0..n {
        let len = b.len();
        match rng.below(6) {
            0 => {
                // Delete a byte range.
                let at = rng.below(len);
                let k = 1 + rng.below(8);
                b.drain(at..(at + k).min(len));
            }
            1 => {
                // Insert a random byte.
                let at = rng.below(len + 1);
                b.insert(at, (rng.next() & 0xff) as u8);
            }
            2 | 3 => {
                // Insert a token or tricky snippet.
                let at = rng.below(len + 1);
                let s = SNIPPETS[rng.below(SNIPPETS.len())];
                b.splice(at..at, s.bytes());
            }
            4 => {
                // Swap two bytes.
                if len > 1 {
                    let (i, j) = (rng.below(len), rng.below(len));
                    b.swap(i, j);
                }
            }
            _ => {
                // Duplicate a chunk elsewhere.
                if len > 1 {
                    let from = rng.below(len);
                    let k = 1 + rng.below(40);
                    let chunk: Vec<u8> = b[from..(from + k).min(len)].to_vec();
                    let at = rng.below(len + 1);
                    b.splice(at..at, chunk);
                }
            }
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

#[test]
fn mutated_sources_never_panic() {
    let iterations = if cfg!(debug_assertions) { 1000 } else { 6000 };
    let srcs = sources();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut fset = FileSet::new();
    let mut ids = NodeIds::default();
    let mut rejected = 0;
    let start = std::time::Instant::now();
    for i in 0..iterations {
        let base = &srcs[i % srcs.len()];
        let src = mutate(&mut rng, base);
        let r = catch_unwind(AssertUnwindSafe(|| {
            let _ = tokenize(&src);
            let id = fset.add(format!("fuzz{}.go", i), src.clone());
            match parse_file(&fset, id, &mut ids) {
                Ok(_) => false,
                Err(errs) => {
                    assert!(!errs.is_empty());
                    for e in &errs {
                        // Every error has a valid position inside the file.
                        let p = fset.position(e.pos);
                        assert!(p.line >= 1, "{:?}", e);
                    }
                    true
                }
            }
        }));
        match r {
            Ok(rej) => rejected += rej as usize,
            Err(_) => panic!(
                "panic on mutation {} of source {}:\n{}",
                i,
                i % srcs.len(),
                src
            ),
        }
    }
    eprintln!(
        "{} mutated sources ({} rejected) in {:?}",
        iterations,
        rejected,
        start.elapsed()
    );
}

#[test]
fn pathological_inputs() {
    let cases = [
        String::new(),
        "package".into(),
        "package p".into(),
        "package p\nfunc".into(),
        "\u{feff}package p".into(),
        "package p\n/*".into(),
        "package p\nvar s = `".into(),
        "package p\nvar r = '\\".into(),
        "package p\nvar s = \"\\".into(),
        "package p\nvar x = 0x".into(),
        "package p\nvar x = ".to_string() + &"(".repeat(2000) + &")".repeat(2000),
        "package p\nvar x = ".to_string() + &"-".repeat(5000) + "1",
        "package p\nvar x = 1".to_string() + &" + 1".repeat(5000),
        "package p\nfunc f() {".to_string() + &"{".repeat(1000) + &"}".repeat(1000) + "}",
        "\0\0\0".into(),
    ];
    for src in cases {
        let mut fset = FileSet::new();
        let id = fset.add("p.go", src.clone());
        let mut ids = NodeIds::default();
        let r = catch_unwind(AssertUnwindSafe(|| {
            let _ = parse_file(&fset, id, &mut ids);
        }));
        assert!(r.is_ok(), "panic on {:?}", &src[..src.len().min(80)]);
    }
}
