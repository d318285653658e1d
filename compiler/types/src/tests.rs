//! Tests: gc's diagnostics on testdata/errors (expected output produced by Go 1.19's
//! `go build`, see testdata/regen.sh), clean programs in testdata/ok, constant evaluation,
//! recorded types and init order.

use crate::*;
use gorc_syntax::{FileSet, NodeIds};
use std::path::Path;

fn parse_and_check(src: &str) -> (FileSet, Result<Program, Vec<Diagnostic>>) {
    let mut fset = FileSet::new();
    let fid = fset.add("./x.go", src);
    let mut ids = NodeIds::default();
    let file = match gorc_syntax::parse_file(&fset, fid, &mut ids) {
        Ok(f) => f,
        Err(errs) => {
            let msgs: Vec<String> = errs
                .iter()
                .map(|e| format!("{}: {}", fset.position(e.pos), e.msg))
                .collect();
            panic!("syntax errors:\n{}", msgs.join("\n"));
        }
    };
    let r = check_package(&fset, "main", &[file]);
    (fset, r)
}

/// The diagnostics as `go build` prints them.
fn diagnostics(src: &str) -> String {
    let (fset, r) = parse_and_check(src);
    match r {
        Ok(_) => String::new(),
        Err(ds) => ds
            .iter()
            .map(|d| format!("{}: {}\n", fset.position(d.pos), d.msg))
            .collect(),
    }
}

fn check_ok(src: &str) -> Program {
    let (fset, r) = parse_and_check(src);
    match r {
        Ok(p) => p,
        Err(ds) => {
            let s: Vec<String> = ds
                .iter()
                .map(|d| format!("{}: {}", fset.position(d.pos), d.msg))
                .collect();
            panic!("unexpected errors:\n{}", s.join("\n"));
        }
    }
}

