//! The generated halves of a cgo package, as the cgo tool writes them:
//!
//! * Go (`_cgo_gotypes.go`, compiled with the package): the `_Ctype_` types, the constants,
//!   the C variables through their addresses, and for each C function `f` called from Go a
//!   body-less `_Cfunc_f` marked `//gorc:cgocall` (the code generator gives it the body:
//!   arguments into a frame, `gorc_cgocall(wrapper, frame)`, results out of it); for each
//!   `//export`ed Go function `F`, `_cgoexp_PFX_F(frame)` which unpacks the frame and calls F.
//! * C (one `FILE.cgo2.c` per file that imports "C", compiled with cc and the package's
//!   flags): the file's preamble and, for each `_Cfunc_f` first met in it,
//!   `int _cgo_PFX_Cfunc_f(void *frame)`, which calls f with the arguments from the frame and
//!   stores its result there (returning errno for the `r, err := C.f()` form).
//!
//! The generator works file by file (`begin_unit`/`end_unit`), as each file's names mean what
//! its own preamble says; the Go declarations are the package's.
//! * For `//export` (`export.rs`): `_cgo_export.h` (the exporting files' preambles, cgo's Go
//!   types for C — GoInt, GoString, GoSlice, ... —, the prototypes) and `_cgo_export.c`: each
//!   exported F as a C function that packs its arguments into a frame and calls
//!   `crosscall2(_cgoexp_PFX_F, frame, size, 0)`.
//!
//! Frame layouts are shared rules (ARCHITECTURE.md): a `_Cfunc_` frame has the parameters in
//! order at their natural alignment, then the results from the next 8-byte boundary; an export
//! frame is the Go struct `{p0; p1; ...; r0; ...}` with gc's struct layout. The C side is a
//! packed struct with explicit padding, so the two agree whatever the C compiler would do.

use crate::ctype::{Entity, FuncType, TypeTable};
use crate::gotype::{GoTypes, Shape};
use crate::rewrite::Replacement;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;

/// How a Go package uses one C name.
#[derive(Clone, Copy, Debug, Default)]
pub struct NameUse {
    pub called: bool,
    pub called2: bool,
    /// Used other than in a call (a type, a value, a function pointer).
    pub other: bool,
}

/// The special names cgo provides itself.
pub const HELPERS: &[&str] = &[
    "CString",
    "CBytes",
    "GoString",
    "GoStringN",
    "GoBytes",
    "malloc",
];

/// The kinds of C wrapper a `_Cfunc_`-like Go function calls.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wrapper {
    /// `C.f(args)`.
    Call,
    /// `r, err := C.f(args)`: errno comes back too.
    CallErrno,
    /// `C.M` for an expression macro: its value.
    Macro,
}

/// The symbol prefix of a package's generated names: `_cgo_` and 12 hex digits of a hash of
/// the import path, so that two packages' wrappers never clash.
pub fn prefix(import_path: &str) -> String {
    // FNV-1a, 64 bits.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in import_path.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{:012x}", h >> 16)
}

pub struct Generator<'a> {
    pub pfx: String,
    /// The C types of the unit (one file's preamble) being generated.
    pub(crate) types: GoTypes<'a>,
    /// What each C name of the current unit is.
    pub(crate) entities: BTreeMap<String, Entity>,
    /// The generated Go declarations so far.
    pub(crate) go: String,
    /// The current unit's C wrappers.
    c: String,
    /// The `_Ctype_` declarations of the units done so far.
    defs: BTreeMap<String, String>,
    /// The Go names declared so far: a C function two files call gets one `_Cfunc_` (and one
    /// C wrapper, in the first file's unit).
    declared: HashSet<String>,
    helpers_done: bool,
    /// The package's type declarations, name → the declared type's Go text (exports' C types
    /// look through them).
    pub(crate) type_decls: HashMap<String, String>,
}

/// The C types of no unit yet.
static NO_TYPES: TypeTable = TypeTable { types: Vec::new() };

pub(crate) fn align_up(x: u64, a: u64) -> u64 {
    x.div_ceil(a.max(1)) * a.max(1)
}

