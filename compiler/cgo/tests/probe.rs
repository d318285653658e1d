//! The probe against the real C compiler (`$CC`, default `cc`).

use gorc_cgo::ctype::{CType, Entity, FuncType, TypeId, TypeTable};
use gorc_cgo::probe::{probe, ProbeError, ProbeInput, Probed};

fn cc() -> String {
    std::env::var("CC").unwrap_or_else(|_| "cc".to_string())
}

fn run(preamble: &str, names: &[&str]) -> Result<Probed, ProbeError> {
    let cc = cc();
    let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    probe(&ProbeInput {
        cc: &cc,
        dir: std::path::Path::new("."),
        cflags: &[],
        preamble,
        names: &names,
    })
}

/// A type as a short string: enough to compare the graph in assertions.
fn show(t: &TypeTable, id: TypeId) -> String {
    match &t.get(id).kind {
        CType::Void => "void".into(),
        CType::Bool => "_Bool".into(),
        CType::Int { name, .. } => name.clone(),
        CType::Float => format!("float{}", t.get(id).size.unwrap_or(0) * 8),
        CType::Complex => format!("complex{}", t.get(id).size.unwrap_or(0) * 8),
        CType::Pointer(p) => match &t.get(*p).kind {
            // Tags and typedef names stop the recursion.
            CType::Struct(a) | CType::Union(a) if a.tag.is_some() => format!("*{}", tag(t, *p)),
            _ => format!("*{}", show(t, *p)),
        },
        CType::Array { elem, len } => match len {
            Some(n) => format!("[{n}]{}", show(t, *elem)),
            None => format!("[]{}", show(t, *elem)),
        },
        CType::Struct(a) | CType::Union(a) => {
            let fields: Vec<String> = a
                .fields
                .iter()
                .map(|f| match f.bit_size {
                    Some(b) => format!("{}@{}:{} {}", f.name, f.offset, b, show(t, f.ty)),
                    None => format!("{}@{} {}", f.name, f.offset, show(t, f.ty)),
                })
                .collect();
            format!("{}{{{}}}", tag(t, id), fields.join("; "))
        }
        CType::Enum(e) => format!("enum {}", e.tag.clone().unwrap_or_default()),
        CType::Typedef { name, .. } => name.clone(),
        CType::Func(f) => func(t, f),
        CType::Other => "?".into(),
    }
}

fn tag(t: &TypeTable, id: TypeId) -> String {
    match &t.get(id).kind {
        CType::Struct(a) => format!("struct {}", a.tag.clone().unwrap_or_default()),
        CType::Union(a) => format!("union {}", a.tag.clone().unwrap_or_default()),
        _ => unreachable!(),
    }
}

fn func(t: &TypeTable, f: &FuncType) -> String {
    let mut params: Vec<String> = f.params.iter().map(|p| show(t, *p)).collect();
    if f.variadic {
        params.push("...".into());
    }
    let result = f
        .result
        .map(|r| show(t, r))
        .unwrap_or_else(|| "void".into());
    format!("func({}) {}", params.join(", "), result)
}

fn entity<'a>(p: &'a Probed, name: &str) -> &'a Entity {
    &p.entities
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no entity {name}"))
        .1
}

fn type_of(p: &Probed, name: &str) -> TypeId {
    match entity(p, name) {
        Entity::Type(id) => *id,
        e => panic!("{name} is not a type: {e:?}"),
    }
}

/// (show, size, align) of a type name.
fn ty(p: &Probed, name: &str) -> (String, Option<u64>, u64) {
    let id = type_of(p, name);
    let info = p.types.get(id);
    (show(&p.types, id), info.size, info.align)
}