fn testdata(dir: &str) -> Vec<(String, String)> {
    let d = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(dir);
    let mut v: Vec<_> = std::fs::read_dir(&d)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().map_or(false, |e| e == "go"))
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn gc_diagnostics() {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/errors");
    let mut failures = vec![];
    for (name, src) in testdata("errors") {
        let want = std::fs::read_to_string(d.join(format!("{}.out", name))).unwrap();
        let got = diagnostics(&src);
        if got != want {
            failures.push(format!("--- {}: want\n{}--- got\n{}", name, want, got));
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} of the error tests differ:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}

#[test]
fn clean_programs() {
    for (name, src) in testdata("ok") {
        let (fset, r) = parse_and_check(&src);
        if let Err(ds) = r {
            let s: Vec<String> = ds
                .iter()
                .map(|d| format!("{}: {}", fset.position(d.pos), d.msg))
                .collect();
            panic!("{}: unexpected errors:\n{}", name, s.join("\n"));
        }
    }
}

fn const_of(p: &Program, name: &str) -> ConstValue {
    for o in &p.objects {
        if o.name == name && o.pkg.as_deref() == Some("main") {
            if let ObjKind::Const { value, .. } = &o.kind {
                return value.clone();
            }
        }
    }
    panic!("no constant {}", name)
}

fn int(v: i64) -> ConstValue {
    ConstValue::int(v)
}

#[test]
fn constant_evaluation() {
    let p = check_ok(
        r#"package main
const a = 1 << 100 >> 98
const b = 'a' + 1
const c = 10 / 4
const d = 10 / 4.0
const e = "ab" + "c"
const f = 7 % 3
const g = -7 >> 1
const h = ^0
const i uint8 = ^uint8(0)
const j = len("héllo")
const k = 1e300 * 1e300 / 1e300
const l = 0.1 + 0.2
const m = 5 &^ 3
const n = 1 == 1.0
const o = "a" < "b"
const q = int8(-128)
const (
	x0 = iota * 10
	x1
	x2
	_
	x4
)
const (
	y0, z0 = iota, -iota
	y1, z1
)
const u = float32(0.1)
const w = string(rune(65))
func main() {}
"#,
    );
    assert_eq!(const_of(&p, "a"), int(4));
    assert_eq!(const_of(&p, "b"), int(98));
    assert_eq!(const_of(&p, "c"), int(2));
    assert_eq!(
        const_of(&p, "d"),
        ConstValue::Float(BigRational::new(5.into(), 2.into()))
    );
    assert_eq!(const_of(&p, "e"), ConstValue::String(b"abc".to_vec()));
    assert_eq!(const_of(&p, "f"), int(1));
    assert_eq!(const_of(&p, "g"), int(-4));
    assert_eq!(const_of(&p, "h"), int(-1));
    assert_eq!(const_of(&p, "i"), int(255));
    assert_eq!(const_of(&p, "j"), int(6));
    assert_eq!(const_of(&p, "k").to_int(), Some(BigInt::from(10).pow(300)));
    assert_eq!(
        const_of(&p, "l"),
        ConstValue::Float(BigRational::new(3.into(), 10.into()))
    );
    assert_eq!(const_of(&p, "m"), int(4));
    assert_eq!(const_of(&p, "n"), ConstValue::Bool(true));
    assert_eq!(const_of(&p, "o"), ConstValue::Bool(true));
    assert_eq!(const_of(&p, "q"), int(-128));
    assert_eq!(const_of(&p, "x2"), int(20));
    assert_eq!(const_of(&p, "x4"), int(40));
    assert_eq!(const_of(&p, "y1"), int(1));
    assert_eq!(const_of(&p, "z1"), int(-1));
    // float32 rounding
    assert_eq!(
        const_of(&p, "u"),
        ConstValue::Float(BigRational::from_float(0.1f32 as f64).unwrap())
    );
    assert_eq!(const_of(&p, "w"), ConstValue::String(b"A".to_vec()));
}

#[test]
fn constant_errors() {
    let d = diagnostics("package main\nconst c = 1 << 1000 << 1000\nfunc main() {}\n");
    assert!(d.contains("overflow"), "{}", d);
    let d = diagnostics("package main\nvar x float32 = 1e100\nfunc main() {}\n");
    assert_eq!(d, "./x.go:2:17: cannot use 1e100 (untyped float constant 1e+100) as float32 value in variable declaration (overflows)\n");
}

#[test]
fn untyped_constants_get_final_types() {
    let src = "package main\nfunc main() {\n\tvar f float64 = 1 + 2\n\tvar b byte = 'a'\n\tprintln(1 << 3)\n\t_, _ = f, b\n}\n";
    let p = check_ok(src);
    // every constant expression is recorded with its value converted to its final type
    let mut seen = vec![];
    for tv in p.info.types.values() {
        if let Mode::Const(v) = &tv.mode {
            seen.push((p.types.type_string(&p.objects, tv.ty, "main"), v.clone()));
        }
    }
    let has = |t: &str, v: ConstValue| seen.iter().any(|(tt, vv)| tt == t && *vv == v);
    assert!(
        has(
            "float64",
            ConstValue::Float(BigRational::from_integer(3.into()))
        ),
        "{:?}",
        seen
    );
    assert!(
        has(
            "float64",
            ConstValue::Float(BigRational::from_integer(1.into()))
        ),
        "{:?}",
        seen
    );
    assert!(has("uint8", int(97)), "{:?}", seen);
    assert!(has("int", int(8)), "{:?}", seen);
    assert!(
        !seen.iter().any(|(t, _)| t.starts_with("untyped")),
        "{:?}",
        seen
    );
}

#[test]
fn init_order() {
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/ok/initorder.go"),
    )
    .unwrap();
    let p = check_ok(&src);
    let order: Vec<String> = p.packages[0]
        .init_order
        .iter()
        .map(|i| {
            i.lhs
                .iter()
                .map(|o| o.map_or("_".to_string(), |o| p.obj(o).name.clone()))
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect();
    // spec example: d, b, c, a
    assert_eq!(order, vec!["d", "b", "c", "a"]);
}

#[test]
fn package_contents() {
    let p = check_ok(
        "package main\ntype T struct{ x int }\nfunc (t T) m() {}\nfunc (t *T) n() {}\nvar g, h int\nfunc f() { var t T; t.n(); p := &g; _ = p }\nfunc init() {}\nfunc main() { f() }\nfunc init() {}\n",
    );
    let names: Vec<String> = p
        .funcs
        .iter()
        .map(|&f| match &p.obj(f).kind {
            ObjKind::Func(fi) => fi.link_name.clone(),
            _ => unreachable!(),
        })
        .collect();
    assert_eq!(
        names,
        vec![
            "main.T.m",
            "main.(*T).n",
            "main.f",
            "main.init.0",
            "main.main",
            "main.init.1"
        ]
    );
    let gl: Vec<&str> = p.globals.iter().map(|&g| p.obj(g).name.as_str()).collect();
    assert_eq!(gl, vec!["g", "h"]);
    // t is addressed (pointer method call), g too (&g)
    let addressed = |n: &str| {
        p.objects
            .iter()
            .any(|o| o.name == n && matches!(&o.kind, ObjKind::Var(v) if v.addressed))
    };
    assert!(addressed("t"));
    assert!(addressed("g"));
    assert!(!addressed("h"));
}

#[test]
fn captured_variables_are_addressed() {
    let p = check_ok("package main\nfunc main() {\n\tc := 0\n\td := 1\n\tf := func() { c++ }\n\tf()\n\t_ = d\n}\n");
    let addressed = |n: &str| {
        p.objects
            .iter()
            .any(|o| o.name == n && matches!(&o.kind, ObjKind::Var(v) if v.addressed))
    };
    assert!(addressed("c"));
    assert!(!addressed("d"));
}

#[test]
fn selections_record_paths() {
    let p = check_ok(
        "package main\ntype In struct{ v int }\nfunc (i *In) M() {}\ntype Out struct{ a int; *In }\nfunc main() {\n\tvar o Out\n\t_ = o.v\n\to.M()\n}\n",
    );
    let mut sels: Vec<(Vec<usize>, bool, SelectionKind)> = p
        .info
        .selections
        .values()
        .map(|s| (s.index.clone(), s.indirect, s.kind))
        .collect();
    sels.sort_by_key(|s| s.0.clone());
    assert!(
        sels.contains(&(vec![1, 0], true, SelectionKind::FieldVal)),
        "{:?}",
        sels
    );
    assert!(
        sels.contains(&(vec![1], true, SelectionKind::MethodVal)),
        "{:?}",
        sels
    );
}

#[test]
fn no_main() {
    let d = diagnostics("package main\nfunc f() {}\n");
    assert!(
        d.contains("function main is undeclared in the main package"),
        "{}",
        d
    );
}

#[test]
fn unknown_import() {
    let d = diagnostics("package main\nimport \"nosuchpkg\"\nfunc main() {}\n");
    assert!(
        d.starts_with("./x.go:2:8: package nosuchpkg is not in GOROOT"),
        "{}",
        d
    );
}

/// Runs the checker on the programs of the installed Go 1.19 test suite that gc compiles
/// (`// run` and `// compile` files importing nothing but unsafe); they must check cleanly.
/// Prints the failures; skipped when the suite is absent.
fn go_suite_failures() -> Option<(usize, Vec<String>)> {
    let dir = Path::new("/usr/lib/go-1.19/test");
    if !dir.is_dir() {
        return None;
    }
    let mut files: Vec<std::path::PathBuf> = vec![];
    for sub in ["", "fixedbugs", "ken", "chan", "interface", "syntax"] {
        if let Ok(rd) = std::fs::read_dir(dir.join(sub)) {
            files.extend(rd.flatten().map(|e| e.path()));
        }
    }
    files.sort();
    let mut n = 0;
    let mut fails = vec![];
    for p in files {
        if p.extension().map_or(true, |e| e != "go") {
            continue;
        }
        let Ok(src) = std::fs::read_to_string(&p) else {
            continue;
        };
        let first = src.lines().next().unwrap_or("");
        if first != "// run" && first != "// compile" {
            continue;
        }
        let mut fset = FileSet::new();
        let fid = fset.add(p.to_string_lossy().to_string(), src.clone());
        let mut ids = NodeIds::default();
        let Ok(file) = gorc_syntax::parse_file(&fset, fid, &mut ids) else {
            continue;
        };
        if file.imports.iter().any(|i| i.path.raw != "\"unsafe\"") {
            continue;
        }
        let path = if file.package.name == "main" {
            "main".to_string()
        } else {
            file.package.name.clone()
        };
        n += 1;
        if std::env::var("GORC_TRACE").is_ok() {
            eprintln!("checking {}", p.display());
        }
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            check_package(&fset, &path, &[file])
        }));
        match r {
            Err(_) => fails.push(format!("{}: PANIC", p.display())),
            Ok(Err(ds))
                if first == "// compile"
                    && ds.iter().all(|d| {
                        d.msg.starts_with("function main is undeclared")
                            || d.msg == "missing function body"
                    }) => {}
            Ok(Err(ds)) => {
                let s: Vec<String> = ds
                    .iter()
                    .take(3)
                    .map(|d| format!("{}: {}", fset.position(d.pos), d.msg))
                    .collect();
                fails.push(s.join("\n"));
            }
            Ok(Ok(_)) => {
                for m in check_recorded(&src).into_iter().take(3) {
                    fails.push(format!("{}: {}", p.display(), m));
                }
            }
        }
    }
    Some((n, fails))
}

