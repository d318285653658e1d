//! What `C.name` means, found by asking the C compiler, as the cgo tool does.
//!
//! The probe runs the C compiler (`--version` to recognise clang, then at most three compiles)
//! on the package's preamble followed by generated code:
//!
//! 1. **Classification** (`-fsyntax-only`). For the `k`-th name `n` the probe file holds six
//!    one-line test functions, each under a `#line k "<test>"` directive:
//!
//!    | test | code | fails when `n` is not |
//!    |---|---|---|
//!    | `not-declared` | `__typeof__(n) *x;` | declared at all |
//!    | `not-type` | `n *x;` | a type |
//!    | `not-int-const` | `enum { x = (n)*1 };` | an integer constant expression |
//!    | `not-num-const` | `static const double x = (n);` | an arithmetic constant |
//!    | `not-str-lit` | `static const char x[] = (n);` | a string literal |
//!    | `not-lvalue` | `(void)&(n);` | addressable |
//!
//!    Each form is valid C whether `n` is a type or an expression, so an error reported at
//!    `not-type:k` means exactly "name k is not a type". Which tests failed gives the kind
//!    (type, expression, integer/float/string constant). A last line, `completed:1`, always
//!    fails, to show the compiler reported everything. `struct_X`, `union_X` and `enum_X` are
//!    types without asking.
//!
//!    An expression that is not addressable can only be a macro expanding to a non-constant
//!    expression (`#define NULLPTR ((void*)0)`): an `Entity::Macro`, which Go reaches, as
//!    with cgo, through a C function returning the value.
//!
//! 2. **Types and values** (`-g -c`). The second file declares `__typeof__(n) *__cgo__i;` for
//!    every name (the compiler describes in DWARF only what is used: the pointer variable makes
//!    it describe `n`'s type), and data arrays holding the constants' values
//!    (`__cgodebug_ints`, `__cgodebug_floats`, `__cgodebug_str__i`). The object's symbols give
//!    the values, its DWARF the types (`dwarf`).
//!
//! When names are unknown, or errors show up outside the probe's own lines, the preamble is
//! compiled alone: if it does not compile, its diagnostics are the error, since errors in the
//! preamble also make the tests that follow it fail.

use std::fmt;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::ctype::{CType, Entity, TypeTable};
use crate::dwarf::{self, Converter, DebugInfo};

pub struct ProbeInput<'a> {
    /// The C compiler command (`cc`, or `$CC`, possibly with arguments, split as the go command
    /// splits them).
    pub cc: &'a str,
    /// The package's directory: the compiler runs there, so `#include "local.h"` and relative
    /// `-I` flags mean what they mean in the package's own compile.
    pub dir: &'a std::path::Path,
    /// The package's CFLAGS/CPPFLAGS (already validated).
    pub cflags: &'a [String],
    /// The C preamble: all files' preambles, each preceded by a `#line N "file.go"` directive.
    pub preamble: &'a str,
    /// The names used as `C.name`, deduplicated (`int`, `struct_point`, `sizeof_int`, `add1`).
    pub names: &'a [String],
}

#[derive(Clone, Debug)]
pub struct Probed {
    pub types: TypeTable,
    /// One entry per input name, in the same order.
    pub entities: Vec<(String, Entity)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProbeError {
    /// The preamble itself does not compile: the C compiler's diagnostics, verbatim.
    Compiler(String),
    /// Names that are not declared, or whose kind cannot be determined (sorted).
    Unknown(Vec<String>),
    /// Anything else (the C compiler cannot be run, its object cannot be read).
    Other(String),
}

impl fmt::Display for ProbeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProbeError::Compiler(msg) => write!(f, "C compiler errors for preamble:\n{msg}"),
            ProbeError::Unknown(names) => {
                for (i, n) in names.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "could not determine kind of name for C.{n}")?;
                }
                Ok(())
            }
            ProbeError::Other(msg) => f.write_str(msg),
        }
    }
}

impl std::error::Error for ProbeError {}

