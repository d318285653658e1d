//! Parser tests: tree shapes for the tricky corners of the grammar, positions, error messages.

use crate::ast::*;
use crate::{parse_file, FileSet, NodeIds};

fn parse(src: &str) -> File {
    let mut fset = FileSet::new();
    let id = fset.add("x.go", src);
    let mut ids = NodeIds::default();
    match parse_file(&fset, id, &mut ids) {
        Ok(f) => f,
        Err(e) => panic!(
            "{}",
            e.iter()
                .map(|e| format!("{}: {}", fset.position(e.pos), e.msg))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

/// First error as `line:col: msg`.
fn error(src: &str) -> String {
    let mut fset = FileSet::new();
    let id = fset.add("x.go", src);
    let mut ids = NodeIds::default();
    match parse_file(&fset, id, &mut ids) {
        Ok(_) => panic!("no error for {:?}", src),
        Err(e) => {
            let p = fset.position(e[0].pos);
            format!("{}:{}: {}", p.line, p.col, e[0].msg)
        }
    }
}

/// A compact rendering of expressions: `(+ a (* b c))`, `(sel x f)`, ...
fn sx(e: &Expr) -> String {
    use ExprKind::*;
    match &e.kind {
        Ident(n) => n.clone(),
        BasicLit(l) => l.raw.clone(),
        CompositeLit { ty, elts, .. } => {
            let mut s = String::from("(lit");
            s.push(' ');
            s.push_str(&ty.as_ref().map(|t| sx(t)).unwrap_or("_".into()));
            for el in elts {
                s.push(' ');
                if let Some(k) = &el.key {
                    s.push_str(&sx(k));
                    s.push(':');
                }
                s.push_str(&sx(&el.value));
            }
            s.push(')');
            s
        }
        FuncLit { sig, body } => format!("(funclit {} {})", sig_sx(sig), body.stmts.len()),
        Paren(x) => format!("(paren {})", sx(x)),
        Selector(x, s) => format!("(sel {} {})", sx(x), s.name),
        Index(x, i) => format!("(index {} {})", sx(x), sx(i)),
        Slice {
            x,
            lo,
            hi,
            max,
            three,
        } => format!(
            "(slice{} {} {} {} {})",
            if *three { "3" } else { "" },
            sx(x),
            lo.as_ref().map(|e| sx(e)).unwrap_or("_".into()),
            hi.as_ref().map(|e| sx(e)).unwrap_or("_".into()),
            max.as_ref().map(|e| sx(e)).unwrap_or("_".into())
        ),
        TypeAssert(x, t) => {
            format!(
                "(assert {} {})",
                sx(x),
                t.as_ref().map(|t| sx(t)).unwrap_or("type".into())
            )
        }
        Call {
            func,
            args,
            ellipsis,
            ..
        } => {
            let mut s = format!("(call {}", sx(func));
            for a in args {
                s.push(' ');
                s.push_str(&sx(a));
            }
            if ellipsis.is_some() {
                s.push_str(" ...");
            }
            s.push(')');
            s
        }
        Star(x) => format!("(* {})", sx(x)),
        Unary(op, x) => format!("({} {})", op.as_str(), sx(x)),
        Binary(op, l, r) => format!("({} {} {})", op.as_str(), sx(l), sx(r)),
        ArrayType { len, elem } => match len {
            ArrayLen::Slice => format!("[]{}", sx(elem)),
            ArrayLen::Ellipsis => format!("[...]{}", sx(elem)),
            ArrayLen::Expr(n) => format!("[{}]{}", sx(n), sx(elem)),
        },
        StructType(fields) => format!("struct{{{}}}", fields_sx(fields)),
        FuncType(f) => format!("func{}", sig_sx(f)),
        InterfaceType(elems) => {
            let v: Vec<String> = elems
                .iter()
                .map(|e| match e {
                    InterfaceElem::Method { name, sig } => format!("{}{}", name.name, sig_sx(sig)),
                    InterfaceElem::Embedded(t) => sx(t),
                })
                .collect();
            format!("interface{{{}}}", v.join("; "))
        }
        MapType(k, v) => format!("map[{}]{}", sx(k), sx(v)),
        ChanType(d, e) => match d {
            ChanDir::Both => format!("(chan {})", sx(e)),
            ChanDir::Send => format!("(chan<- {})", sx(e)),
            ChanDir::Recv => format!("(<-chan {})", sx(e)),
        },
        Ellipsis(t) => format!("...{}", t.as_ref().map(|t| sx(t)).unwrap_or_default()),
        Bad => "BAD".into(),
    }
}

fn fields_sx(fields: &[Field]) -> String {
    let v: Vec<String> = fields
        .iter()
        .map(|f| {
            let names: Vec<&str> = f.names.iter().map(|n| n.name.as_str()).collect();
            let mut s = if names.is_empty() {
                sx(&f.ty)
            } else {
                format!("{} {}", names.join(","), sx(&f.ty))
            };
            if let Some(t) = &f.tag {
                s.push(' ');
                s.push_str(&t.raw);
            }
            s
        })
        .collect();
    v.join("; ")
}

fn sig_sx(f: &FuncType) -> String {
    format!("({})({})", fields_sx(&f.params), fields_sx(&f.results))
}

/// The expression of `var _ = <src>`.
fn expr(src: &str) -> String {
    let f = parse(&format!("package p\nvar _ = {}\n", src));
    match &f.decls[0] {
        Decl::Var(specs) => sx(&specs[0].values[0]),
        _ => unreachable!(),
    }
}

/// The type of `var _ <src>`.
fn ty(src: &str) -> String {
    let f = parse(&format!("package p\nvar _ {}\n", src));
    match &f.decls[0] {
        Decl::Var(specs) => sx(specs[0].ty.as_ref().unwrap()),
        _ => unreachable!(),
    }
}

/// The statements of `func f() { <src> }`.
fn stmts(src: &str) -> Vec<Stmt> {
    let f = parse(&format!("package p\nfunc f() {{\n{}\n}}\n", src));
    match f.decls.into_iter().next().unwrap() {
        Decl::Func(fd) => fd.body.unwrap().stmts,
        _ => unreachable!(),
    }
}

#[test]
fn precedence() {
    assert_eq!(expr("a + b * c"), "(+ a (* b c))");
    assert_eq!(expr("a * b + c"), "(+ (* a b) c)");
    assert_eq!(expr("a - b - c"), "(- (- a b) c)");
    assert_eq!(expr("a || b && c"), "(|| a (&& b c))");
    assert_eq!(expr("a == b || c < d"), "(|| (== a b) (< c d))");
    assert_eq!(expr("a << 1 | b &^ c"), "(| (<< a 1) (&^ b c))");
    assert_eq!(expr("-x * y"), "(* (- x) y)");
    assert_eq!(expr("^x % y"), "(% (^ x) y)");
    assert_eq!(expr("!a && b"), "(&& (! a) b)");
    assert_eq!(expr("*p + &q"), "(+ (* p) (& q))");
    assert_eq!(expr("<-c + 1"), "(+ (<- c) 1)");
    assert_eq!(expr("<-<-c"), "(<- (<- c))");
    assert_eq!(expr("x.y.z[1](2)"), "(call (index (sel (sel x y) z) 1) 2)");
    assert_eq!(expr("a >= b != (c > d)"), "(!= (>= a b) (paren (> c d)))");
}

#[test]
fn primary_expressions() {
    assert_eq!(expr("[]byte(s)"), "(call []byte s)");
    assert_eq!(expr("(*T)(p)"), "(call (paren (* T)) p)");
    assert_eq!(expr("(*T).m"), "(sel (paren (* T)) m)");
    assert_eq!(expr("T.m"), "(sel T m)");
    assert_eq!(expr("x.(T)"), "(assert x T)");
    assert_eq!(expr("x.(*pkg.T)"), "(assert x (* (sel pkg T)))");
    assert_eq!(expr("x.(func() int)"), "(assert x func()(int))");
    assert_eq!(expr("a[1:2]"), "(slice a 1 2 _)");
    assert_eq!(expr("a[:]"), "(slice a _ _ _)");
    assert_eq!(expr("a[1:]"), "(slice a 1 _ _)");
    assert_eq!(expr("a[:2:3]"), "(slice3 a _ 2 3)");
    assert_eq!(expr("a[i:j:k]"), "(slice3 a i j k)");
    assert_eq!(expr("f(a, b...)"), "(call f a b ...)");
    assert_eq!(expr("f(a, b,\n)"), "(call f a b)");
    assert_eq!(expr("f(xs...,)"), "(call f xs ...)");
    assert_eq!(expr("make([]int, 3)"), "(call make []int 3)");
    assert_eq!(
        expr("make(map[string]func() int)"),
        "(call make map[string]func()(int))"
    );
    assert_eq!(expr("make(chan func())"), "(call make (chan func()()))");
    assert_eq!(expr("new(func())"), "(call new func()())");
    assert_eq!(expr("(func())(nil)"), "(call (paren func()()) nil)");
    assert_eq!(expr("func(int) int(f)"), "(call func(int)(int) f)");
    assert_eq!(expr("interface{}(x)"), "(call interface{} x)");
    assert_eq!(expr("interface{ M() }.M"), "(sel interface{M()()} M)");
    assert_eq!(expr("struct{ x int }{1}"), "(lit struct{x int} 1)");
    assert_eq!(
        expr("func(x int) int { return x }(1)"),
        "(call (funclit (x int)(int) 1) 1)"
    );
    assert_eq!(expr("chan int(nil)"), "(call (chan int) nil)");
    assert_eq!(expr("[]pkg.T{}"), "(lit [](sel pkg T))");
    assert_eq!(expr("'a'"), "'a'");
    assert_eq!(expr("0x1p-2i"), "0x1p-2i");
}

#[test]
fn composite_literals() {
    assert_eq!(expr("T{1, 2}"), "(lit T 1 2)");
    assert_eq!(expr("pkg.T{X: 1}"), "(lit (sel pkg T) X:1)");
    assert_eq!(expr("[...]int{1, 2,}"), "(lit [...]int 1 2)");
    assert_eq!(
        expr("[][]int{{1}, {2, 3}}"),
        "(lit [][]int (lit _ 1) (lit _ 2 3))"
    );
    assert_eq!(
        expr("map[string]T{\"a\": {1}, \"b\": {}}"),
        "(lit map[string]T \"a\":(lit _ 1) \"b\":(lit _))"
    );
    assert_eq!(expr("map[T]int{{1}: 2}"), "(lit map[T]int (lit _ 1):2)");
    assert_eq!(expr("[]*T{{}}"), "(lit [](* T) (lit _))");
    assert_eq!(expr("[]func(){f, g}"), "(lit []func()() f g)");
    assert_eq!(expr("map[string]func(){}"), "(lit map[string]func()())");
    assert_eq!(expr("&T{}"), "(& (lit T))");
    assert_eq!(expr("[2]int{}[1]"), "(index (lit [2]int) 1)");
}

#[test]
fn types() {
    assert_eq!(ty("[]int"), "[]int");
    assert_eq!(ty("[4][5]int"), "[4][5]int");
    assert_eq!(ty("[N * 2]byte"), "[(* N 2)]byte");
    assert_eq!(ty("*pkg.T"), "(* (sel pkg T))");
    assert_eq!(ty("map[string][]*T"), "map[string][](* T)");
    assert_eq!(ty("chan int"), "(chan int)");
    assert_eq!(ty("chan<- int"), "(chan<- int)");
    assert_eq!(ty("<-chan int"), "(<-chan int)");
    assert_eq!(ty("chan<- chan int"), "(chan<- (chan int))");
    assert_eq!(ty("chan<- <-chan int"), "(chan<- (<-chan int))");
    assert_eq!(ty("<-chan <-chan int"), "(<-chan (<-chan int))");
    assert_eq!(ty("chan (<-chan int)"), "(chan (paren (<-chan int)))");
    assert_eq!(ty("chan <-chan int"), "(chan<- (chan int))");
    assert_eq!(ty("func()"), "func()()");
    assert_eq!(ty("func(int, string) error"), "func(int; string)(error)");
    assert_eq!(
        ty("func(a, b int, c ...string) (x int, err error)"),
        "func(a,b int; c ...string)(x int; err error)"
    );
    assert_eq!(
        ty("func(a, b int) (int, error)"),
        "func(a,b int)(int; error)"
    );
    assert_eq!(ty("func(...interface{})"), "func(...interface{})()");
    assert_eq!(ty("func() func() int"), "func()(func()(int))");
    assert_eq!(ty("func() []func()"), "func()([]func()())");
    assert_eq!(ty("func(int) (func())"), "func(int)(func()())");
    assert_eq!(ty("func(a []int, m map[K]V)"), "func(a []int; m map[K]V)()");
    assert_eq!(ty("func(p.T, *q.U)"), "func((sel p T); (* (sel q U)))()");
    assert_eq!(
        ty("struct { a, b int; T; *U; p.V `tag`; c string \"x\" }"),
        "struct{a,b int; T; (* U); (sel p V) `tag`; c string \"x\"}"
    );
    assert_eq!(
        ty("interface { io.Reader; M(x int) bool; N() }"),
        "interface{(sel io Reader); M(x int)(bool); N()()}"
    );
    assert_eq!(ty("(int)"), "(paren int)");
    assert_eq!(ty("[]<-chan int"), "[](<-chan int)");
}

#[test]
fn types_as_var_values() {
    // Not valid Go, but a type error (gc: "undefined: A" / "is not an expression"), not a
    // syntax error.
    assert_eq!(expr("func(...A)"), "func(...A)()");
    assert_eq!(expr("[]func()"), "[]func()()");
}

#[test]
fn receive_chan_types_in_expressions() {
    assert_eq!(expr("make(<-chan int)"), "(call make (<-chan int))");
    assert_eq!(expr("(<-chan int)(c)"), "(call (paren (<-chan int)) c)");
    assert_eq!(
        expr("make(<-chan <-chan int)"),
        "(call make (<-chan (<-chan int)))"
    );
    assert_eq!(
        expr("make(chan<- <-chan int)"),
        "(call make (chan<- (<-chan int)))"
    );
}

#[test]
fn declarations() {
    let f = parse(
        "package main\n\
         import \"fmt\"\n\
         import (\n\tf \"fmt\"\n\t. \"os\"\n\t_ \"x/y\"\n)\n\
         const (\n\tA = iota\n\tB\n\tC, D = 1, 2\n)\n\
         var x, y int = 1, 2\n\
         var (\n\tz = 3\n\tw []int\n)\n\
         type (\n\tT struct{}\n\tA = T\n)\n\
         func (t *T) M(a int) (r int) { return a }\n\
         func bodiless(int) int\n",
    );
    assert_eq!(f.package.name, "main");
    assert_eq!(f.imports.len(), 4);
    assert_eq!(f.imports[1].name.as_ref().unwrap().name, "f");
    assert_eq!(f.imports[2].name.as_ref().unwrap().name, ".");
    assert_eq!(f.imports[3].path.raw, "\"x/y\"");
    match &f.decls[0] {
        Decl::Const(specs) => {
            assert_eq!(specs.len(), 3);
            assert_eq!(specs[1].iota, 1);
            assert!(specs[1].values.is_empty());
            assert_eq!(specs[2].names.len(), 2);
        }
        d => panic!("{:?}", d),
    }
    match &f.decls[3] {
        Decl::Type(specs) => {
            assert!(!specs[0].alias);
            assert!(specs[1].alias);
        }
        d => panic!("{:?}", d),
    }
    match &f.decls[4] {
        Decl::Func(fd) => {
            assert_eq!(fd.name.name, "M");
            assert_eq!(fields_sx(fd.recv.as_ref().unwrap()), "t (* T)");
            assert_eq!(sig_sx(&fd.sig), "(a int)(r int)");
            assert!(fd.body.is_some());
        }
        d => panic!("{:?}", d),
    }
    match &f.decls[5] {
        Decl::Func(fd) => assert!(fd.body.is_none()),
        d => panic!("{:?}", d),
    }
}

#[test]
fn statement_headers_and_composite_literals() {
    let s = stmts("for _, x := range []int{1, 2} {\n}");
    match &s[0].kind {
        StmtKind::Range {
            key,
            value,
            define,
            x,
            ..
        } => {
            assert!(define);
            assert_eq!(sx(key.as_ref().unwrap()), "_");
            assert_eq!(sx(value.as_ref().unwrap()), "x");
            assert_eq!(sx(x), "(lit []int 1 2)");
        }
        k => panic!("{:?}", k),
    }
    let s = stmts("if x == (T{}) {\n}");
    match &s[0].kind {
        StmtKind::If { cond, .. } => assert_eq!(sx(cond), "(== x (paren (lit T)))"),
        k => panic!("{:?}", k),
    }
    let s = stmts("if v, ok := m[T{1}]; ok {\n} else if x {\n} else {\n}");
    match &s[0].kind {
        StmtKind::If {
            init: Some(init),
            cond,
            els: Some(els),
            ..
        } => {
            assert!(matches!(init.kind, StmtKind::Define { .. }));
            assert_eq!(sx(cond), "ok");
            assert!(matches!(els.kind, StmtKind::If { els: Some(_), .. }));
        }
        k => panic!("{:?}", k),
    }
    let s = stmts("for i := 0; i < n; i++ {\n}\nfor ;; {\n}\nfor {\n}\nfor x < 3 {\n}\nfor range ch {\n}\nfor k = range m {\n}");
    assert!(matches!(
        &s[0].kind,
        StmtKind::For {
            init: Some(_),
            cond: Some(_),
            post: Some(_),
            ..
        }
    ));
    assert!(matches!(
        &s[1].kind,
        StmtKind::For {
            init: None,
            cond: None,
            post: None,
            ..
        }
    ));
    assert!(matches!(
        &s[2].kind,
        StmtKind::For {
            init: None,
            cond: None,
            post: None,
            ..
        }
    ));
    assert!(matches!(
        &s[3].kind,
        StmtKind::For {
            init: None,
            cond: Some(_),
            post: None,
            ..
        }
    ));
    assert!(matches!(
        &s[4].kind,
        StmtKind::Range {
            key: None,
            value: None,
            define: false,
            ..
        }
    ));
    assert!(matches!(
        &s[5].kind,
        StmtKind::Range {
            key: Some(_),
            value: None,
            define: false,
            ..
        }
    ));
    // A func literal in a header, with its own body.
    let s = stmts("if f := func() bool { return true }; f() {\n}");
    assert!(matches!(&s[0].kind, StmtKind::If { init: Some(_), .. }));
    let s = stmts("switch x := f(); x {\ncase 1, 2:\n\tfallthrough\ncase 3:\ndefault:\n}");
    match &s[0].kind {
        StmtKind::Switch {
            init: Some(_),
            tag: Some(t),
            body,
            ..
        } => {
            assert_eq!(sx(t), "x");
            assert_eq!(body.len(), 3);
            assert_eq!(body[0].exprs.as_ref().unwrap().len(), 2);
            assert!(matches!(body[0].body[0].kind, StmtKind::Fallthrough));
            assert!(body[2].exprs.is_none());
        }
        k => panic!("{:?}", k),
    }
    let s = stmts("switch {\ncase x > 1:\n}");
    assert!(matches!(
        &s[0].kind,
        StmtKind::Switch {
            init: None,
            tag: None,
            ..
        }
    ));
}

#[test]
fn type_switches() {
    let s = stmts("switch v := x.(type) {\ncase int, *T, nil:\n\t_ = v\ncase []int, func(), chan<- int:\ndefault:\n}");
    match &s[0].kind {
        StmtKind::TypeSwitch {
            init: None,
            bind: Some(b),
            x,
            body,
            ..
        } => {
            assert_eq!(b.name, "v");
            assert_eq!(sx(x), "x");
            assert_eq!(body.len(), 3);
            let t: Vec<String> = body[0].types.as_ref().unwrap().iter().map(sx).collect();
            assert_eq!(t, ["int", "(* T)", "nil"]);
            let t: Vec<String> = body[1].types.as_ref().unwrap().iter().map(sx).collect();
            assert_eq!(t, ["[]int", "func()()", "(chan<- int)"]);
            assert_ne!(body[0].implicit, body[1].implicit);
        }
        k => panic!("{:?}", k),
    }
    let s = stmts("switch y := 1; x.(type) {\n}");
    assert!(matches!(
        &s[0].kind,
        StmtKind::TypeSwitch {
            init: Some(_),
            bind: None,
            ..
        }
    ));
}

#[test]
fn select_and_misc_statements() {
    let s = stmts(
        "select {\ncase c <- 1:\ncase v := <-c:\ncase v, ok := <-c:\ncase x = <-c:\ncase <-c:\ndefault:\n}",
    );
    match &s[0].kind {
        StmtKind::Select { body, .. } => {
            assert_eq!(body.len(), 6);
            assert!(matches!(
                body[0].comm.as_ref().unwrap().kind,
                StmtKind::Send(..)
            ));
            assert!(matches!(
                body[1].comm.as_ref().unwrap().kind,
                StmtKind::Define { .. }
            ));
            assert!(matches!(
                body[3].comm.as_ref().unwrap().kind,
                StmtKind::Assign { .. }
            ));
            assert!(matches!(
                body[4].comm.as_ref().unwrap().kind,
                StmtKind::Expr(..)
            ));
            assert!(body[5].comm.is_none());
        }
        k => panic!("{:?}", k),
    }
    let s = stmts(
        "L:\n\tfor {\n\t\tbreak L\n\t}\n\tgoto L\nM: ;\n\tx++\n\ty--\n\ta, b = b, a\n\tc += 2\n\td <<= 1\n\
         go f()\n\tdefer g()\n\t{\n\t}\n\tvar z int\n\tconst k = 1\n\ttype U int\n\treturn\n",
    );
    assert!(
        matches!(&s[0].kind, StmtKind::Labeled(l, inner) if l.name == "L" && matches!(inner.kind, StmtKind::For { .. }))
    );
    assert!(matches!(&s[1].kind, StmtKind::Goto(l) if l.name == "L"));
    assert!(
        matches!(&s[2].kind, StmtKind::Labeled(_, inner) if matches!(inner.kind, StmtKind::Empty))
    );
    assert!(matches!(&s[3].kind, StmtKind::IncDec(_, true)));
    assert!(matches!(&s[4].kind, StmtKind::IncDec(_, false)));
    assert!(matches!(
        &s[5].kind,
        StmtKind::Assign {
            op: AssignOp::Plain,
            ..
        }
    ));
    assert!(matches!(
        &s[6].kind,
        StmtKind::Assign {
            op: AssignOp::Op(BinaryOp::Add),
            ..
        }
    ));
    assert!(matches!(
        &s[7].kind,
        StmtKind::Assign {
            op: AssignOp::Op(BinaryOp::Shl),
            ..
        }
    ));
    assert!(matches!(&s[8].kind, StmtKind::Go(_)));
    assert!(matches!(&s[9].kind, StmtKind::Defer(_)));
    assert!(matches!(&s[10].kind, StmtKind::Block(_)));
    assert!(matches!(&s[11].kind, StmtKind::Decl(Decl::Var(_))));
    assert!(matches!(&s[12].kind, StmtKind::Decl(Decl::Const(_))));
    assert!(matches!(&s[13].kind, StmtKind::Decl(Decl::Type(_))));
    assert!(matches!(&s[14].kind, StmtKind::Return(v) if v.is_empty()));
    let s = stmts("continue L\nbreak\nreturn 1, 2\nch <- v\nL2:\n");
    assert!(matches!(&s[0].kind, StmtKind::Continue(Some(_))));
    assert!(matches!(&s[1].kind, StmtKind::Break(None)));
    assert!(matches!(&s[2].kind, StmtKind::Return(v) if v.len() == 2));
    assert!(matches!(&s[3].kind, StmtKind::Send(..)));
    assert!(matches!(&s[4].kind, StmtKind::Labeled(..)));
}

#[test]
fn positions_and_ids() {
    let src = "package p\nfunc f() {\n\tx := a +\n\t\tb.c\n}\n";
    let mut fset = FileSet::new();
    fset.add("a.go", "package a\n");
    let id = fset.add("b.go", src);
    let mut ids = NodeIds::default();
    let f = parse_file(&fset, id, &mut ids).unwrap();
    let fd = match &f.decls[0] {
        Decl::Func(fd) => fd,
        _ => unreachable!(),
    };
    let s = &fd.body.as_ref().unwrap().stmts[0];
    assert_eq!(fset.position(s.pos).to_string(), "b.go:3:2");
    match &s.kind {
        StmtKind::Define { lhs, rhs } => {
            assert_eq!(fset.position(lhs[0].pos).to_string(), "b.go:3:2");
            // Binary expressions are positioned at their operator.
            assert_eq!(fset.position(rhs[0].pos).to_string(), "b.go:3:9");
            assert_eq!(fset.position(rhs[0].start()).to_string(), "b.go:3:7");
            match &rhs[0].kind {
                ExprKind::Binary(_, _, r) => {
                    assert_eq!(fset.position(r.pos).to_string(), "b.go:4:3")
                }
                _ => unreachable!(),
            }
        }
        k => panic!("{:?}", k),
    }
    assert_eq!(fset.position(f.end).line, 6);
    // Ids are unique and continue across files.
    let first = ids.fresh();
    let id2 = fset.add("c.go", "package p\nvar v = 1\n");
    let f2 = parse_file(&fset, id2, &mut ids).unwrap();
    assert!(f2.package.id > first);
}

#[test]
fn syntax_errors() {
    assert_eq!(
        error("package p\nfunc f() {\n\tf(a\n}\n"),
        "3:5: syntax error: unexpected newline in argument list; possibly missing comma or )"
    );
    assert_eq!(
        error("package p\nx := 1\n"),
        "2:1: syntax error: non-declaration statement outside function body"
    );
    assert_eq!(
        error("package p\nfunc f()\n{\n}\n"),
        "3:1: syntax error: unexpected semicolon or newline before {"
    );
    assert_eq!(
        error("package p\nfunc f() {\n\ta.b := 1\n}\n"),
        "3:2: non-name a.b on left side of :="
    );
    assert_eq!(
        error("package p\nfunc f() {\n\tif x\n\t{\n\t}\n}\n"),
        "3:6: syntax error: unexpected newline, expecting { after if clause"
    );
    assert_eq!(
        error("package p\nfunc f() {\n\tif {\n\t}\n}\n"),
        "3:5: syntax error: missing condition in if statement"
    );
    assert_eq!(
        error("package p\nfunc f() {\n\tx := 1 2\n}\n"),
        "3:9: syntax error: unexpected literal 2 at end of statement"
    );
    assert_eq!(
        error("package p\nvar x = @\n"),
        "2:9: invalid character U+0040 '@'"
    );
    assert_eq!(
        error("package p\nvar s = \"abc\n"),
        "2:13: newline in string"
    );
    assert_eq!(
        error("package p\nfunc f() {\n\tfor i := 0; i < 10; i := i + 1 {\n\t}\n}\n"),
        "3:22: syntax error: cannot declare in post statement of for loop"
    );
    assert_eq!(
        error("package p\nimport \"a\"\nvar x int\nimport \"b\"\n"),
        "4:1: syntax error: imports must appear before other declarations"
    );
    assert_eq!(
        error("package p\nfunc f() {\n\tx := y.(type)\n}\n"),
        "3:7: invalid AST: use of .(type) outside type switch"
    );
    assert_eq!(
        error("package p\nfunc f() {\n"),
        "3:1: syntax error: unexpected EOF, expecting }"
    );
    assert_eq!(
        error("package p\nfunc f(a int, []int) {}\n"),
        "2:15: syntax error: mixed named and unnamed parameters"
    );
    assert_eq!(
        error("package p\nvar x = []int{\n\t1,\n\t2\n}\n"),
        "4:3: syntax error: unexpected newline in composite literal; possibly missing comma or }"
    );
    assert_eq!(
        error("package p\nfunc f(a int b int) {}\n"),
        "2:14: syntax error: unexpected b in parameter list; possibly missing comma or )"
    );
    assert_eq!(
        error("package p\ntype T struct {\n\ta int b int\n}\n"),
        "3:8: syntax error: unexpected b in struct type; possibly missing semicolon or newline or }"
    );
    assert_eq!(
        error("package p\nfunc f() {\n\tif x {\n\t} else for {\n\t}\n}\n"),
        "4:9: syntax error: else must be followed by if or statement block"
    );
    assert_eq!(
        error("package p\nfunc f() {\n\tif var x = 0; x < 10 {\n\t}\n}\n"),
        "3:5: syntax error: var declaration not allowed in if initializer"
    );
    assert_eq!(
        error("package p\nfunc f() {\n\tif f() true {\n\t}\n}\n"),
        "3:9: syntax error: unexpected true, expecting {"
    );
    assert_eq!(
        error("package p\nfunc f() {\n\tswitch x; y\n\t{\n\t}\n}\n"),
        "3:13: syntax error: missing { after switch clause"
    );
    assert_eq!(
        error("package p\nfunc f() {\n\tif x = 1 {\n\t}\n}\n"),
        "3:7: syntax error: cannot use assignment (x) = (1) as value"
    );
    assert_eq!(
        error("package p\nfunc f() {\n\tfor b := 10 {\n\t}\n}\n"),
        "3:8: syntax error: cannot use b := 10 as value"
    );
    assert_eq!(
        error("package p\nvar _ = a[::]\n"),
        "2:12: middle index required in 3-index slice"
    );
    assert_eq!(
        error("package p\nimport 42\n"),
        "2:8: syntax error: import path must be a string"
    );
    assert_eq!(
        error("package p\ntype T chan\n"),
        "3:1: syntax error: missing channel element type"
    );
    assert_eq!(
        error("package p\nfunc f(...)\n"),
        "2:11: syntax error: ... is missing type"
    );
    assert_eq!(
        error("package p\nvar x⊛y = 1\n"),
        "2:6: invalid character U+229B '⊛' in identifier"
    );
    assert_eq!(
        error("package p\nconst (\n\ta = 1\n\tb int\n)\n"),
        "4:2: missing init expr for b"
    );
    assert_eq!(
        error("package p\nfunc f() {\n\tswitch {\n\tcase true:\n\tL:\n\tdefault:\n\t}\n}\n"),
        "5:2: syntax error: missing statement after label"
    );
    assert_eq!(
        error("package p\nfunc f() {\n\tdefer (g())\n}\n"),
        "3:8: expression in defer must not be parenthesized"
    );
    // `go g` parses; the type checker reports it, as gc's does.
    parse("package p\nfunc f() {\n\tgo g\n}\n");
    assert_eq!(
        error("main()\n"),
        "1:1: syntax error: package statement must be first"
    );
    assert_eq!(
        error("package p\nvar x = [\n"),
        "3:1: syntax error: unexpected EOF, expecting expression"
    );
}

#[test]
fn errors_in_several_declarations() {
    let src = "package p\nfunc f() {\n\tx := 1 2\n}\n\nfunc g() {\n\tif x {\n}\n\n\
               type T struct {\n\ta int,\n}\n\nvar v = [\n\nfunc h() {\n\tf(a\n}\n";
    let mut fset = FileSet::new();
    let id = fset.add("x.go", src);
    let errs = parse_file(&fset, id, &mut NodeIds::default()).unwrap_err();
    let got: Vec<String> = errs
        .iter()
        .map(|e| format!("{}: {}", fset.position(e.pos), e.msg))
        .collect();
    assert_eq!(
        got,
        [
            "x.go:3:9: syntax error: unexpected literal 2 at end of statement",
            "x.go:11:7: syntax error: unexpected comma in struct type; possibly missing semicolon or newline or }",
            "x.go:16:6: syntax error: unexpected h, expecting (",
        ]
    );
    // No more errors after a missing package clause.
    let id = fset.add("y.go", "func f() {}\nfunc g( {}\n");
    let errs = parse_file(&fset, id, &mut NodeIds::default()).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].msg, "syntax error: package statement must be first");
}

#[test]
fn several_errors_in_one_function() {
    // gc's statement-level recovery: skip to the end of the statement (or list) and go on.
    let src = "package p\nfunc f(a int b int) {\n\ta++ = 3\n\tg(a b)\n\tx := []int{1 2}\n\
               \ty := 1 +\n}\n";
    let mut fset = FileSet::new();
    let id = fset.add("x.go", src);
    let errs = parse_file(&fset, id, &mut NodeIds::default()).unwrap_err();
    let got: Vec<String> = errs
        .iter()
        .map(|e| format!("{}: {}", fset.position(e.pos), e.msg))
        .collect();
    assert_eq!(
        got,
        [
            "x.go:2:14: syntax error: unexpected b in parameter list; possibly missing comma or )",
            "x.go:3:6: syntax error: unexpected = at end of statement",
            "x.go:4:6: syntax error: unexpected b in argument list; possibly missing comma or )",
            "x.go:5:15: syntax error: unexpected literal 2 in composite literal; possibly missing comma or }",
            "x.go:7:1: syntax error: unexpected }, expecting expression",
        ]
    );
}