#[test]
fn go_test_suite_programs() {
    let Some((n, fails)) = go_suite_failures() else {
        return;
    };
    eprintln!("{} programs checked, {} failed", n, fails.len());
    // constants with exponents of hundreds of millions do not fit exact rationals
    let known = ["issue11326b.go"];
    let fails: Vec<&String> = fails
        .iter()
        .filter(|f| !known.iter().any(|k| f.contains(k)))
        .collect();
    assert!(
        fails.is_empty(),
        "{} programs of the Go test suite fail:\n{}",
        fails.len(),
        fails
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn check_file_from_env() {
    // GORC_CHECK=path: prints the diagnostics for one file (debugging aid)
    let Ok(p) = std::env::var("GORC_CHECK") else {
        return;
    };
    let src = std::fs::read_to_string(p).unwrap();
    print!("{}", diagnostics(&src));
}

/// Calls `f` on every expression of a file, with whether it is a struct literal key.
fn walk_file(file: &gorc_syntax::ast::File, f: &mut dyn FnMut(&gorc_syntax::ast::Expr, bool)) {
    use gorc_syntax::ast::*;
    fn fields(fs: &[Field], f: &mut dyn FnMut(&Expr, bool)) {
        for fl in fs {
            expr(&fl.ty, f);
        }
    }
    fn ftype(t: &FuncType, f: &mut dyn FnMut(&Expr, bool)) {
        fields(&t.params, f);
        fields(&t.results, f);
    }
    fn expr(e: &Expr, f: &mut dyn FnMut(&Expr, bool)) {
        f(e, false);
        match &e.kind {
            ExprKind::CompositeLit { ty, elts, .. } => {
                if let Some(t) = ty {
                    expr(t, f);
                }
                for el in elts {
                    if let Some(k) = &el.key {
                        if let ExprKind::Ident(_) = k.kind {
                            f(k, true);
                        } else {
                            expr(k, f);
                        }
                    }
                    expr(&el.value, f);
                }
            }
            ExprKind::FuncLit { sig, body } => {
                ftype(sig, f);
                block(body, f);
            }
            ExprKind::Paren(x)
            | ExprKind::Selector(x, _)
            | ExprKind::Star(x)
            | ExprKind::Unary(_, x) => expr(x, f),
            ExprKind::Index(x, i) => {
                expr(x, f);
                expr(i, f);
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                expr(x, f);
                for i in [lo, hi, max].into_iter().flatten() {
                    expr(i, f);
                }
            }
            ExprKind::TypeAssert(x, t) => {
                expr(x, f);
                if let Some(t) = t {
                    expr(t, f);
                }
            }
            ExprKind::Call { func, args, .. } => {
                expr(func, f);
                for a in args {
                    expr(a, f);
                }
            }
            ExprKind::Binary(_, l, r) | ExprKind::MapType(l, r) => {
                expr(l, f);
                expr(r, f);
            }
            ExprKind::ArrayType { len, elem } => {
                if let ArrayLen::Expr(l) = len {
                    expr(l, f);
                }
                expr(elem, f);
            }
            ExprKind::StructType(fs) => fields(fs, f),
            ExprKind::FuncType(t) => ftype(t, f),
            ExprKind::InterfaceType(els) => {
                for el in els {
                    match el {
                        InterfaceElem::Method { sig, .. } => ftype(sig, f),
                        InterfaceElem::Embedded(t) => expr(t, f),
                    }
                }
            }
            ExprKind::ChanType(_, x) => expr(x, f),
            ExprKind::Ellipsis(Some(x)) => expr(x, f),
            _ => {}
        }
    }
    fn block(b: &Block, f: &mut dyn FnMut(&Expr, bool)) {
        for s in &b.stmts {
            stmt(s, f);
        }
    }
    fn stmt(s: &Stmt, f: &mut dyn FnMut(&Expr, bool)) {
        match &s.kind {
            StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) | StmtKind::IncDec(e, _) => {
                expr(e, f)
            }
            StmtKind::Send(a, b) => {
                expr(a, f);
                expr(b, f);
            }
            StmtKind::Assign { lhs, rhs, .. } => {
                for e in lhs.iter().chain(rhs) {
                    expr(e, f);
                }
            }
            StmtKind::Define { rhs, .. } => rhs.iter().for_each(|e| expr(e, f)),
            StmtKind::Decl(d) => decl(d, f),
            StmtKind::Labeled(_, s) => stmt(s, f),
            StmtKind::Return(es) => es.iter().for_each(|e| expr(e, f)),
            StmtKind::Block(b) => block(b, f),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    stmt(i, f);
                }
                expr(cond, f);
                block(then, f);
                if let Some(e) = els {
                    stmt(e, f);
                }
            }
            StmtKind::Switch {
                init, tag, body, ..
            } => {
                if let Some(i) = init {
                    stmt(i, f);
                }
                if let Some(t) = tag {
                    expr(t, f);
                }
                for c in body {
                    c.exprs.iter().flatten().for_each(|e| expr(e, f));
                    c.body.iter().for_each(|s| stmt(s, f));
                }
            }
            StmtKind::TypeSwitch { init, x, body, .. } => {
                if let Some(i) = init {
                    stmt(i, f);
                }
                expr(x, f);
                for c in body {
                    c.types.iter().flatten().for_each(|e| expr(e, f));
                    c.body.iter().for_each(|s| stmt(s, f));
                }
            }
            StmtKind::Select { body, .. } => {
                for c in body {
                    if let Some(s) = &c.comm {
                        stmt(s, f);
                    }
                    c.body.iter().for_each(|s| stmt(s, f));
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                if let Some(i) = init {
                    stmt(i, f);
                }
                if let Some(c) = cond {
                    expr(c, f);
                }
                if let Some(p) = post {
                    stmt(p, f);
                }
                block(body, f);
            }
            StmtKind::Range {
                key,
                value,
                x,
                body,
                ..
            } => {
                for e in [key, value].into_iter().flatten() {
                    expr(e, f);
                }
                expr(x, f);
                block(body, f);
            }
            _ => {}
        }
    }
    fn decl(d: &Decl, f: &mut dyn FnMut(&Expr, bool)) {
        match d {
            Decl::Const(specs) | Decl::Var(specs) => {
                for s in specs {
                    if let Some(t) = &s.ty {
                        expr(t, f);
                    }
                    s.values.iter().for_each(|e| expr(e, f));
                }
            }
            Decl::Type(specs) => specs.iter().for_each(|s| expr(&s.ty, f)),
            Decl::Func(fd) => {
                if let Some(r) = &fd.recv {
                    fields(r, f);
                }
                ftype(&fd.sig, f);
                if let Some(b) = &fd.body {
                    block(b, f);
                }
            }
        }
    }
    for d in &file.decls {
        decl(d, f);
    }
}