/// Go string literal for bytes.
fn go_quote(b: &[u8]) -> String {
    let mut s = String::from("\"");
    for &c in b {
        match c {
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            0x20..=0x7e => s.push(c as char),
            _ => {
                let _ = write!(s, "\\x{c:02x}");
            }
        }
    }
    s.push('"');
    s
}

/// A C struct type with the given members at the given offsets (packed, explicit padding).
pub(crate) fn packed_struct(members: &[(String, Shape, u64)], total: u64) -> String {
    let mut s = String::from("struct {\n");
    let mut off = 0;
    for (name, shape, at) in members {
        if *at > off {
            let _ = writeln!(s, "\t\tchar __pad{off}[{}];", at - off);
        }
        let _ = writeln!(s, "\t\t{} {name};", shape.c);
        off = at + shape.size;
    }
    if total > off {
        let _ = writeln!(s, "\t\tchar __pad{off}[{}];", total - off);
    }
    s.push_str("\t} __attribute__((__packed__, __gcc_struct__))");
    s
}

impl<'a> Generator<'a> {
    pub fn new(import_path: &str) -> Self {
        Generator {
            pfx: prefix(import_path),
            types: GoTypes::new(&NO_TYPES, 0),
            entities: BTreeMap::new(),
            go: String::new(),
            c: String::new(),
            defs: BTreeMap::new(),
            declared: HashSet::new(),
            helpers_done: false,
            type_decls: HashMap::new(),
        }
    }

    /// Starts the unit of one file: its preamble's types and names, as its probe found them.
    pub fn begin_unit(&mut self, table: &'a TypeTable, entities: &[(String, Entity)]) {
        let anon = self.types.anon();
        self.merge_defs();
        self.types = GoTypes::new(table, anon);
        self.entities = entities.iter().cloned().collect();
    }

    /// Ends the current unit: its C wrappers (to follow the prologue and its preamble).
    pub fn end_unit(&mut self) -> String {
        self.merge_defs();
        std::mem::take(&mut self.c)
    }

    fn merge_defs(&mut self) {
        for (name, def) in std::mem::take(&mut self.types.defs) {
            self.defs.entry(name).or_insert(def);
        }
    }

    /// Whether the Go name is new (and now taken).
    fn first(&mut self, go_name: String) -> bool {
        self.declared.insert(go_name)
    }

    /// What `C.name` used as `u` becomes, generating its declarations the first time. Errors are
    /// gc's messages (without position).
    pub fn target(&mut self, name: &str, u: crate::rewrite::Use) -> Result<Replacement, String> {
        use crate::rewrite::Use;
        if HELPERS.contains(&name) {
            return Ok(Replacement::Ident(if name == "malloc" {
                "_Cfunc__CMalloc".into()
            } else {
                format!("_Cfunc_{name}")
            }));
        }
        if name == "errno" {
            // errno is thread-local in C; cgo offers it only through `r, err := C.f()`.
            return Err("cannot refer to errno directly; see documentation".into());
        }
        let Some(ent) = self.entities.get(name).cloned() else {
            return Err(format!("could not determine kind of name for C.{name}"));
        };
        Ok(match ent {
            Entity::Type(id) => {
                let go = self.types.go(id).map_err(|e| e.to_string())?;
                let want = format!("_Ctype_{name}");
                if go != want {
                    // `C.uint` names `unsigned int`, whose Go name is `_Ctype_uint` already;
                    // other spellings get an alias.
                    self.types
                        .defs
                        .entry(want.clone())
                        .or_insert(format!("= {go}"));
                }
                Replacement::Ident(want)
            }
            Entity::Func(_) => match u {
                Use::Call => Replacement::Ident(format!("_Cfunc_{name}")),
                Use::Call2 => Replacement::Ident(format!("_C2func_{name}")),
                Use::Other => Replacement::Ident(format!("_Cfpvar_fp_{name}")),
            },
            Entity::Var(_) => Replacement::Deref(format!("_Cvar_{name}")),
            Entity::Macro(_) => Replacement::Call(format!("_Cmacro_{name}")),
            Entity::IntConst(_) => Replacement::Ident(format!("_Ciconst_{name}")),
            Entity::FloatConst(_) => Replacement::Ident(format!("_Cfconst_{name}")),
            Entity::StrConst(_) => Replacement::Ident(format!("_Csconst_{name}")),
        })
    }

