//! Finding the `C.name` references of a file and replacing them with the generated
//! declarations' names, as the cgo tool rewrites its input: `C.int` → `_Ctype_int`,
//! `C.f(x)` → `_Cfunc_f(x)`, `r, err := C.f(x)` → `_C2func_f(x)`, `C.v` → `(*_Cvar_v)`,
//! `C.LIMIT` → `_Ciconst_LIMIT`. Like cgo, this is syntactic: every selector `C.x` in a file
//! that imports "C" is a reference, whatever scopes say.

use gorc_syntax::ast::*;
use gorc_syntax::{NodeIds, Pos};

/// How a `C.name` is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Use {
    /// Called: `C.f(args)`.
    Call,
    /// Called as the single right-hand side of a two-value assignment: `r, err := C.f()`.
    Call2,
    /// Anything else: a type, a value, a constant.
    Other,
}

/// Every `C.name` of the file, in source order: (name, position of `C`, use).
pub fn references(file: &mut File) -> Vec<(String, Pos, Use)> {
    let mut out = Vec::new();
    walk_file(file, &mut |name, e, u| {
        out.push((name.to_string(), e.pos, u));
        None
    });
    out
}

/// Replaces every `C.name` of the file with the expression `replace(name, use)` describes.
pub fn rewrite(file: &mut File, ids: &mut NodeIds, replace: &dyn Fn(&str, Use) -> Replacement) {
    walk_file(file, &mut |name, e, u| {
        let kind = match replace(name, u) {
            Replacement::Ident(n) => ExprKind::Ident(n),
            Replacement::Deref(n) => ExprKind::Star(Box::new(Expr {
                id: ids.fresh(),
                pos: e.pos,
                kind: ExprKind::Ident(n),
            })),
            Replacement::Call(n) => ExprKind::Call {
                func: Box::new(Expr {
                    id: ids.fresh(),
                    pos: e.pos,
                    kind: ExprKind::Ident(n),
                }),
                args: Vec::new(),
                ellipsis: None,
                rparen: e.pos,
            },
        };
        Some(kind)
    });
}

/// What a `C.name` becomes.
#[derive(Clone, Debug)]
pub enum Replacement {
    /// An identifier of the generated declarations.
    Ident(String),
    /// `*ident` (a C variable through its pointer).
    Deref(String),
    /// `ident()` (an expression macro, computed by C).
    Call(String),
}

type Visit<'f> = dyn FnMut(&str, &Expr, Use) -> Option<ExprKind> + 'f;

/// `C.name`'s name, if `e` is such a selector.
fn c_name(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Selector(x, sel) => match &x.kind {
            ExprKind::Ident(n) if n == "C" => Some(&sel.name),
            _ => None,
        },
        _ => None,
    }
}

fn walk_file(f: &mut File, v: &mut Visit) {
    for d in &mut f.decls {
        decl(d, v);
    }
}

fn decl(d: &mut Decl, v: &mut Visit) {
    match d {
        Decl::Const(specs) | Decl::Var(specs) => {
            for s in specs {
                if let Some(t) = &mut s.ty {
                    expr(t, v, Use::Other);
                }
                assign_rhs(s.names.len(), &mut s.values, v);
            }
        }
        Decl::Type(specs) => {
            for s in specs {
                expr(&mut s.ty, v, Use::Other);
            }
        }
        Decl::Func(fd) => {
            if let Some(r) = &mut fd.recv {
                fields(r, v);
            }
            func_type(&mut fd.sig, v);
            if let Some(b) = &mut fd.body {
                block(b, v);
            }
        }
    }
}

/// The right-hand side of an assignment of `nlhs` values: a lone call of a C function with two
/// values on the left is the errno form.
fn assign_rhs(nlhs: usize, rhs: &mut [Expr], v: &mut Visit) {
    if nlhs == 2 && rhs.len() == 1 {
        if let ExprKind::Call { func, args, .. } = &mut rhs[0].kind {
            if c_name(func).is_some() {
                visit_c(func, v, Use::Call2);
                for a in args {
                    expr(a, v, Use::Other);
                }
                return;
            }
        }
    }
    for e in rhs {
        expr(e, v, Use::Other);
    }
}