const PREAMBLE: &str = r#"#line 3 "x.go"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <stddef.h>
#define LIMIT 10
#define NEG (-5)
#define BIG 0xffffffffffffffffULL
#define PI 2.5e-3
#define FLT 1.5f
#define GREETING "hi\n"
#define CH 'a'
#define SHIFTED (1 << 4)
#define COUNTER_ALIAS counter
struct point { int x, y; };
typedef struct point point_t;
typedef point_t point2_t;
struct bits { unsigned a:3; int b:5; int type; char arr[4]; double d; };
union u { int i; float f; char c[8]; };
enum color { RED, GREEN = 5, BLUE };
enum { ANON_A = -2, ANON_B };
enum big { HUGE_E = 0xffffffffffu };
typedef enum color color_t;
struct node { struct node *next; const char *name; int vals[2][3]; };
typedef int (*binop_t)(int, int);
typedef struct list list_t;
struct list { list_t *next; int v; };
struct __attribute__((packed)) packed { char c; int x; };
struct incomplete;
struct flex { int n; int data[]; };
void f0(void);
int add1(int x);
double mix(int, double);
int counter;
const volatile int cv;
extern int arr[];
static inline int sq(int x) { return x * x; }
"#;

#[test]
fn every_kind() {
    let names = [
        "char",
        "schar",
        "uchar",
        "short",
        "ushort",
        "int",
        "uint",
        "long",
        "ulong",
        "longlong",
        "ulonglong",
        "float",
        "double",
        "complexfloat",
        "complexdouble",
        "size_t",
        "uint32_t",
        "int64_t",
        "uintptr_t",
        "struct_point",
        "point_t",
        "point2_t",
        "struct_bits",
        "union_u",
        "enum_color",
        "color_t",
        "struct_node",
        "binop_t",
        "list_t",
        "struct_list",
        "struct_packed",
        "struct_incomplete",
        "struct_flex",
        "enum_big",
        "f0",
        "add1",
        "mix",
        "printf",
        "strlen",
        "malloc",
        "free",
        "puts",
        "sq",
        "counter",
        "cv",
        "arr",
        "COUNTER_ALIAS",
        "LIMIT",
        "NEG",
        "BIG",
        "PI",
        "FLT",
        "GREETING",
        "CH",
        "SHIFTED",
        "RED",
        "GREEN",
        "BLUE",
        "ANON_A",
        "ANON_B",
        "HUGE_E",
        "sizeof_point_t",
        "sizeof_struct_point",
        "sizeof_int",
        "sizeof_struct_bits",
        "sizeof_ulonglong",
    ];
    let p = run(PREAMBLE, &names).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.entities.len(), names.len());
    for ((n, _), want) in p.entities.iter().zip(names) {
        assert_eq!(n, want);
    }

    // Basic names.
    let basic = |n| {
        let (s, size, align) = ty(&p, n);
        (s, size.unwrap(), align)
    };
    assert_eq!(basic("char"), ("char".into(), 1, 1));
    assert_eq!(basic("schar"), ("signed char".into(), 1, 1));
    assert_eq!(basic("uchar"), ("unsigned char".into(), 1, 1));
    assert_eq!(basic("short"), ("short int".into(), 2, 2));
    assert_eq!(basic("ushort"), ("short unsigned int".into(), 2, 2));
    assert_eq!(basic("int"), ("int".into(), 4, 4));
    assert_eq!(basic("uint"), ("unsigned int".into(), 4, 4));
    assert_eq!(basic("long"), ("long int".into(), 8, 8));
    assert_eq!(basic("ulong"), ("long unsigned int".into(), 8, 8));
    assert_eq!(basic("longlong"), ("long long int".into(), 8, 8));
    assert_eq!(basic("ulonglong"), ("long long unsigned int".into(), 8, 8));
    assert_eq!(basic("float"), ("float32".into(), 4, 4));
    assert_eq!(basic("double"), ("float64".into(), 8, 8));
    assert_eq!(basic("complexfloat"), ("complex64".into(), 8, 4));
    assert_eq!(basic("complexdouble"), ("complex128".into(), 16, 8));
    let t = &p.types;
    assert!(matches!(
        t.get(type_of(&p, "char")).kind,
        CType::Int { signed: true, .. }
    ));
    assert!(matches!(
        t.get(type_of(&p, "uchar")).kind,
        CType::Int { signed: false, .. }
    ));

    // Typedefs keep their chains.
    assert_eq!(basic("size_t"), ("size_t".into(), 8, 8));
    let size_t = type_of(&p, "size_t");
    assert_eq!(show(t, t.strip_typedefs(size_t)), "long unsigned int");
    assert_eq!(basic("uint32_t"), ("uint32_t".into(), 4, 4));
    let CType::Typedef { ty: u32_under, .. } = t.get(type_of(&p, "uint32_t")).kind else {
        panic!()
    };
    assert_eq!(show(t, u32_under), "__uint32_t");
    assert_eq!(basic("int64_t"), ("int64_t".into(), 8, 8));
    assert_eq!(basic("uintptr_t"), ("uintptr_t".into(), 8, 8));

    // Structs, unions, enums.
    assert_eq!(
        basic("struct_point"),
        ("struct point{x@0 int; y@4 int}".into(), 8, 4)
    );
    assert_eq!(basic("point_t"), ("point_t".into(), 8, 4));
    let point_t = type_of(&p, "point_t");
    assert!(
        matches!(&t.get(point_t).kind, CType::Typedef { name, ty } if name == "point_t" && *ty == type_of(&p, "struct_point"))
    );
    assert_eq!(basic("point2_t"), ("point2_t".into(), 8, 4));
    assert!(
        matches!(&t.get(type_of(&p, "point2_t")).kind, CType::Typedef { ty, .. } if *ty == point_t)
    );
    assert_eq!(
        basic("struct_bits"),
        (
            "struct bits{a@0:3 unsigned int; b@0:5 int; type@4 int; arr@8 [4]char; d@16 float64}"
                .into(),
            24,
            8
        )
    );
    assert_eq!(
        basic("union_u"),
        ("union u{i@0 int; f@0 float32; c@0 [8]char}".into(), 8, 4)
    );
    assert_eq!(basic("enum_color"), ("enum color".into(), 4, 4));
    let CType::Enum(e) = &t.get(type_of(&p, "enum_color")).kind else {
        panic!()
    };
    assert_eq!(
        e.values,
        vec![("RED".into(), 0), ("GREEN".into(), 5), ("BLUE".into(), 6)]
    );
    assert!(!e.signed);
    assert_eq!(basic("color_t"), ("color_t".into(), 4, 4));
    let CType::Enum(e) = &t.get(type_of(&p, "enum_big")).kind else {
        panic!()
    };
    assert_eq!(e.values, vec![("HUGE_E".into(), 0xff_ffff_ffff)]);
    assert_eq!(t.get(type_of(&p, "enum_big")).size, Some(8));

    // Recursion, pointers, arrays, function pointers.
    assert_eq!(
        basic("struct_node"),
        (
            "struct node{next@0 *struct node; name@8 *char; vals@16 [2][3]int}".into(),
            40,
            8
        )
    );
    let node = type_of(&p, "struct_node");
    let CType::Struct(a) = &t.get(node).kind else {
        panic!()
    };
    assert!(matches!(t.get(a.fields[0].ty).kind, CType::Pointer(n) if n == node));
    assert_eq!(t.get(a.fields[2].ty).size, Some(24));
    assert_eq!(t.get(a.fields[2].ty).align, 4);
    assert_eq!(basic("binop_t"), ("binop_t".into(), 8, 8));
    assert_eq!(
        show(t, t.strip_typedefs(type_of(&p, "binop_t"))),
        "*func(int, int) int"
    );
    assert_eq!(
        basic("struct_list"),
        ("struct list{next@0 *list_t; v@8 int}".into(), 16, 8)
    );
    assert_eq!(basic("list_t"), ("list_t".into(), 16, 8));
    assert_eq!(
        basic("struct_packed"),
        ("struct packed{c@0 char; x@1 int}".into(), 5, 1)
    );
    let inc = type_of(&p, "struct_incomplete");
    assert!(matches!(&t.get(inc).kind, CType::Struct(a) if a.incomplete && a.fields.is_empty()));
    assert_eq!(t.get(inc).size, None);
    assert_eq!(
        basic("struct_flex"),
        ("struct flex{n@0 int; data@4 []int}".into(), 4, 4)
    );

    // Functions.
    let f = |n| match entity(&p, n) {
        Entity::Func(f) => func(t, f),
        e => panic!("{n} is not a function: {e:?}"),
    };
    assert_eq!(f("f0"), "func() void");
    assert_eq!(f("add1"), "func(int) int");
    assert_eq!(f("mix"), "func(int, float64) float64");
    assert_eq!(f("printf"), "func(*char, ...) int");
    assert_eq!(f("strlen"), "func(*char) size_t");
    assert_eq!(f("malloc"), "func(size_t) *void");
    assert_eq!(f("free"), "func(*void) void");
    assert_eq!(f("puts"), "func(*char) int");
    assert_eq!(f("sq"), "func(int) int");

    // Variables.
    let v = |n| match entity(&p, n) {
        Entity::Var(id) => show(t, *id),
        e => panic!("{n} is not a variable: {e:?}"),
    };
    assert_eq!(v("counter"), "int");
    assert_eq!(v("cv"), "int");
    assert_eq!(v("arr"), "[]int");
    assert_eq!(v("COUNTER_ALIAS"), "int");

    // Constants.
    let c = |n| entity(&p, n).clone();
    assert_eq!(c("LIMIT"), Entity::IntConst(10));
    assert_eq!(c("NEG"), Entity::IntConst(-5));
    assert_eq!(c("BIG"), Entity::IntConst(18446744073709551615));
    assert_eq!(c("PI"), Entity::FloatConst(2.5e-3));
    assert_eq!(c("FLT"), Entity::FloatConst(1.5));
    assert_eq!(c("GREETING"), Entity::StrConst(b"hi\n".to_vec()));
    assert_eq!(c("CH"), Entity::IntConst(97));
    assert_eq!(c("SHIFTED"), Entity::IntConst(16));
    assert_eq!(c("RED"), Entity::IntConst(0));
    assert_eq!(c("GREEN"), Entity::IntConst(5));
    assert_eq!(c("BLUE"), Entity::IntConst(6));
    assert_eq!(c("ANON_A"), Entity::IntConst(-2));
    assert_eq!(c("ANON_B"), Entity::IntConst(-1));
    assert_eq!(c("HUGE_E"), Entity::IntConst(0xff_ffff_ffff));
    assert_eq!(c("sizeof_point_t"), Entity::IntConst(8));
    assert_eq!(c("sizeof_struct_point"), Entity::IntConst(8));
    assert_eq!(c("sizeof_int"), Entity::IntConst(4));
    assert_eq!(c("sizeof_struct_bits"), Entity::IntConst(24));
    assert_eq!(c("sizeof_ulonglong"), Entity::IntConst(8));
}