    /// Declarations for every name the package uses, as it uses them. An error names the C
    /// name it is about.
    pub fn declare_all(
        &mut self,
        uses: &BTreeMap<String, NameUse>,
    ) -> Result<(), (String, String)> {
        let helpers_used = uses.keys().any(|n| HELPERS.contains(&n.as_str()));
        if helpers_used {
            self.helpers().map_err(|m| (String::new(), m))?;
        }
        for (name, u) in uses {
            self.declare(name, u).map_err(|m| (name.clone(), m))?;
        }
        Ok(())
    }

    fn declare(&mut self, name: &str, u: &NameUse) -> Result<(), String> {
        if HELPERS.contains(&name) || name == "errno" {
            return Ok(());
        }
        let Some(ent) = self.entities.get(name).cloned() else {
            return Ok(());
        };
        match ent {
            Entity::Type(_) => {
                self.target(name, crate::rewrite::Use::Other)?;
            }
            Entity::Func(ft) => {
                if ft.variadic && (u.called || u.called2) {
                    // gc's cgo cannot call a variadic function, and says so this way.
                    return Err("unexpected type: ...".to_string());
                }
                if u.called && self.first(format!("_Cfunc_{name}")) {
                    self.cfunc(name, &ft, Wrapper::Call)?;
                }
                if u.called2 && self.first(format!("_C2func_{name}")) {
                    self.cfunc(name, &ft, Wrapper::CallErrno)?;
                }
                if u.other && self.first(format!("_Cfpvar_fp_{name}")) {
                    let _ = writeln!(
                        self.go,
                        "//gorc:csymaddr {name}\nfunc _cgo_addr_fp_{name}() unsafe.Pointer\n\nvar _Cfpvar_fp_{name} = _cgo_addr_fp_{name}()\n"
                    );
                }
            }
            Entity::Var(ty) => {
                let go = self.types.go(ty)?;
                if !self.first(format!("_Cvar_{name}")) {
                    return Ok(());
                }
                let _ = writeln!(
                    self.go,
                    "//gorc:csymaddr {name}\nfunc _cgo_addr_{name}() unsafe.Pointer\n\nvar _Cvar_{name} = (*{go})(_cgo_addr_{name}())\n"
                );
            }
            Entity::Macro(ty) => {
                if !self.first(format!("_Cmacro_{name}")) {
                    return Ok(());
                }
                let ft = FuncType {
                    params: Vec::new(),
                    result: Some(ty),
                    variadic: false,
                };
                self.cfunc(name, &ft, Wrapper::Macro)?;
            }
            Entity::IntConst(_) | Entity::FloatConst(_) | Entity::StrConst(_)
                if !self.first(format!("_C?const_{name}")) =>
            {
                return Ok(());
            }
            Entity::IntConst(v) => {
                let _ = writeln!(self.go, "const _Ciconst_{name} = {v}");
            }
            Entity::FloatConst(f) => {
                if !f.is_finite() {
                    return Err(format!("C.{name}: unsupported floating-point constant"));
                }
                let _ = writeln!(self.go, "const _Cfconst_{name} = {f:?}");
            }
            Entity::StrConst(s) => {
                let _ = writeln!(self.go, "const _Csconst_{name} = {}", go_quote(&s));
            }
        }
        Ok(())
    }