/// The C spelling of `C.name` (cgo's mapping), `None` if it cannot name anything in C.
pub fn cname(name: &str) -> Option<String> {
    let basic = match name {
        "schar" => "signed char",
        "uchar" => "unsigned char",
        "ushort" => "unsigned short",
        "uint" => "unsigned int",
        "ulong" => "unsigned long",
        "longlong" => "long long",
        "ulonglong" => "unsigned long long",
        "complexfloat" => "float _Complex",
        "complexdouble" => "double _Complex",
        _ => "",
    };
    if !basic.is_empty() {
        return Some(basic.to_string());
    }
    for (prefix, keyword) in [
        ("struct_", "struct"),
        ("union_", "union"),
        ("enum_", "enum"),
    ] {
        if let Some(tag) = name.strip_prefix(prefix) {
            return is_ident(tag).then(|| format!("{keyword} {tag}"));
        }
    }
    if let Some(t) = name.strip_prefix("sizeof_") {
        return cname(t).map(|t| format!("sizeof({t})"));
    }
    is_ident(name).then(|| name.to_string())
}

fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Type,
    /// A variable or function (cgo's "not-type").
    Expr,
    /// An expression that is neither a constant nor an lvalue (`#define NOPTR ((void *)0)`):
    /// C computes it at each use.
    Macro,
    IntConst,
    FloatConst,
    StrConst,
}

// Bits set by the classification tests that failed.
const NOT_DECLARED: u8 = 1;
const NOT_TYPE: u8 = 2;
const NOT_INT_CONST: u8 = 4;
const NOT_NUM_CONST: u8 = 8;
const NOT_STR_LIT: u8 = 16;
const NOT_LVALUE: u8 = 32;

/// The tests: the pseudo file name of their `#line`, their bit, and their body (`{}` is the
/// C name).
const TESTS: [(&str, u8, &str); 6] = [
    (
        "not-declared",
        NOT_DECLARED,
        "__typeof__({}) *__cgo_undefined__1;",
    ),
    ("not-type", NOT_TYPE, "{} *__cgo_undefined__2;"),
    (
        "not-int-const",
        NOT_INT_CONST,
        "enum { __cgo_undefined__3 = ({})*1 };",
    ),
    (
        "not-num-const",
        NOT_NUM_CONST,
        "static const double __cgo_undefined__4 = ({});",
    ),
    (
        "not-str-lit",
        NOT_STR_LIT,
        "static const char __cgo_undefined__5[] = ({});",
    ),
    ("not-lvalue", NOT_LVALUE, "(void)&({});"),
];

/// The kind the failed tests imply (`None`: undeclared, or not something cgo can use).
fn kind_of(flags: u8) -> Option<Kind> {
    const ALL: u8 = NOT_TYPE | NOT_INT_CONST | NOT_NUM_CONST | NOT_STR_LIT;
    if flags & NOT_DECLARED != 0 {
        return None;
    }
    match flags & ALL {
        f if f == NOT_STR_LIT | NOT_TYPE => Some(Kind::IntConst),
        f if f == NOT_INT_CONST | NOT_STR_LIT | NOT_TYPE => Some(Kind::FloatConst),
        f if f == NOT_INT_CONST | NOT_NUM_CONST | NOT_TYPE => Some(Kind::StrConst),
        f if f == NOT_INT_CONST | NOT_NUM_CONST | NOT_STR_LIT => Some(Kind::Type),
        ALL if flags & NOT_LVALUE == 0 => Some(Kind::Expr),
        ALL => Some(Kind::Macro),
        _ => None,
    }
}

fn classification_source(preamble: &str, names: &[&str]) -> String {
    let mut src = preamble_text(preamble);
    for (k, name) in names.iter().enumerate() {
        for (n, (file, _, body)) in TESTS.iter().enumerate() {
            src += &format!(
                "#line {} \"{file}\"\nvoid __cgo_f_{}_{}(void) {{ {} }}\n",
                k + 1,
                k + 1,
                n + 1,
                body.replace("{}", name)
            );
        }
    }
    src + "#line 1 \"completed\"\nint __cgo__1 = __cgo__2;\n"
}

