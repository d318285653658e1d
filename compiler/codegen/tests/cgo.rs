//! The cgo directives end to end, without the cgo front end: a Go program declaring
//! `//gorc:cgocall`, `//gorc:csymaddr` and `//gorc:cgoexport` functions by hand is compiled to
//! an object, linked with hand-written C wrappers (which read and write the argument frames at
//! the offsets of the layout rule, spelled out) and the runtime library, and run.
//!
//! The runtime library is the one the root package's build script makes (`cargo build
//! --release` first), or `$GORC_RT_LIB`. Without it, only the object's symbols are checked.
//! The C file defines a weak `gorc_cgocall` that calls the wrapper on the goroutine's stack,
//! which the runtime's own definition, when it has one, replaces.

use std::path::{Path, PathBuf};
use std::process::Command;

const GO: &str = r#"package main

import "unsafe"

type pair struct {
	a int8
	b int64
}

// Memory-class (an array): passed and returned through pointers.
type big struct {
	x [5]int32
	f float64
}

// frame: a@0 b@4 c@8 d@16 | r@24 ok@32, 40 bytes
//gorc:cgocall w_add
func add(a int32, b bool, c float64, d int8) (r int64, ok bool)

// frame: e@0 u@16 | p@24, 40 bytes
//gorc:cgocall w_mix
func mix(e pair, u uint16) pair

// frame: p@0 s@32 q@48 | r@56 f@88, 96 bytes
//gorc:cgocall w_big
func bigop(p big, s string, q *int32) (r big, f float32)

// frame: x@0 | r@8, 16 bytes; errno is the wrapper's return value
//gorc:cgocall w_fail errno
func fail(x int32) (r int32, errno int32)

// Eight words: two go on the stack.
//gorc:cgocall w_sum8
func sum8(a, b, c, d, e, f, g, h int64) int64

//gorc:cgocall w_void
func void()

//gorc:cgocall w_check_ptrs
func checkPtrs(twice, cb, memmove unsafe.Pointer) int32

//gorc:csymaddr c_counter
func counterAddr() unsafe.Pointer

//gorc:csymaddr c_twice
func twiceAddr() unsafe.Pointer

// A C function the generated code calls itself.
//gorc:csymaddr memmove
func memmoveAddr() unsafe.Pointer

//gorc:cgoexport exp_cb
func cb(a *struct{ p0, r0 int32 }) { a.r0 = a.p0 * 3 }

func deferred() {
	defer void()
	println("counter before deferred call", *(*int32)(counterAddr()))
}

func main() {
	r, ok := add(1, true, 2.5, -4)
	println("add", r, ok)
	r, ok = add(10, false, 0, 0)
	println("add", r, ok)
	p := mix(pair{7, 1000}, 3)
	println("mix", p.a, p.b)
	var q int32
	var in big
	for i := range in.x {
		in.x[i] = int32(i + 1)
	}
	in.f = 0.25
	b, f := bigop(in, "hello", &q)
	println("big", b.x[0], b.x[1], b.x[2], b.x[3], b.x[4], b.f, f, q)
	v, e := fail(42)
	println("fail", v, e)
	println("sum8", sum8(1, 2, 3, 4, 5, 6, 7, 8))
	*(*int32)(counterAddr()) = 100
	void()
	println("counter", *(*int32)(counterAddr()))
	deferred()
	println("counter after", *(*int32)(counterAddr()))
	// func values and goroutines
	g := add
	r, ok = g(2, false, 1, 1)
	println("func value", r, ok)
	done := make(chan bool)
	go func() {
		void()
		done <- true
	}()
	<-done
	println("counter after go", *(*int32)(counterAddr()))
	// The exported word holds the code pointer of cb, the first word of its func value.
	h := cb
	code := *(*unsafe.Pointer)(*(*unsafe.Pointer)(unsafe.Pointer(&h)))
	println("ptrs", checkPtrs(twiceAddr(), code, memmoveAddr()))
	var a struct{ p0, r0 int32 }
	a.p0 = 5
	cb(&a)
	println("cb", a.r0)
}
"#;

const C: &str = r#"#include <stdint.h>
#include <string.h>

typedef int32_t (*wrapper)(void *);

__attribute__((weak)) int32_t gorc_cgocall(wrapper fn, void *frame) { return fn(frame); }

#define AT(T, frame, off) (*(T *)((char *)(frame) + (off)))

int32_t c_counter = 5;
int32_t c_twice(int32_t x) { return 2 * x; }
extern void *exp_cb;

int32_t w_add(void *f) {
    int32_t a = AT(int32_t, f, 0);
    uint8_t b = AT(uint8_t, f, 4);
    double c = AT(double, f, 8);
    int8_t d = AT(int8_t, f, 16);
    AT(int64_t, f, 24) = a + (b ? 100 : 0) + (int64_t)(c * 10) + d;
    AT(uint8_t, f, 32) = !b;
    return 0;
}

int32_t w_mix(void *f) {
    int8_t a = AT(int8_t, f, 0);
    int64_t b = AT(int64_t, f, 8);
    uint16_t u = AT(uint16_t, f, 16);
    AT(int8_t, f, 24) = a + 1;
    AT(int64_t, f, 32) = b * u;
    return 0;
}