    /// `_Cfunc_f` (or `_C2func_f`, which also returns errno as an error, or `_Cmacro_f`, which
    /// evaluates a macro) in Go and its C wrapper.
    fn cfunc(&mut self, name: &str, ft: &FuncType, w: Wrapper) -> Result<(), String> {
        let errno = w == Wrapper::CallErrno;
        let mut params = Vec::new();
        let mut members = Vec::new();
        let mut off = 0;
        for (i, &p) in ft.params.iter().enumerate() {
            let go = self.types.go(p)?;
            let shape = self.types.shape(p)?;
            off = align_up(off, shape.align);
            members.push((format!("p{i}"), shape.clone(), off));
            off += shape.size;
            params.push(format!("p{i} {go}"));
        }
        off = align_up(off, 8);
        let result = match ft.result {
            Some(r) => {
                let go = self.types.go(r)?;
                let shape = self.types.shape(r)?;
                off = align_up(off, shape.align);
                members.push(("r".to_string(), shape.clone(), off));
                off += shape.size;
                Some(go)
            }
            None => {
                self.types.go_void();
                None
            }
        };
        let total = align_up(off, 8).max(8);
        let kind = match w {
            Wrapper::Call => "Cfunc",
            Wrapper::CallErrno => "C2func",
            Wrapper::Macro => "Cmacro",
        };
        let sym = format!("_cgo_{}_{kind}_{name}", self.pfx);
        let params = params.join(", ");
        let args: Vec<String> = (0..ft.params.len()).map(|i| format!("p{i}")).collect();
        let args = args.join(", ");
        let r = result.clone().unwrap_or_else(|| "_Ctype_void".into());
        if errno {
            let _ = writeln!(
                self.go,
                "//gorc:cgocall {sym} errno\nfunc _cgo_raw_C2func_{name}({params}) (r1 {r}, errno int32)\n\nfunc _C2func_{name}({params}) (r1 {r}, r2 error) {{\n\tvar e int32\n\tr1, e = _cgo_raw_C2func_{name}({args})\n\tif e != 0 {{\n\t\tr2 = syscall.Errno(e)\n\t}}\n\treturn\n}}\n"
            );
        } else {
            let _ = writeln!(
                self.go,
                "//gorc:cgocall {sym}\nfunc _{kind}_{name}({params}) (r1 {r})\n"
            );
        }
        // The C wrapper. Its locals are `_cgo_`-prefixed so no C name can clash with them; a
        // pointer result is cast, as cgo casts it, so a `const T *` does not warn (and fail
        // under -Werror) on the way into the frame's `void *`.
        let frame = packed_struct(&members, total);
        let call_args: Vec<String> = (0..ft.params.len())
            .map(|i| format!("_cgo_a->p{i}"))
            .collect();
        let call = match w {
            Wrapper::Macro => format!("({name})"),
            _ => format!("{name}({})", call_args.join(", ")),
        };
        let _ = writeln!(
            self.c,
            "int {sym}(void *_cgo_v)\n{{\n\t{frame} *_cgo_a = _cgo_v;"
        );
        if errno {
            self.c.push_str("\tint _cgo_e;\n\terrno = 0;\n");
        }
        match ft.result {
            Some(r) => {
                let cast = if self.types.shape(r)?.c == "void *" {
                    "(void *)"
                } else {
                    ""
                };
                let _ = writeln!(self.c, "\t_cgo_a->r = {cast}{call};");
            }
            None => {
                let _ = writeln!(self.c, "\t{call};");
            }
        }
        if errno {
            self.c
                .push_str("\t_cgo_e = errno;\n\treturn _cgo_e;\n}\n\n");
        } else {
            self.c.push_str("\treturn 0;\n}\n\n");
        }
        Ok(())
    }

    /// C.CString and friends, written in Go over one C wrapper (malloc, called on g0 like
    /// every C function).
    fn helpers(&mut self) -> Result<(), String> {
        // The names they use were probed with the package's (lib.rs adds them).
        for n in ["char", "int", "size_t"] {
            match self.entities.get(n).cloned() {
                Some(Entity::Type(_)) => {
                    self.target(n, crate::rewrite::Use::Other)?;
                }
                _ => return Err(format!("C.{n} is not a type")),
            }
        }
        if !self.helpers_done {
            self.helpers_done = true;
            self.go.push_str(HELPERS_GO);
        }
        Ok(())
    }

