//! Printing of expressions in gc's short form (`[]int{…}`, `func() {…}`), and start positions.

use gorc_syntax::ast::{ArrayLen, ChanDir, Expr, ExprKind, Field, FuncType, InterfaceElem};
use gorc_syntax::Pos;

/// The position of the leftmost token of `e` (where gc reports errors about it).
pub(crate) fn start_pos(e: &Expr) -> Pos {
    match &e.kind {
        ExprKind::Binary(_, l, _) => start_pos(l).min_valid(e.pos),
        ExprKind::Selector(x, _) | ExprKind::Index(x, _) | ExprKind::TypeAssert(x, _) => {
            start_pos(x).min_valid(e.pos)
        }
        ExprKind::Slice { x, .. } => start_pos(x).min_valid(e.pos),
        ExprKind::Call { func, .. } => start_pos(func).min_valid(e.pos),
        ExprKind::CompositeLit { ty: Some(t), .. } => start_pos(t).min_valid(e.pos),
        _ => e.pos,
    }
}

trait MinValid {
    fn min_valid(self, o: Pos) -> Pos;
}
impl MinValid for Pos {
    fn min_valid(self, o: Pos) -> Pos {
        if !self.is_valid() {
            o
        } else if !o.is_valid() {
            self
        } else {
            self.min(o)
        }
    }
}

pub(crate) fn expr_string(e: &Expr) -> String {
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

fn write_expr(s: &mut String, e: &Expr) {
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