#[test]
fn more_kinds() {
    let preamble = r#"#line 10 "y.go"
#include <errno.h>
#include <stdio.h>
#define COUNTER_PTR (*(int*)&counter)
int counter;
typedef int fn_t(int);
fn_t g;
int h();
typedef struct { int a; union { int b; float c; }; } anon_t;
typedef int v4 __attribute__((vector_size(16)));
typedef struct __attribute__((aligned(32))) { char c; } aligned_t;
#pragma pack(2)
struct pack2 { char c; int x; };
#pragma pack()
typedef long double ld;
__int128 big;
_Bool flag;
"#;
    let names = [
        "COUNTER_PTR",
        "errno",
        "stdin",
        "g",
        "fn_t",
        "h",
        "anon_t",
        "v4",
        "aligned_t",
        "struct_pack2",
        "ld",
        "big",
        "flag",
        "void",
    ];
    let p = run(preamble, &names).unwrap_or_else(|e| panic!("{e}"));
    let t = &p.types;
    let var = |n| match entity(&p, n) {
        Entity::Var(id) => {
            let info = t.get(*id);
            (show(t, *id), info.size, info.align)
        }
        e => panic!("{n} is not a variable: {e:?}"),
    };
    assert_eq!(var("COUNTER_PTR"), ("int".into(), Some(4), 4));
    assert_eq!(var("errno"), ("int".into(), Some(4), 4));
    assert_eq!(var("stdin"), ("*FILE".into(), Some(8), 8));
    assert_eq!(var("big"), ("__int128".into(), Some(16), 16));
    assert_eq!(var("flag"), ("_Bool".into(), Some(1), 1));
    let f = |n| match entity(&p, n) {
        Entity::Func(f) => func(t, f),
        e => panic!("{n} is not a function: {e:?}"),
    };
    assert_eq!(f("g"), "func(int) int");
    assert_eq!(f("h"), "func() int");
    assert_eq!(ty(&p, "fn_t").0, "fn_t");
    assert_eq!(
        show(t, t.strip_typedefs(type_of(&p, "fn_t"))),
        "func(int) int"
    );
    let anon = t.strip_typedefs(type_of(&p, "anon_t"));
    assert_eq!(
        show(t, anon),
        "struct {a@0 int; @4 union {b@0 int; c@0 float32}}"
    );
    assert!(matches!(&t.get(anon).kind, CType::Struct(a) if a.tag.is_none()));
    assert_eq!(ty(&p, "v4"), ("v4".into(), Some(16), 16));
    assert_eq!(ty(&p, "aligned_t"), ("aligned_t".into(), Some(32), 32));
    assert_eq!(
        ty(&p, "struct_pack2"),
        ("struct pack2{c@0 char; x@2 int}".into(), Some(6), 2)
    );
    assert_eq!(ty(&p, "ld"), ("ld".into(), Some(16), 16));
    assert_eq!(ty(&p, "void"), ("void".into(), None, 1));
}