fn preamble_text(preamble: &str) -> String {
    let mut src = preamble.to_string();
    if !src.ends_with('\n') {
        src.push('\n');
    }
    src
}

/// What the classification run's diagnostics say.
#[derive(Debug, PartialEq)]
struct Diagnosis {
    /// Failed-test bits per name.
    flags: Vec<u8>,
    /// The error at `completed:1` was seen.
    completed: bool,
    /// Some error is not located in a test (nor followed by a note locating it in one): the
    /// preamble may be broken.
    unexplained: bool,
}

fn parse_diagnostics(stderr: &str, n: usize) -> Diagnosis {
    let mut d = Diagnosis {
        flags: vec![0; n],
        completed: false,
        unexplained: false,
    };
    // An error outside the tests was seen and no note has placed it in one yet: an error in a
    // macro's expansion is reported at the macro's definition, with a note at the use.
    let mut pending = false;
    for line in stderr.lines() {
        let is_error = line.contains(": error:") || line.contains(": fatal error:");
        let is_note = line.contains(": note:");
        if !is_error && !is_note {
            continue;
        }
        let located = location(line).and_then(|(file, k)| {
            if file == "completed" {
                return Some(None);
            }
            let bit = TESTS.iter().find(|t| t.0 == file)?.1;
            (1..=n).contains(&k).then_some(Some((bit, k - 1)))
        });
        match located {
            Some(None) => d.completed |= is_error,
            Some(Some((bit, k))) if is_error => {
                // The pending error got no note placing it in a test.
                d.unexplained |= pending;
                pending = false;
                d.flags[k] |= bit;
            }
            Some(Some((bit, k))) if pending => {
                d.flags[k] |= bit;
                pending = false;
            }
            None if is_error => {
                d.unexplained |= pending;
                pending = true;
            }
            _ => {}
        }
    }
    d.unexplained |= pending;
    d
}

/// `file:line:` at the start of a diagnostic.
fn location(line: &str) -> Option<(&str, usize)> {
    let (file, rest) = line.split_once(':')?;
    let end = rest.find(|c: char| !c.is_ascii_digit())?;
    if !rest[end..].starts_with(':') {
        return None;
    }
    Some((file, rest[..end].parse().ok()?))
}

/// The C compiler command.
struct Cc<'a> {
    argv: Vec<String>,
    cflags: &'a [String],
    dir: &'a std::path::Path,
    clang: bool,
}

/// What one compiler run produced.
struct Output {
    success: bool,
    stderr: String,
}

impl<'a> Cc<'a> {
    fn new(cc: &str, cflags: &'a [String], dir: &'a std::path::Path) -> Result<Self, ProbeError> {
        let argv = crate::preamble::split_quoted(cc)
            .map_err(|e| ProbeError::Other(format!("parsing CC={cc:?}: {e}")))?;
        let Some(prog) = argv.first() else {
            return Err(ProbeError::Other("no C compiler (CC is empty)".into()));
        };
        // clang wants a few more flags (no error limit); cgo looks for `__clang__`.
        let version = Command::new(prog)
            .args(&argv[1..])
            .arg("--version")
            .env("LC_ALL", "C")
            .stdin(Stdio::null())
            .output()
            .map_err(|e| ProbeError::Other(format!("C compiler \"{prog}\" not found: {e}")))?;
        let clang = String::from_utf8_lossy(&version.stdout).contains("clang");
        Ok(Cc {
            argv,
            cflags,
            dir,
            clang,
        })
    }