fn fields(fs: &mut [Field], v: &mut Visit) {
    for f in fs {
        expr(&mut f.ty, v, Use::Other);
    }
}

fn func_type(t: &mut FuncType, v: &mut Visit) {
    fields(&mut t.params, v);
    fields(&mut t.results, v);
}

fn block(b: &mut Block, v: &mut Visit) {
    for s in &mut b.stmts {
        stmt(s, v);
    }
}

fn opt_stmt(s: &mut Option<P<Stmt>>, v: &mut Visit) {
    if let Some(s) = s {
        stmt(s, v);
    }
}

fn stmt(s: &mut Stmt, v: &mut Visit) {
    match &mut s.kind {
        StmtKind::Empty | StmtKind::Break(_) | StmtKind::Continue(_) | StmtKind::Goto(_) => {}
        StmtKind::Fallthrough => {}
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => expr(e, v, Use::Other),
        StmtKind::IncDec(e, _) => expr(e, v, Use::Other),
        StmtKind::Send(a, b) => {
            expr(a, v, Use::Other);
            expr(b, v, Use::Other);
        }
        StmtKind::Assign { lhs, rhs, .. } => {
            for e in lhs.iter_mut() {
                expr(e, v, Use::Other);
            }
            assign_rhs(lhs.len(), rhs, v);
        }
        StmtKind::Define { lhs, rhs } => assign_rhs(lhs.len(), rhs, v),
        StmtKind::Decl(d) => decl(d, v),
        StmtKind::Labeled(_, s) => stmt(s, v),
        StmtKind::Return(es) => {
            for e in es {
                expr(e, v, Use::Other);
            }
        }
        StmtKind::Block(b) => block(b, v),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            opt_stmt(init, v);
            expr(cond, v, Use::Other);
            block(then, v);
            opt_stmt(els, v);
        }
        StmtKind::Switch {
            init, tag, body, ..
        } => {
            opt_stmt(init, v);
            if let Some(t) = tag {
                expr(t, v, Use::Other);
            }
            for c in body {
                for e in c.exprs.iter_mut().flatten() {
                    expr(e, v, Use::Other);
                }
                for s in &mut c.body {
                    stmt(s, v);
                }
            }
        }
        StmtKind::TypeSwitch { init, x, body, .. } => {
            opt_stmt(init, v);
            expr(x, v, Use::Other);
            for c in body {
                for e in c.types.iter_mut().flatten() {
                    expr(e, v, Use::Other);
                }
                for s in &mut c.body {
                    stmt(s, v);
                }
            }
        }
        StmtKind::Select { body, .. } => {
            for c in body {
                opt_stmt(&mut c.comm, v);
                for s in &mut c.body {
                    stmt(s, v);
                }
            }
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            opt_stmt(init, v);
            if let Some(c) = cond {
                expr(c, v, Use::Other);
            }
            opt_stmt(post, v);
            block(body, v);
        }
        StmtKind::Range {
            key,
            value,
            x,
            body,
            ..
        } => {
            for e in [key, value].into_iter().flatten() {
                expr(e, v, Use::Other);
            }
            expr(x, v, Use::Other);
            block(body, v);
        }
    }
}

/// Visits a `C.name` selector, replacing it when the visitor says so.
fn visit_c(e: &mut Expr, v: &mut Visit, u: Use) {
    let name = c_name(e).unwrap_or_default().to_string();
    if let Some(kind) = v(&name, e, u) {
        e.kind = kind;
    }
}