/// Every expression of a checked program has a recorded type (and untyped ones their final
/// type), every identifier expression a recorded object: what the code generator relies on.
fn check_recorded(src: &str) -> Vec<String> {
    let mut fset = FileSet::new();
    let fid = fset.add("./x.go", src);
    let mut ids = NodeIds::default();
    let file = gorc_syntax::parse_file(&fset, fid, &mut ids).unwrap();
    let Ok(p) = check_package(&fset, "main", std::slice::from_ref(&file)) else {
        return vec![];
    };
    let mut missing = vec![];
    walk_file(&file, &mut |e, is_key| {
        use gorc_syntax::ast::ExprKind;
        if is_key {
            if !p.info.uses.contains_key(&e.id) {
                missing.push(format!(
                    "{}: key {} has no field",
                    fset.position(e.pos),
                    gorc_syntax::expr_string(e)
                ));
            }
            return;
        }
        if matches!(e.kind, ExprKind::Ellipsis(_)) {
            return;
        }
        // package names (in qualified identifiers) are only in `uses`
        if let Some(o) = p.info.uses.get(&e.id) {
            if matches!(p.obj(*o).kind, ObjKind::Package { .. }) {
                return;
            }
        }
        match p.info.types.get(&e.id) {
            None => missing.push(format!(
                "{}: no type for {}",
                fset.position(e.pos),
                gorc_syntax::expr_string(e)
            )),
            Some(tv) => {
                if p.types.is_untyped(tv.ty) && tv.ty != table::basic(BasicKind::UntypedNil) {
                    missing.push(format!(
                        "{}: untyped {}",
                        fset.position(e.pos),
                        gorc_syntax::expr_string(e)
                    ));
                }
            }
        }
        if let ExprKind::Ident(n) = &e.kind {
            if n != "_" && !p.info.uses.contains_key(&e.id) && !p.info.defs.contains_key(&e.id) {
                missing.push(format!("{}: no object for {}", fset.position(e.pos), n));
            }
        }
    });
    missing
}