    /// Compiles `src` (C, read from standard input) with `extra` flags.
    fn run(&self, extra: &[&str], src: &str) -> Result<Output, ProbeError> {
        let mut cmd = Command::new(&self.argv[0]);
        cmd.args(&self.argv[1..]).current_dir(self.dir);
        cmd.args(["-w", "-Wno-error", "-fno-lto", "-fdiagnostics-color=never"]);
        if self.clang {
            cmd.args([
                "-ferror-limit=0",
                "-Wno-unknown-warning-option",
                "-Wno-unneeded-internal-declaration",
                "-Wno-unused-function",
                "-Qunused-arguments",
                "-fno-builtin",
            ]);
        }
        cmd.args(self.cflags).args(extra).args(["-x", "c", "-"]);
        // Diagnostics are parsed: keep them in English.
        cmd.env("LC_ALL", "C")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().map_err(|e| {
            ProbeError::Other(format!("running C compiler \"{}\": {e}", self.argv[0]))
        })?;
        // Write from another thread: the compiler may fill its stderr pipe before reading all
        // of its input.
        let writer = child.stdin.take().map(|mut stdin| {
            let src = src.as_bytes().to_vec();
            std::thread::spawn(move || {
                let _ = stdin.write_all(&src);
            })
        });
        let out = child.wait_with_output().map_err(|e| {
            ProbeError::Other(format!("running C compiler \"{}\": {e}", self.argv[0]))
        })?;
        if let Some(w) = writer {
            let _ = w.join();
        }
        Ok(Output {
            success: out.status.success(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        })
    }

    /// `Err(Compiler)` with the compiler's diagnostics if the preamble alone does not compile.
    fn check_preamble(&self, preamble: &str, dir: &Path) -> Result<(), ProbeError> {
        let obj = dir.join("preamble.o");
        let out = self.run(
            &["-c", "-o", &obj.to_string_lossy()],
            &preamble_text(preamble),
        )?;
        if out.success {
            return Ok(());
        }
        Err(ProbeError::Compiler(out.stderr.trim_end().to_string()))
    }
}

/// Finds out what every name in `input.names` is (see the module comment).
pub fn probe(input: &ProbeInput) -> Result<Probed, ProbeError> {
    if input.names.is_empty() {
        return Ok(Probed {
            types: TypeTable::default(),
            entities: Vec::new(),
        });
    }
    let cc = Cc::new(input.cc, input.cflags, input.dir)?;
    let dir = tempfile::tempdir()
        .map_err(|e| ProbeError::Other(format!("creating a temporary directory: {e}")))?;
    let n = input.names.len();
    let mut cnames: Vec<String> = Vec::with_capacity(n);
    let mut kinds: Vec<Option<Kind>> = vec![None; n];
    let mut unknown = Vec::new();
    // Indices of the names the compiler has to classify.
    let mut sniff = Vec::new();
    for (i, name) in input.names.iter().enumerate() {
        let c = cname(name);
        match &c {
            None => unknown.push(name.clone()),
            Some(c)
                if c.starts_with("struct ")
                    || c.starts_with("union ")
                    || c.starts_with("enum ") =>
            {
                kinds[i] = Some(Kind::Type)
            }
            Some(_) => sniff.push(i),
        }
        cnames.push(c.unwrap_or_default());
    }

    if !sniff.is_empty() {
        let names: Vec<&str> = sniff.iter().map(|&i| cnames[i].as_str()).collect();
        let out = cc.run(
            &["-fsyntax-only"],
            &classification_source(input.preamble, &names),
        )?;
        let d = parse_diagnostics(&out.stderr, names.len());
        if !d.completed {
            cc.check_preamble(input.preamble, dir.path())?;
            return Err(ProbeError::Other(format!(
                "{} did not report the expected error at completed:1; its output:\n{}",
                input.cc,
                out.stderr.trim_end()
            )));
        }
        for (k, &i) in sniff.iter().enumerate() {
            match kind_of(d.flags[k]) {
                Some(kind) => kinds[i] = Some(kind),
                None => unknown.push(input.names[i].clone()),
            }
        }
        if d.unexplained || !unknown.is_empty() {
            cc.check_preamble(input.preamble, dir.path())?;
        }
    }
    if !unknown.is_empty() {
        unknown.sort();
        unknown.dedup();
        return Err(ProbeError::Unknown(unknown));
    }
    let kinds: Vec<Kind> = kinds.into_iter().map(|k| k.unwrap_or(Kind::Type)).collect();

    let obj_path = dir.path().join("probe.o");
    let out = cc.run(
        &["-g", "-gdwarf-4", "-c", "-o", &obj_path.to_string_lossy()],
        &dwarf_source(input.preamble, &cnames, &kinds),
    )?;
    if !out.success {
        cc.check_preamble(input.preamble, dir.path())?;
        return Err(ProbeError::Other(format!(
            "{} failed on the cgo probe:\n{}",
            input.cc,
            out.stderr.trim_end()
        )));
    }
    let data = std::fs::read(&obj_path)
        .map_err(|e| ProbeError::Other(format!("reading the probe's object: {e}")))?;
    let entities =
        read_object(&data, &kinds).map_err(|e| ProbeError::Other(format!("cgo probe: {e}")))?;
    let (types, entities) = entities;
    let entities = input.names.iter().cloned().zip(entities).collect();
    Ok(Probed { types, entities })
}

/// The second probe file: the preamble, a `__typeof__(n) *__cgo__i` per name, the constants'
/// values in data objects.
fn dwarf_source(preamble: &str, cnames: &[String], kinds: &[Kind]) -> String {
    let mut src = preamble_text(preamble) + "#line 1 \"cgo-dwarf-inference\"\n";
    for (i, c) in cnames.iter().enumerate() {
        src += &format!("__typeof__({c}) *__cgo__{i};\n");
    }
    // A last non-zero entry keeps the arrays out of .bss.
    src += "long long __cgodebug_ints[] = {\n";
    for (c, k) in cnames.iter().zip(kinds) {
        src += if *k == Kind::IntConst { c } else { "0" };
        src += ",\n";
    }
    src += "1\n};\ndouble __cgodebug_floats[] = {\n";
    for (c, k) in cnames.iter().zip(kinds) {
        src += if *k == Kind::FloatConst { c } else { "0" };
        src += ",\n";
    }
    src += "1\n};\n";
    for (i, (c, k)) in cnames.iter().zip(kinds).enumerate() {
        if *k == Kind::StrConst {
            src += &format!(
                "const char __cgodebug_str__{i}[] = {c};\nconst unsigned long long __cgodebug_strlen__{i} = sizeof({c})-1;\n"
            );
        }
    }
    src
}

/// Reads the types (DWARF) and constant values (data symbols) out of the second probe's object.
fn read_object(data: &[u8], kinds: &[Kind]) -> Result<(TypeTable, Vec<Entity>), String> {
    let obj = object::File::parse(data).map_err(|e| format!("reading the object: {e}"))?;
    let little = object::Object::is_little_endian(&obj);
    let info = DebugInfo::load(&obj)?;
    let mut conv = Converter::new(&info);
    let mut ids = Vec::with_capacity(kinds.len());
    for i in 0..kinds.len() {
        ids.push(conv.convert(info.cgo_var_pointee(i)?)?);
    }
    let table = conv.finish();

    let ints = dwarf::symbol_data(&obj, "__cgodebug_ints").ok_or("no __cgodebug_ints")?;
    let floats = dwarf::symbol_data(&obj, "__cgodebug_floats").ok_or("no __cgodebug_floats")?;
    let mut entities = Vec::with_capacity(kinds.len());
    for (i, (&kind, &id)) in kinds.iter().zip(&ids).enumerate() {
        let underlying = &table.get(table.strip_typedefs(id)).kind;
        let entity = match kind {
            Kind::Type => Entity::Type(id),
            Kind::Expr => match underlying {
                CType::Func(f) => Entity::Func(f.clone()),
                _ => Entity::Var(id),
            },
            Kind::Macro => Entity::Macro(id),
            Kind::IntConst => {
                let bits =
                    dwarf::read_u64(ints, i * 8, little).ok_or("__cgodebug_ints too short")?;
                Entity::IntConst(if is_unsigned(underlying) {
                    i128::from(bits)
                } else {
                    i128::from(bits as i64)
                })
            }
            Kind::FloatConst => {
                let f = f64::from_bits(
                    dwarf::read_u64(floats, i * 8, little).ok_or("__cgodebug_floats too short")?,
                );
                match underlying {
                    // An integer-typed constant the compiler did not accept as an integer
                    // constant expression (cgo makes those variables): keep its value if the
                    // double holds it exactly.
                    CType::Int { .. } | CType::Bool | CType::Enum(_)
                        if f.is_finite() && f.fract() == 0.0 && f.abs() < 9.0e15 =>
                    {
                        Entity::IntConst(f as i128)
                    }
                    CType::Int { .. } | CType::Bool | CType::Enum(_) => {
                        return Err(format!("cannot represent the value of constant #{i}"));
                    }
                    _ => Entity::FloatConst(f),
                }
            }
            Kind::StrConst => {
                let s = dwarf::symbol_data(&obj, &format!("__cgodebug_str__{i}"))
                    .ok_or("missing string constant")?;
                let len = dwarf::symbol_data(&obj, &format!("__cgodebug_strlen__{i}"))
                    .and_then(|d| dwarf::read_u64(d, 0, little))
                    .ok_or("missing string constant length")?;
                let len = usize::try_from(len).map_err(|_| "string constant too long")?;
                Entity::StrConst(
                    s.get(..len)
                        .ok_or("string constant shorter than its length")?
                        .to_vec(),
                )
            }
        };
        entities.push(entity);
    }
    Ok((table, entities))
}

fn is_unsigned(t: &CType) -> bool {
    match t {
        CType::Int { signed, .. } => !signed,
        CType::Enum(e) => !e.signed,
        CType::Bool | CType::Pointer(_) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(cname("uint").as_deref(), Some("unsigned int"));
        assert_eq!(cname("int").as_deref(), Some("int"));
        assert_eq!(cname("struct_point").as_deref(), Some("struct point"));
        assert_eq!(
            cname("sizeof_struct_point").as_deref(),
            Some("sizeof(struct point)")
        );
        assert_eq!(
            cname("sizeof_ulonglong").as_deref(),
            Some("sizeof(unsigned long long)")
        );
        assert_eq!(cname("struct_"), None);
        assert_eq!(cname("sizeof_"), None);
        assert_eq!(cname("héllo"), None);
    }

    #[test]
    fn kinds() {
        assert_eq!(
            kind_of(NOT_STR_LIT | NOT_TYPE | NOT_LVALUE),
            Some(Kind::IntConst)
        );
        assert_eq!(
            kind_of(NOT_INT_CONST | NOT_NUM_CONST | NOT_STR_LIT | NOT_LVALUE),
            Some(Kind::Type)
        );
        assert_eq!(
            kind_of(NOT_INT_CONST | NOT_NUM_CONST | NOT_STR_LIT | NOT_TYPE),
            Some(Kind::Expr)
        );
        assert_eq!(
            kind_of(NOT_INT_CONST | NOT_NUM_CONST | NOT_STR_LIT | NOT_TYPE | NOT_LVALUE),
            Some(Kind::Macro)
        );
        assert_eq!(kind_of(0x3f), None);
    }

    #[test]
    fn diagnostics() {
        let stderr = "\
not-type: In function '__cgo_f_1_2':
not-type:1:35: error: '__cgo_undefined__2' undeclared (first use in this function)
not-type:1:35: note: each undeclared identifier is reported only once for each function it appears in
x.go:7:13: error: expected expression before ')' token
not-declared:2:37: note: in expansion of macro 'BAD'
x.go:9:1: error: unknown type name 'foo'
not-str-lit:3:67: error: invalid initializer
completed:1:16: error: '__cgo__2' undeclared here (not in a function); did you mean '__cgo__1'?
";
        let d = parse_diagnostics(stderr, 3);
        assert_eq!(
            d,
            Diagnosis {
                flags: vec![NOT_TYPE, NOT_DECLARED, NOT_STR_LIT],
                completed: true,
                unexplained: true
            }
        );
        assert_eq!(location("a.go:12:3: error: x"), Some(("a.go", 12)));
        assert_eq!(location("a.go: In function"), None);
    }
}
