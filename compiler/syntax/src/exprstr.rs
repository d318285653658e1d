//! Printing of expressions in gc's short form (`[]int{…}`, `func() {…}`, `a.b`, `f(x)`), as
//! gc's error messages show them. Shared by the parser's and the checker's diagnostics.

use crate::ast::{ArrayLen, ChanDir, Expr, ExprKind, Field, FuncType, InterfaceElem};

pub fn expr_string(e: &Expr) -> String {
    let mut s = String::new();
    write_expr(&mut s, e);
    s
}

fn write_fields(s: &mut String, fs: &[Field], sep: &str) {
    for (i, f) in fs.iter().enumerate() {
        if i > 0 {
            s.push_str(sep);
        }
        for (j, n) in f.names.iter().enumerate() {
            if j > 0 {
                s.push_str(", ");
            }
            s.push_str(&n.name);
        }
        if !f.names.is_empty() {
            s.push(' ');
        }
        write_expr(s, &f.ty);
    }
}

fn write_sig(s: &mut String, f: &FuncType) {
    s.push('(');
    write_fields(s, &f.params, ", ");
    s.push(')');
    if f.results.is_empty() {
        return;
    }
    s.push(' ');
    if f.results.len() == 1 && f.results[0].names.is_empty() {
        write_expr(s, &f.results[0].ty);
    } else {
        s.push('(');
        write_fields(s, &f.results, ", ");
        s.push(')');
    }
}

pub(crate) fn write_expr(s: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Ident(n) => s.push_str(n),
        ExprKind::BasicLit(l) => s.push_str(&l.raw),
        ExprKind::CompositeLit { ty, elts, .. } => {
            if let Some(t) = ty {
                write_expr(s, t);
            }
            s.push_str(if elts.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::FuncLit { sig, body } => {
            s.push_str("func");
            write_sig(s, sig);
            s.push_str(if body.stmts.is_empty() {
                " {}"
            } else {
                " {…}"
            });
        }
        ExprKind::Paren(x) => {
            s.push('(');
            write_expr(s, x);
            s.push(')');
        }
        ExprKind::Selector(x, sel) => {
            write_expr(s, x);
            s.push('.');
            s.push_str(&sel.name);
        }
        ExprKind::Index(x, i) => {
            write_expr(s, x);
            s.push('[');
            write_expr(s, i);
            s.push(']');
        }
        ExprKind::Slice {
            x,
            lo,
            hi,
            max,
            three,
        } => {
            write_expr(s, x);
            s.push('[');
            if let Some(l) = lo {
                write_expr(s, l);
            }
            s.push(':');
            if let Some(h) = hi {
                write_expr(s, h);
            }
            if *three {
                s.push(':');
                if let Some(m) = max {
                    write_expr(s, m);
                }
            }
            s.push(']');
        }
        ExprKind::TypeAssert(x, t) => {
            write_expr(s, x);
            s.push_str(".(");
            match t {
                Some(t) => write_expr(s, t),
                None => s.push_str("type"),
            }
            s.push(')');
        }
        ExprKind::Call {
            func,
            args,
            ellipsis,
            ..
        } => {
            write_expr(s, func);
            s.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                write_expr(s, a);
            }
            if ellipsis.is_some() {
                s.push_str("...");
            }
            s.push(')');
        }
        ExprKind::Star(x) => {
            s.push('*');
            write_expr(s, x);
        }
        ExprKind::Unary(op, x) => {
            s.push_str(op.as_str());
            write_expr(s, x);
        }
        ExprKind::Binary(op, l, r) => {
            write_expr(s, l);
            s.push(' ');
            s.push_str(op.as_str());
            s.push(' ');
            write_expr(s, r);
        }
        ExprKind::ArrayType { len, elem } => {
            match len {
                ArrayLen::Slice => s.push_str("[]"),
                ArrayLen::Ellipsis => s.push_str("[...]"),
                ArrayLen::Expr(l) => {
                    s.push('[');
                    write_expr(s, l);
                    s.push(']');
                }
            }
            write_expr(s, elem);
        }
        ExprKind::StructType(fs) => {
            s.push_str("struct{");
            write_fields(s, fs, "; ");
            s.push('}');
        }
        ExprKind::FuncType(f) => {
            s.push_str("func");
            write_sig(s, f);
        }
        ExprKind::InterfaceType(elems) => {
            s.push_str("interface{");
            for (i, el) in elems.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                match el {
                    InterfaceElem::Method { name, sig } => {
                        s.push_str(&name.name);
                        write_sig(s, sig);
                    }
                    InterfaceElem::Embedded(t) => write_expr(s, t),
                }
            }
            s.push('}');
        }
        ExprKind::MapType(k, v) => {
            s.push_str("map[");
            write_expr(s, k);
            s.push(']');
            write_expr(s, v);
        }
        ExprKind::ChanType(d, el) => {
            s.push_str(match d {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            write_expr(s, el);
        }
        ExprKind::Ellipsis(t) => {
            s.push_str("...");
            if let Some(t) = t {
                write_expr(s, t);
            }
        }
        ExprKind::Bad => s.push_str("BadExpr"),
    }
}

/// `a, b, c`
pub(crate) fn write_list(s: &mut String, es: &[Expr]) {
    for (i, e) in es.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        write_expr(s, e);
    }
}