#[test]
fn everything_recorded() {
    let mut all = vec![];
    for (name, src) in testdata("ok") {
        for m in check_recorded(&src) {
            all.push(format!("{}: {}", name, m));
        }
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
}

/// Exploration aid (GORC_ERRORCHECK=1): runs the `// errorcheck` files of the Go test suite
/// and prints the lines where our errors and the `// ERROR` annotations disagree.
#[test]
fn go_errorcheck_lines() {
    if std::env::var("GORC_ERRORCHECK").is_err() {
        return;
    }
    let dir = Path::new("/usr/lib/go-1.19/test");
    let mut files: Vec<std::path::PathBuf> = vec![];
    for sub in ["", "fixedbugs", "ken", "chan", "interface", "syntax"] {
        if let Ok(rd) = std::fs::read_dir(dir.join(sub)) {
            files.extend(rd.flatten().map(|e| e.path()));
        }
    }
    files.sort();
    let (mut nfiles, mut agree) = (0, 0);
    for p in files {
        if p.extension().map_or(true, |e| e != "go") {
            continue;
        }
        let Ok(src) = std::fs::read_to_string(&p) else {
            continue;
        };
        if src.lines().next() != Some("// errorcheck") {
            continue;
        }
        let mut fset = FileSet::new();
        let fid = fset.add("x.go", src.clone());
        let mut ids = NodeIds::default();
        let Ok(file) = gorc_syntax::parse_file(&fset, fid, &mut ids) else {
            continue;
        };
        if file.imports.iter().any(|i| i.path.raw != "\"unsafe\"") {
            continue;
        }
        if std::env::var("GORC_TRACE").is_ok() {
            eprintln!("checking {}", p.display());
        }
        nfiles += 1;
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            check_package(&fset, "main", &[file])
        }));
        let ds = match r {
            Err(_) => {
                println!("{}: PANIC", p.display());
                continue;
            }
            Ok(Ok(_)) => vec![],
            Ok(Err(ds)) => ds,
        };
        let mut got: std::collections::BTreeMap<u32, Vec<String>> = Default::default();
        for d in &ds {
            if d.msg == "too many errors" || d.msg.starts_with("function main is undeclared") {
                continue;
            }
            got.entry(fset.position(d.pos).line)
                .or_default()
                .push(d.msg.clone());
        }
        let mut want: std::collections::BTreeMap<u32, String> = Default::default();
        for (i, l) in src.lines().enumerate() {
            if let Some(k) = l.find("// ERROR ") {
                want.insert(i as u32 + 1, l[k + 9..].to_string());
            } else if let Some(k) = l.find("// GC_ERROR ") {
                want.insert(i as u32 + 1, l[k + 12..].to_string());
            }
        }
        let mut ok = true;
        let mut report = vec![];
        for (l, w) in &want {
            if !got.contains_key(l) && ds.len() < 10 {
                ok = false;
                report.push(format!("  {}: missing: {}", l, w));
            }
        }
        for (l, g) in &got {
            if !want.contains_key(l) {
                ok = false;
                report.push(format!("  {}: extra: {}", l, g.join(" / ")));
            }
        }
        if ok {
            agree += 1;
        } else {
            println!("{}:\n{}", p.display(), report.join("\n"));
        }
    }
    println!("{} errorcheck files, {} agree line by line", nfiles, agree);
}