fn expr(e: &mut Expr, v: &mut Visit, u: Use) {
    if c_name(e).is_some() {
        visit_c(e, v, u);
        return;
    }
    match &mut e.kind {
        ExprKind::Ident(_) | ExprKind::BasicLit(_) | ExprKind::Bad => {}
        ExprKind::CompositeLit { ty, elts, .. } => {
            if let Some(t) = ty {
                expr(t, v, Use::Other);
            }
            for el in elts {
                if let Some(k) = &mut el.key {
                    expr(k, v, Use::Other);
                }
                expr(&mut el.value, v, Use::Other);
            }
        }
        ExprKind::FuncLit { sig, body } => {
            func_type(sig, v);
            block(body, v);
        }
        ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary(_, x) => expr(x, v, Use::Other),
        ExprKind::Selector(x, _) => expr(x, v, Use::Other),
        ExprKind::Index(a, b) | ExprKind::Binary(_, a, b) | ExprKind::MapType(a, b) => {
            expr(a, v, Use::Other);
            expr(b, v, Use::Other);
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            expr(x, v, Use::Other);
            for e in [lo, hi, max].into_iter().flatten() {
                expr(e, v, Use::Other);
            }
        }
        ExprKind::TypeAssert(x, t) => {
            expr(x, v, Use::Other);
            if let Some(t) = t {
                expr(t, v, Use::Other);
            }
        }
        ExprKind::Call { func, args, .. } => {
            expr(func, v, Use::Call);
            for a in args {
                expr(a, v, Use::Other);
            }
        }
        ExprKind::ArrayType { len, elem } => {
            if let ArrayLen::Expr(l) = len {
                expr(l, v, Use::Other);
            }
            expr(elem, v, Use::Other);
        }
        ExprKind::StructType(fs) => fields(fs, v),
        ExprKind::FuncType(t) => func_type(t, v),
        ExprKind::InterfaceType(elems) => {
            for el in elems {
                match el {
                    InterfaceElem::Method { sig, .. } => func_type(sig, v),
                    InterfaceElem::Embedded(t) => expr(t, v, Use::Other),
                }
            }
        }
        ExprKind::ChanType(_, t) => expr(t, v, Use::Other),
        ExprKind::Ellipsis(t) => {
            if let Some(t) = t {
                expr(t, v, Use::Other);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gorc_syntax::FileSet;

    fn parse(src: &str) -> (File, NodeIds) {
        let mut fs = FileSet::new();
        let id = fs.add("x.go", src);
        let mut ids = NodeIds::default();
        let f = gorc_syntax::parse_file(&fs, id, &mut ids).expect("parses");
        (f, ids)
    }

    #[test]
    fn finds_uses() {
        let (mut f, _) = parse(
            "package main\nimport \"C\"\nvar v C.int = C.LIMIT\nfunc main() {\n\tC.f(C.int(1))\n\tr, err := C.g()\n\t_, _ = r, err\n\tx := C.h()\n\t_ = x\n}\n",
        );
        let refs = references(&mut f);
        let got: Vec<(String, Use)> = refs.into_iter().map(|(n, _, u)| (n, u)).collect();
        assert_eq!(
            got,
            vec![
                ("int".to_string(), Use::Other),
                ("LIMIT".to_string(), Use::Other),
                ("f".to_string(), Use::Call),
                ("int".to_string(), Use::Call),
                ("g".to_string(), Use::Call2),
                ("h".to_string(), Use::Call),
            ]
        );
    }

    #[test]
    fn rewrites() {
        let (mut f, mut ids) =
            parse("package main\nimport \"C\"\nfunc main() {\n\tC.counter = C.f()\n}\n");
        rewrite(&mut f, &mut ids, &|n, u| match (n, u) {
            ("counter", _) => Replacement::Deref("_Cvar_counter".into()),
            (n, _) => Replacement::Ident(format!("_Cfunc_{n}")),
        });
        let Decl::Func(fd) = &f.decls[0] else {
            panic!()
        };
        let StmtKind::Assign { lhs, rhs, .. } = &fd.body.as_ref().unwrap().stmts[0].kind else {
            panic!()
        };
        assert!(
            matches!(&lhs[0].kind, ExprKind::Star(x) if matches!(&x.kind, ExprKind::Ident(n) if n == "_Cvar_counter"))
        );
        let ExprKind::Call { func, .. } = &rhs[0].kind else {
            panic!()
        };
        assert!(matches!(&func.kind, ExprKind::Ident(n) if n == "_Cfunc_f"));
    }
}