    /// The generated Go file of the package.
    pub fn go_file(&self, pkg_name: &str) -> String {
        let mut s = format!(
            "// Code generated by gorc's cgo; DO NOT EDIT.\n\npackage {pkg_name}\n\nimport \"unsafe\"\nimport \"syscall\"\n\nvar _ syscall.Errno\nvar _ unsafe.Pointer\n\n"
        );
        for (name, def) in &self.defs {
            let _ = writeln!(s, "type {name} {def}\n");
        }
        s.push_str(&self.go);
        s
    }
}

/// C.CString, C.CBytes, C.GoString, C.GoStringN, C.GoBytes and C.malloc (which never returns
/// nil: the runtime dies as gc's does when C's allocator fails).
const HELPERS_GO: &str = r#"//gorc:extern gorc_cgo_cmalloc
func _cgo_cmalloc(n uint64) unsafe.Pointer

func _Cfunc__CMalloc(n _Ctype_size_t) unsafe.Pointer {
	return _cgo_cmalloc(uint64(n))
}

func _Cfunc_CString(s string) *_Ctype_char {
	p := _cgo_cmalloc(uint64(len(s) + 1))
	b := (*[1 << 40]byte)(p)[: len(s)+1 : len(s)+1]
	copy(b, s)
	b[len(s)] = 0
	return (*_Ctype_char)(p)
}

func _Cfunc_CBytes(b []byte) unsafe.Pointer {
	p := _cgo_cmalloc(uint64(len(b)))
	copy((*[1 << 40]byte)(p)[:len(b):len(b)], b)
	return p
}

func _Cfunc_GoString(p *_Ctype_char) string {
	if p == nil {
		return ""
	}
	b := (*[1 << 40]byte)(unsafe.Pointer(p))
	n := 0
	for b[n] != 0 {
		n++
	}
	return string(b[:n:n])
}

func _Cfunc_GoStringN(p *_Ctype_char, l _Ctype_int) string {
	if l <= 0 {
		return ""
	}
	return string((*[1 << 40]byte)(unsafe.Pointer(p))[:l:l])
}

func _Cfunc_GoBytes(p unsafe.Pointer, l _Ctype_int) []byte {
	if l <= 0 {
		return []byte{}
	}
	b := make([]byte, int(l))
	copy(b, (*[1 << 40]byte)(p)[:l:l])
	return b
}

"#;

/// What precedes the preamble wherever C names are resolved and the wrappers are compiled, as
/// cgo's builtin prolog: `size_t`, and `_GoString_` (a Go string passed to C as is) with its
/// accessors.
pub const BUILTIN_PROLOG: &str = r#"#line 1 "cgo-builtin-prolog"
#include <stddef.h>
typedef ptrdiff_t intgo;
#define GO_CGO_GOSTRING_TYPEDEF
typedef struct { const char *p; intgo n; } _GoString_;
__attribute__ ((unused))
static size_t _GoStringLen(_GoString_ s) { return (size_t)s.n; }
__attribute__ ((unused))
static const char *_GoStringPtr(_GoString_ s) { return s.p; }
"#;

/// The start of `_cgo_export.h`: cgo's Go types for C.
pub const PROLOGUE_H: &str = r#"#include <stddef.h>
#ifndef GO_CGO_PROLOGUE_H
#define GO_CGO_PROLOGUE_H
typedef signed char GoInt8;
typedef unsigned char GoUint8;
typedef short GoInt16;
typedef unsigned short GoUint16;
typedef int GoInt32;
typedef unsigned int GoUint32;
typedef long long GoInt64;
typedef unsigned long long GoUint64;
typedef GoInt64 GoInt;
typedef GoUint64 GoUint;
typedef size_t GoUintptr;
typedef float GoFloat32;
typedef double GoFloat64;
typedef float _Complex GoComplex64;
typedef double _Complex GoComplex128;
typedef char _check_for_64_bit_pointer_matching_GoInt[sizeof(void*)==64/8 ? 1:-1];
#ifndef GO_CGO_GOSTRING_TYPEDEF
typedef struct { const char *p; ptrdiff_t n; } _GoString_;
typedef _GoString_ GoString;
#endif
typedef void *GoMap;
typedef void *GoChan;
typedef struct { void *t; void *v; } GoInterface;
typedef struct { void *data; GoInt len; GoInt cap; } GoSlice;
#endif
"#;