#[test]
fn preamble_errors_seen_in_probe_lines() {
    // The error shows at the first token after the preamble, in the probe's own lines: the
    // preamble is compiled alone to report it.
    match run("#line 3 \"e.go\"\nint x =\n", &["x"]) {
        Err(ProbeError::Compiler(msg)) => assert!(msg.contains("e.go:"), "{msg}"),
        r => panic!("want a compiler error, got {r:?}"),
    }
}

#[test]
fn expression_macros() {
    // Neither a constant nor an lvalue: C computes it at each use.
    let preamble =
        "#line 1 \"m.go\"\nint base;\n#define NULLPTR ((void*)0)\n#define NEXT (base + 2)\n";
    let p = run(preamble, &["NULLPTR", "NEXT"]).unwrap();
    let Entity::Macro(ptr) = p.entities[0].1 else {
        panic!("NULLPTR: {:?}", p.entities[0].1)
    };
    assert!(matches!(p.types.get(ptr).kind, CType::Pointer(_)));
    let Entity::Macro(int) = p.entities[1].1 else {
        panic!("NEXT: {:?}", p.entities[1].1)
    };
    assert!(matches!(&p.types.get(int).kind, CType::Int { name, .. } if name == "int"));
}

#[test]
fn unknown_names() {
    // A macro expanding to something that does not compile is unknown too.
    let preamble = "#line 1 \"u.go\"\n#define BAD (1 +)\nint x;\n";
    let names = [
        "zzz",
        "x",
        "BAD",
        "nosuch",
        "struct_",
        "sizeof_nosuch",
        "printf",
    ];
    let err = run(preamble, &names).unwrap_err();
    let want = ["BAD", "nosuch", "printf", "sizeof_nosuch", "struct_", "zzz"];
    assert_eq!(
        err,
        ProbeError::Unknown(want.iter().map(|s| s.to_string()).collect())
    );
    assert!(err
        .to_string()
        .contains("could not determine kind of name for C.nosuch"));
}

#[test]
fn preamble_errors() {
    let preamble = "#line 5 \"bad.go\"\nint ok;\nint x = ;\nstruct s { int a; }\n";
    match run(preamble, &["ok"]) {
        Err(ProbeError::Compiler(msg)) => {
            assert!(msg.contains("bad.go:6:"), "{msg}");
            assert!(msg.contains("error"), "{msg}");
            assert!(
                !msg.contains("not-declared") && !msg.contains("cgo-dwarf"),
                "{msg}"
            );
        }
        r => panic!("want a compiler error, got {r:?}"),
    }
}

#[test]
fn missing_compiler() {
    let names = vec!["int".to_string()];
    let r = probe(&ProbeInput {
        cc: "/nonexistent/cc",
        dir: std::path::Path::new("."),
        cflags: &[],
        preamble: "",
        names: &names,
    });
    assert!(matches!(r, Err(ProbeError::Other(_))), "{r:?}");
    let r = probe(&ProbeInput {
        cc: "  ",
        dir: std::path::Path::new("."),
        cflags: &[],
        preamble: "",
        names: &names,
    });
    assert!(matches!(r, Err(ProbeError::Other(_))), "{r:?}");
}
