//! `dumpast FILE...`: prints each file's tree as an S-expression, in the same format as a small
//! go/ast printer, so that the two parsers can be compared file by file (a development tool).

use gorc_syntax::ast::*;
use gorc_syntax::{parse_file, FileSet, NodeIds};
use std::io::Write;

struct P(String);

impl P {
    fn s(&mut self, s: &str) {
        self.0.push_str(s);
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Ident(n) => self.s(n),
            ExprKind::BasicLit(l) => self.s(&l.raw),
            ExprKind::CompositeLit { ty, elts, .. } => {
                self.s("(lit ");
                self.opt(ty.as_deref());
                for el in elts {
                    self.s(" ");
                    match &el.key {
                        Some(k) => {
                            self.s("(kv ");
                            self.expr(k);
                            self.s(" ");
                            self.expr(&el.value);
                            self.s(")");
                        }
                        None => self.expr(&el.value),
                    }
                }
                self.s(")");
            }
            ExprKind::FuncLit { sig, body } => {
                self.s("(funclit ");
                self.ftype(sig);
                self.s(" ");
                self.block(Some(body));
                self.s(")");
            }
            ExprKind::Paren(x) => {
                self.s("(paren ");
                self.expr(x);
                self.s(")");
            }
            ExprKind::Selector(x, sel) => {
                self.s("(sel ");
                self.expr(x);
                self.s(&format!(" {})", sel.name));
            }
            ExprKind::Index(x, i) => {
                self.s("(index ");
                self.expr(x);
                self.s(" ");
                self.expr(i);
                self.s(")");
            }
            ExprKind::Slice {
                x,
                lo,
                hi,
                max,
                three,
            } => {
                self.s("(slice ");
                self.expr(x);
                self.s(" ");
                self.opt(lo.as_deref());
                self.s(" ");
                self.opt(hi.as_deref());
                self.s(" ");
                self.opt(max.as_deref());
                self.s(&format!(" {})", three));
            }
            ExprKind::TypeAssert(x, t) => {
                self.s("(assert ");
                self.expr(x);
                self.s(" ");
                match t {
                    Some(t) => self.expr(t),
                    None => self.s("type"),
                }
                self.s(")");
            }
            ExprKind::Call {
                func,
                args,
                ellipsis,
                ..
            } => {
                self.s("(call ");
                self.expr(func);
                for a in args {
                    self.s(" ");
                    self.expr(a);
                }
                if ellipsis.is_some() {
                    self.s(" ...");
                }
                self.s(")");
            }
            ExprKind::Star(x) => {
                self.s("(star ");
                self.expr(x);
                self.s(")");
            }
            ExprKind::Unary(op, x) => {
                self.s(&format!("(un {} ", op.as_str()));
                self.expr(x);
                self.s(")");
            }
            ExprKind::Binary(op, l, r) => {
                self.s(&format!("(bin {} ", op.as_str()));
                self.expr(l);
                self.s(" ");
                self.expr(r);
                self.s(")");
            }
            ExprKind::ArrayType { len, elem } => {
                self.s("(array ");
                match len {
                    ArrayLen::Slice => self.s("[]"),
                    ArrayLen::Ellipsis => self.s("..."),
                    ArrayLen::Expr(n) => self.expr(n),
                }
                self.s(" ");
                self.expr(elem);
                self.s(")");
            }
            ExprKind::StructType(fields) => {
                self.s("(struct");
                self.fields(fields);
                self.s(")");
            }
            ExprKind::FuncType(f) => self.ftype(f),
            ExprKind::InterfaceType(elems) => {
                self.s("(iface");
                for el in elems {
                    match el {
                        InterfaceElem::Method { name, sig } => {
                            self.s(&format!(" (m {} ", name.name));
                            self.ftype(sig);
                            self.s(")");
                        }
                        InterfaceElem::Embedded(t) => {
                            self.s(" (e ");
                            self.expr(t);
                            self.s(")");
                        }
                    }
                }
                self.s(")");
            }
            ExprKind::MapType(k, v) => {
                self.s("(map ");
                self.expr(k);
                self.s(" ");
                self.expr(v);
                self.s(")");
            }
            ExprKind::ChanType(d, t) => {
                self.s(match d {
                    ChanDir::Both => "(chan both ",
                    ChanDir::Send => "(chan send ",
                    ChanDir::Recv => "(chan recv ",
                });
                self.expr(t);
                self.s(")");
            }
            ExprKind::Ellipsis(t) => {
                self.s("(ell ");
                self.opt(t.as_deref());
                self.s(")");
            }
            ExprKind::Bad => self.s("(bad)"),
        }
    }

    fn opt(&mut self, e: Option<&Expr>) {
        match e {
            Some(e) => self.expr(e),
            None => self.s("_"),
        }
    }

    fn exprs(&mut self, l: &[Expr]) {
        for (i, e) in l.iter().enumerate() {
            if i > 0 {
                self.s(" ");
            }
            self.expr(e);
        }
    }

    fn fields(&mut self, fl: &[Field]) {
        for f in fl {
            self.s(" (field (");
            let names: Vec<&str> = f.names.iter().map(|n| n.name.as_str()).collect();
            self.s(&names.join(" "));
            self.s(") ");
            self.expr(&f.ty);
            if let Some(t) = &f.tag {
                self.s(&format!(" {}", t.raw));
            }
            self.s(")");
        }
    }

    fn ftype(&mut self, f: &FuncType) {
        self.s("(functype (params");
        self.fields(&f.params);
        self.s(") (results");
        self.fields(&f.results);
        self.s("))");
    }

    fn block(&mut self, b: Option<&Block>) {
        match b {
            None => self.s("nobody"),
            Some(b) => {
                self.s("{");
                self.stmts(&b.stmts);
                self.s("}");
            }
        }
    }

    fn stmts(&mut self, l: &[Stmt]) {
        for s in l {
            if let StmtKind::Empty = s.kind {
                continue;
            }
            self.s(" ");
            self.stmt(s);
        }
    }

    fn stmt_opt(&mut self, s: Option<&Stmt>) {
        match s {
            Some(s) => self.stmt(s),
            None => self.s("_"),
        }
    }

    fn clause(&mut self, exprs: Option<&Vec<Expr>>, body: &[Stmt]) {
        match exprs {
            None => self.s("(default"),
            Some(l) => {
                self.s("(case (");
                self.exprs(l);
                self.s(")");
            }
        }
        self.stmts(body);
        self.s(")");
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Empty => self.s("(empty)"),
            StmtKind::Expr(e) => {
                self.s("(expr ");
                self.expr(e);
                self.s(")");
            }
            StmtKind::Send(c, v) => {
                self.s("(send ");
                self.expr(c);
                self.s(" ");
                self.expr(v);
                self.s(")");
            }
            StmtKind::IncDec(x, inc) => {
                self.s(if *inc { "(incdec ++ " } else { "(incdec -- " });
                self.expr(x);
                self.s(")");
            }
            StmtKind::Assign { lhs, op, rhs } => {
                match op {
                    AssignOp::Plain => self.s("(assign = ("),
                    AssignOp::Op(op) => self.s(&format!("(assign {}= (", op.as_str())),
                }
                self.exprs(lhs);
                self.s(") (");
                self.exprs(rhs);
                self.s("))");
            }
            StmtKind::Define { lhs, rhs } => {
                self.s("(assign := (");
                let names: Vec<&str> = lhs.iter().map(|n| n.name.as_str()).collect();
                self.s(&names.join(" "));
                self.s(") (");
                self.exprs(rhs);
                self.s("))");
            }
            StmtKind::Decl(d) => self.decl(d),
            StmtKind::Labeled(l, s) => {
                self.s(&format!("(label {} ", l.name));
                self.stmt(s);
                self.s(")");
            }
            StmtKind::Go(e) => {
                self.s("(go ");
                self.expr(e);
                self.s(")");
            }
            StmtKind::Defer(e) => {
                self.s("(defer ");
                self.expr(e);
                self.s(")");
            }
            StmtKind::Return(v) => {
                self.s("(return ");
                self.exprs(v);
                self.s(")");
            }
            StmtKind::Break(l) => self.branch("break", l.as_ref()),
            StmtKind::Continue(l) => self.branch("continue", l.as_ref()),
            StmtKind::Goto(l) => self.branch("goto", Some(l)),
            StmtKind::Fallthrough => self.s("(fallthrough)"),
            StmtKind::Block(b) => self.block(Some(b)),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.s("(if ");
                self.stmt_opt(init.as_deref());
                self.s(" ");
                self.expr(cond);
                self.s(" ");
                self.block(Some(then));
                self.s(" ");
                self.stmt_opt(els.as_deref());
                self.s(")");
            }
            StmtKind::Switch {
                init, tag, body, ..
            } => {
                self.s("(switch ");
                self.stmt_opt(init.as_deref());
                self.s(" ");
                self.opt(tag.as_ref());
                for c in body {
                    self.s(" ");
                    self.clause(c.exprs.as_ref(), &c.body);
                }
                self.s(")");
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                body,
                ..
            } => {
                self.s("(typeswitch ");
                self.stmt_opt(init.as_deref());
                self.s(" ");
                self.s(bind.as_ref().map(|b| b.name.as_str()).unwrap_or("_"));
                self.s(" ");
                self.expr(x);
                for c in body {
                    self.s(" ");
                    self.clause(c.types.as_ref(), &c.body);
                }
                self.s(")");
            }
            StmtKind::Select { body, .. } => {
                self.s("(select");
                for c in body {
                    self.s(" (comm ");
                    self.stmt_opt(c.comm.as_deref());
                    self.stmts(&c.body);
                    self.s(")");
                }
                self.s(")");
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.s("(for ");
                self.stmt_opt(init.as_deref());
                self.s(" ");
                self.opt(cond.as_ref());
                self.s(" ");
                self.stmt_opt(post.as_deref());
                self.s(" ");
                self.block(Some(body));
                self.s(")");
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => {
                self.s("(range ");
                self.opt(key.as_ref());
                self.s(" ");
                self.opt(value.as_ref());
                self.s(&format!(" {} ", define));
                self.expr(x);
                self.s(" ");
                self.block(Some(body));
                self.s(")");
            }
        }
    }

    fn branch(&mut self, kw: &str, l: Option<&Ident>) {
        self.s(&format!("({}", kw));
        if let Some(l) = l {
            self.s(&format!(" {}", l.name));
        }
        self.s(")");
    }

    fn specs(&mut self, specs: &[ValueSpec]) {
        for sp in specs {
            self.s(" (spec (");
            let names: Vec<&str> = sp.names.iter().map(|n| n.name.as_str()).collect();
            self.s(&names.join(" "));
            self.s(") ");
            self.opt(sp.ty.as_ref());
            self.s(" (");
            self.exprs(&sp.values);
            self.s("))");
        }
    }

    fn decl(&mut self, d: &Decl) {
        match d {
            Decl::Const(specs) => {
                self.s("(const");
                self.specs(specs);
                self.s(")");
            }
            Decl::Var(specs) => {
                self.s("(var");
                self.specs(specs);
                self.s(")");
            }
            Decl::Type(specs) => {
                self.s("(type");
                for sp in specs {
                    self.s(&format!(" (tspec {}", sp.name.name));
                    if sp.alias {
                        self.s(" =");
                    }
                    self.s(" ");
                    self.expr(&sp.ty);
                    self.s(")");
                }
                self.s(")");
            }
            Decl::Func(f) => {
                self.s("(func ");
                if let Some(r) = &f.recv {
                    self.s("(recv");
                    self.fields(r);
                    self.s(") ");
                }
                self.s(&format!("{} ", f.name.name));
                self.ftype(&f.sig);
                self.s(" ");
                self.block(f.body.as_ref());
                self.s(")");
            }
        }
    }
}

fn main() {
    let mut fset = FileSet::new();
    let mut ids = NodeIds::default();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for path in std::env::args().skip(1) {
        let src = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let id = fset.add(path.clone(), src);
        let mut p = P(String::new());
        match parse_file(&fset, id, &mut ids) {
            Err(_) => p.s(&format!("FILE {} ERROR\n", path)),
            Ok(f) => {
                p.s(&format!("FILE {}\npackage {}\n", path, f.package.name));
                for i in &f.imports {
                    let name = i.name.as_ref().map(|n| n.name.as_str()).unwrap_or("_none");
                    p.s(&format!("(import {} {})\n", name, i.path.raw));
                }
                for d in &f.decls {
                    p.decl(d);
                    p.s("\n");
                }
            }
        }
        out.write_all(p.0.as_bytes()).unwrap();
    }
}