int32_t w_big(void *f) {
    for (int i = 0; i < 5; i++)
        AT(int32_t, f, 56 + 4 * i) = AT(int32_t, f, 4 * i) * 2;
    const char *s = AT(const char *, f, 32);
    int64_t n = AT(int64_t, f, 40);
    AT(double, f, 56 + 24) = AT(double, f, 24) + n;
    *AT(int32_t *, f, 48) = s[1];
    AT(float, f, 88) = 1.5f;
    return 0;
}

int32_t w_fail(void *f) {
    AT(int32_t, f, 8) = -1;
    return AT(int32_t, f, 0) + 1;
}

int32_t w_sum8(void *f) {
    int64_t s = 0;
    for (int i = 0; i < 8; i++)
        s = s * 10 + AT(int64_t, f, 8 * i);
    AT(int64_t, f, 64) = s;
    return 0;
}

int32_t w_void(void *f) {
    (void)f;
    c_counter++;
    return 0;
}

int32_t w_check_ptrs(void *f) {
    int32_t r = 0;
    if (AT(void *, f, 0) == (void *)c_twice) r |= 1;
    if (AT(void *, f, 8) == exp_cb) r |= 2;
    if (AT(void *, f, 16) == (void *)memmove) r |= 4;
    AT(int32_t, f, 24) = r;
    return 0;
}
"#;

const EXPECTED: &str = "add 122 false
add 10 true
mix 8 3000
big 2 4 6 8 10 +5.250000e+000 +1.500000e+000 101
fail -1 43
sum8 12345678
counter 101
counter before deferred call 101
counter after 102
func value 13 true
counter after go 103
ptrs 7
cb 15
";

fn compile_go(src: &str) -> Vec<u8> {
    let mut fset = gorc_syntax::FileSet::new();
    let fid = fset.add("./cgo_directives.go", src);
    let mut ids = gorc_syntax::NodeIds::default();
    let file = gorc_syntax::parse_file(&fset, fid, &mut ids)
        .unwrap_or_else(|e| panic!("syntax errors: {e:?}"));
    let files = [file];
    let prog = gorc_types::check_package(&fset, "main", &files).unwrap_or_else(|ds| {
        let msgs: Vec<String> = ds
            .iter()
            .map(|d| format!("{}: {}", fset.position(d.pos), d.msg))
            .collect();
        panic!("type errors:\n{}", msgs.join("\n"))
    });
    gorc_codegen::compile_program(&fset, &files, &prog)
        .unwrap_or_else(|e| panic!("{}: {}", fset.position(e.pos), e.msg))
}

/// The runtime library the root build script made most recently.
fn runtime_lib() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("GORC_RT_LIB") {
        return Some(p.into());
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
    for profile in ["release", "debug"] {
        let Ok(dirs) = std::fs::read_dir(target.join(profile).join("build")) else {
            continue;
        };
        for d in dirs.flatten() {
            let lib = d.path().join("out/rt-target/release/libgorc_rt.a");
            if let Ok(m) = std::fs::metadata(&lib) {
                found.push((m.modified().ok()?, lib));
            }
        }
    }
    found.sort();
    found.pop().map(|(_, p)| p)
}

fn run(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("running {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn cgo_directives() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cgo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let obj = dir.join("main.o");
    std::fs::write(&obj, compile_go(GO)).unwrap();

    // The symbols: wrappers, gorc_cgocall and C data imported; the export word defined in a
    // data section.
    let nm = run(Command::new("nm").arg(&obj));
    let kind = |sym: &str| {
        nm.lines()
            .find_map(|l| {
                let mut w = l.split_whitespace().rev();
                (w.next() == Some(sym)).then(|| w.next().unwrap_or("").to_string())
            })
            .unwrap_or_else(|| panic!("{sym} not in the object:\n{nm}"))
    };
    for sym in ["w_add", "w_fail", "gorc_cgocall", "c_counter", "c_twice"] {
        assert_eq!(kind(sym), "U", "{sym}");
    }
    assert!(
        ["D", "R"].contains(&kind("exp_cb").as_str()),
        "exp_cb: {}",
        kind("exp_cb")
    );

    let Some(rt) = runtime_lib() else {
        eprintln!("cgo_directives: no runtime library (build the gorc package first); not linked");
        return;
    };
    let c = dir.join("wrappers.c");
    std::fs::write(&c, C).unwrap();
    let cobj = dir.join("wrappers.o");
    run(Command::new("cc")
        .args(["-c", "-O2", "-fno-pie", "-o"])
        .arg(&cobj)
        .arg(&c));
    let exe = dir.join("prog");
    // As the driver links, plus `-z now`: a libc function's first call through a lazily bound
    // PLT slot runs the dynamic linker's resolver on the goroutine's stack, which needs more
    // than the guard area (the driver has the same problem).
    run(Command::new("cc")
        .args(["-no-pie", "-Wl,-z,now"])
        .arg("-o")
        .arg(&exe)
        .arg(&obj)
        .arg(&cobj)
        .arg(&rt)
        .args(["-lpthread", "-ldl", "-lm", "-lrt", "-lgcc_s", "-lc"]));
    // println writes to standard error, as gc's does.
    let out = Command::new(&exe).output().unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "exit {}:\n{text}", out.status);
    assert_eq!(text, EXPECTED);
    let _ = std::fs::remove_dir_all(&dir);
}