/// Exploration aid (GORC_ROBUST=dir): checks every parseable file under `dir`, reporting
/// panics and slow files.
#[test]
fn robustness_from_env() {
    let Ok(dir) = std::env::var("GORC_ROBUST") else {
        return;
    };
    fn collect(d: &Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(rd) = std::fs::read_dir(d) else { return };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                collect(&p, out);
            } else if p.extension().map_or(false, |e| e == "go") {
                out.push(p);
            }
        }
    }
    let mut files = vec![];
    collect(Path::new(&dir), &mut files);
    files.sort();
    let mut n = 0;
    for p in files {
        let Ok(src) = std::fs::read_to_string(&p) else {
            continue;
        };
        let mut fset = FileSet::new();
        let fid = fset.add("x.go", src);
        let mut ids = NodeIds::default();
        let Ok(file) = gorc_syntax::parse_file(&fset, fid, &mut ids) else {
            continue;
        };
        n += 1;
        if std::env::var("GORC_TRACE").is_ok() {
            eprintln!("checking {}", p.display());
        }
        let t = std::time::Instant::now();
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            check_package(&fset, "main", &[file])
        }));
        if r.is_err() {
            println!("PANIC {}", p.display());
        }
        if t.elapsed().as_millis() > 2000 {
            println!("SLOW {} {:?}", p.display(), t.elapsed());
        }
    }
    println!("{} files checked", n);
}

/// The cgo directives (directives.rs): accepted forms, and the errors for misuse.
#[test]
fn cgo_directives() {
    let ok = check_ok(
        "package main\nimport \"unsafe\"\n\
         //gorc:cgocall _cgo_x_Cfunc_add1\nfunc add1(p0 int32, s struct{ a [3]int8 }) (r1 int32)\n\
         //gorc:cgocall _cgo_x_C2func_fail errno\nfunc fail() (r1 int32, errno int32)\n\
         //gorc:csymaddr counter\nfunc addr() unsafe.Pointer\n\
         //gorc:cgoexport _cgoexp_x_cb\nfunc cb(a *struct{ p0, r0 int32 }) { a.r0 = a.p0 + 1 }\n\
         func main() { _ = add1(1, struct{ a [3]int8 }{}); fail(); addr() }\n",
    );
    let natives: Vec<(String, Option<Native>, Option<String>)> = ok
        .objects
        .iter()
        .filter_map(|o| match &o.kind {
            ObjKind::Func(f) if f.native.is_some() || f.cgo_export.is_some() => {
                Some((o.name.clone(), f.native.clone(), f.cgo_export.clone()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        natives,
        [
            (
                "add1".to_string(),
                Some(Native::CgoCall {
                    symbol: "_cgo_x_Cfunc_add1".into(),
                    errno: false
                }),
                None
            ),
            (
                "fail".to_string(),
                Some(Native::CgoCall {
                    symbol: "_cgo_x_C2func_fail".into(),
                    errno: true
                }),
                None
            ),
            (
                "addr".to_string(),
                Some(Native::CSymAddr("counter".into())),
                None
            ),
            ("cb".to_string(), None, Some("_cgoexp_x_cb".into())),
        ]
    );
    // The checker stops after ten errors: two programs.
    let d = diagnostics(
        "package main\nimport \"unsafe\"\n\
         //gorc:cgocall sym\nfunc a() {}\n\
         //gorc:cgocall sym errno\nfunc b() (r int32, e int)\n\
         //gorc:cgocall sym errno\nfunc c()\n\
         //gorc:csymaddr sym\nfunc d(x int) unsafe.Pointer\n\
         //gorc:csymaddr sym\nfunc e() uintptr\n\
         //gorc:cgoexport sym\nfunc f(x int) {}\n\
         //gorc:cgoexport sym\nfunc g()\n\
         func main() {}\n",
    );
    assert_eq!(
        d,
        "./x.go:4:6: gorc:cgocall function must not have a body\n\
         ./x.go:6:6: gorc:cgocall errno function must have a last result of type int32\n\
         ./x.go:8:6: gorc:cgocall errno function must have a last result of type int32\n\
         ./x.go:10:6: gorc:csymaddr function must have no parameters and one result of type unsafe.Pointer\n\
         ./x.go:12:6: gorc:csymaddr function must have no parameters and one result of type unsafe.Pointer\n\
         ./x.go:14:6: gorc:cgoexport function must have one pointer parameter and no results\n\
         ./x.go:16:6: missing function body\n\
         ./x.go:16:6: gorc:cgoexport function must have one pointer parameter and no results\n"
    );
    let d = diagnostics(
        "package main\ntype T int\n\
         //gorc:cgocall sym\nfunc (T) h()\n\
         //gorc:cgocall\nfunc i()\n\
         //gorc:cgocall sym errno more\nfunc j()\n\
         //gorc:cgocall sym\n//gorc:csymaddr sym\nfunc k()\n\
         func main() {}\n",
    );
    assert_eq!(
        d,
        "./x.go:4:10: gorc:cgocall function must not be a method\n\
         ./x.go:4:10: missing function body\n\
         ./x.go:6:6: gorc:cgocall directive needs a symbol name\n\
         ./x.go:6:6: missing function body\n\
         ./x.go:8:6: malformed gorc:cgocall directive: gorc:cgocall sym errno more\n\
         ./x.go:8:6: missing function body\n\
         ./x.go:11:6: gorc:csymaddr conflicts with gorc:cgocall directive\n"
    );
}
