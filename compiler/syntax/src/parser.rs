//! Glue between the token stream, the generated LR(1) parser and the AST: the `Ctx` the grammar
//! actions build nodes with (node ids, positions, the checks gc's parser makes), and the
//! translation of parse failures into gc-worded syntax errors.

use crate::ast::*;
use crate::exprstr::{expr_string, write_expr, write_list};
use crate::lexer::{LexError, Lexer, Tok};
use crate::pos::Pos;
use crate::{NodeIds, SyntaxError};
use std::cell::{Cell, RefCell};

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, unused_parens, dead_code, unused_imports)]
    grammar
);

/// What the checks made after a reduction need to know about the surrounding tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    RBrace,
    Semi,
    Colon,
    Case,
    Default,
    Other,
}

/// State shared by the grammar actions of one file.
pub struct Ctx {
    base: u32,
    src_len: usize,
    next_id: Cell<u32>,
    errors: RefCell<Vec<SyntaxError>>,
    /// `.(type)` expressions not (yet) claimed by a type switch: (node id, position).
    type_guards: RefCell<Vec<(NodeId, Pos)>>,
    /// Start offset and class of every token (for checks that need the next token).
    toks: Vec<(usize, Class)>,
    /// Operator positions of assignments, by statement position (gc reports "cannot use
    /// x := 1 as value" there).
    op_pos: RefCell<std::collections::HashMap<Pos, Pos>>,
}

impl Ctx {
    pub fn pos(&self, off: usize) -> Pos {
        Pos(self.base + off as u32)
    }

    pub fn id(&self) -> NodeId {
        let n = self.next_id.get() + 1;
        self.next_id.set(n);
        NodeId(n)
    }

    pub fn error(&self, off: usize, msg: impl Into<String>) {
        self.error_at(self.pos(off), msg);
    }

    pub fn error_at(&self, pos: Pos, msg: impl Into<String>) {
        self.errors.borrow_mut().push(SyntaxError {
            pos,
            msg: msg.into(),
        });
    }

    pub fn ident(&self, off: usize, name: &str) -> Ident {
        Ident {
            id: self.id(),
            pos: self.pos(off),
            name: name.to_string(),
        }
    }

    pub fn expr(&self, off: usize, kind: ExprKind) -> Expr {
        Expr {
            id: self.id(),
            pos: self.pos(off),
            kind,
        }
    }

    fn expr_pos(&self, pos: Pos, kind: ExprKind) -> Expr {
        Expr {
            id: self.id(),
            pos,
            kind,
        }
    }

    pub fn lit(&self, off: usize, kind: LitKind, raw: &str) -> BasicLit {
        BasicLit {
            pos: self.pos(off),
            kind,
            raw: raw.to_string(),
        }
    }

    pub fn lit_expr(&self, off: usize, kind: LitKind, raw: &str) -> Expr {
        let lit = self.lit(off, kind, raw);
        self.expr(off, ExprKind::BasicLit(lit))
    }

    pub fn file(
        &self,
        lo: usize,
        package: Ident,
        imports: Vec<Vec<ImportSpec>>,
        decls: Vec<Decl>,
    ) -> File {
        if package.name == "_" {
            self.error_at(package.pos, "invalid package name _");
        }
        File {
            pos: self.pos(lo),
            package,
            imports: imports.into_iter().flatten().collect(),
            decls,
            end: self.pos(self.src_len),
        }
    }

    /// Numbers the specs of a const group (`iota`).
    pub fn consts(&self, mut specs: Vec<ValueSpec>) -> Vec<ValueSpec> {
        for (i, s) in specs.iter_mut().enumerate() {
            s.iota = i as u32;
            if s.values.is_empty() && (i == 0 || s.ty.is_some()) {
                let names: Vec<&str> = s.names.iter().map(|n| n.name.as_str()).collect();
                self.error_at(s.pos, format!("missing init expr for {}", names.join(", ")));
            }
        }
        specs
    }

    pub fn func_decl(
        &self,
        lo: usize,
        recv: Option<Vec<Field>>,
        name: Ident,
        sig: (Vec<Field>, Vec<Field>),
        body: Option<Block>,
    ) -> Decl {
        if let Some(r) = &recv {
            if r.is_empty() {
                self.error(lo, "method has no receiver");
            } else if r.len() > 1 || r[0].names.len() > 1 {
                self.error(lo, "method has multiple receivers");
            }
        }
        Decl::Func(FuncDecl {
            pos: self.pos(lo),
            recv,
            name,
            sig: FuncType {
                pos: self.pos(lo),
                params: sig.0,
                results: sig.1,
            },
            body,
            directives: Vec::new(),
        })
    }

    /// Groups parameter declarations: either every parameter is named (`a, b int, c string`,
    /// where a bare name takes the type of the next typed one) or none is (`int, string`).
    pub fn params(&self, decls: Vec<(Option<Ident>, Expr)>) -> Vec<Field> {
        let named = decls.iter().any(|d| d.0.is_some());
        if !named {
            return decls
                .into_iter()
                .map(|(_, ty)| Field {
                    pos: ty.start(),
                    names: vec![],
                    ty,
                    tag: None,
                })
                .collect();
        }
        let mut fields = Vec::new();
        let mut pending: Vec<Ident> = Vec::new();
        let mut errored = false;
        for (name, ty) in decls {
            match name {
                Some(n) => {
                    pending.push(n);
                    let names = std::mem::take(&mut pending);
                    fields.push(Field {
                        pos: names[0].pos,
                        names,
                        ty,
                        tag: None,
                    });
                }
                None => match ty.kind {
                    ExprKind::Ident(ref s) => pending.push(Ident {
                        id: ty.id,
                        pos: ty.pos,
                        name: s.clone(),
                    }),
                    _ => {
                        if !errored {
                            self.error_at(
                                ty.start(),
                                "syntax error: mixed named and unnamed parameters",
                            );
                            errored = true;
                        }
                        fields.push(Field {
                            pos: ty.start(),
                            names: vec![],
                            ty,
                            tag: None,
                        });
                    }
                },
            }
        }
        if !pending.is_empty() && !errored {
            self.error_at(
                pending[pending.len() - 1].pos,
                "syntax error: mixed named and unnamed parameters",
            );
            for p in pending {
                let ty = self.expr_pos(p.pos, ExprKind::Bad);
                fields.push(Field {
                    pos: p.pos,
                    names: vec![p],
                    ty,
                    tag: None,
                });
            }
        }
        fields
    }

    pub fn single_result(&self, t: Expr) -> Vec<Field> {
        vec![Field {
            pos: t.start(),
            names: vec![],
            ty: t,
            tag: None,
        }]
    }

    pub fn binary(&self, op_off: usize, op: BinaryOp, l: Expr, r: Expr) -> Expr {
        self.expr(op_off, ExprKind::Binary(op, Box::new(l), Box::new(r)))
    }

    /// `<-x`: a receive, or the channel type `<-chan T` (`<-` applied to a channel type
    /// literal; `<-chan <-chan T` arrives as `<-(chan<- chan T)` and is re-associated).
    pub fn recv(&self, lo: usize, x: Expr) -> Expr {
        if let ExprKind::ChanType(..) = x.kind {
            match self.flip_chan(x) {
                Ok(t) => {
                    let mut t = t;
                    t.pos = self.pos(lo);
                    return t;
                }
                Err(x) => {
                    self.error_at(x.pos, "syntax error: unexpected <-, expecting chan");
                    return x;
                }
            }
        }
        self.expr(lo, ExprKind::Unary(UnaryOp::Recv, Box::new(x)))
    }

    fn flip_chan(&self, x: Expr) -> Result<Expr, Expr> {
        let Expr { id, pos, kind } = x;
        match kind {
            ExprKind::ChanType(ChanDir::Both, elem) => Ok(Expr {
                id,
                pos,
                kind: ExprKind::ChanType(ChanDir::Recv, elem),
            }),
            ExprKind::ChanType(ChanDir::Send, elem) => {
                if let ExprKind::ChanType(..) = elem.kind {
                    match self.flip_chan(*elem) {
                        Ok(e) => Ok(Expr {
                            id,
                            pos,
                            kind: ExprKind::ChanType(ChanDir::Recv, Box::new(e)),
                        }),
                        Err(e) => Err(e),
                    }
                } else {
                    Err(Expr {
                        id,
                        pos,
                        kind: ExprKind::ChanType(ChanDir::Send, elem),
                    })
                }
            }
            kind => Err(Expr { id, pos, kind }),
        }
    }

    pub fn selector(&self, x: Expr, sel: Ident) -> Expr {
        self.expr_pos(x.start(), ExprKind::Selector(Box::new(x), sel))
    }

    pub fn assert(&self, x: Expr, t: Option<Expr>) -> Expr {
        let guard = t.is_none();
        let e = self.expr_pos(
            x.start(),
            ExprKind::TypeAssert(Box::new(x), t.map(Box::new)),
        );
        if guard {
            self.type_guards.borrow_mut().push((e.id, e.pos));
        }
        e
    }

    pub fn index(&self, x: Expr, i: Expr) -> Expr {
        self.expr_pos(x.start(), ExprKind::Index(Box::new(x), Box::new(i)))
    }

    pub fn slice(
        &self,
        x: Expr,
        lo: Option<Expr>,
        hi: Option<Expr>,
        max: Option<Expr>,
        three: bool,
    ) -> Expr {
        self.expr_pos(
            x.start(),
            ExprKind::Slice {
                x: Box::new(x),
                lo: lo.map(Box::new),
                hi: hi.map(Box::new),
                max: max.map(Box::new),
                three,
            },
        )
    }

    /// `x[lo:hi:max]`: the middle and final indices are required.
    pub fn slice3(
        &self,
        x: Expr,
        lo: Option<Expr>,
        hi: Option<Expr>,
        max: Option<Expr>,
        colon: usize,
        rbrack: usize,
    ) -> Expr {
        if hi.is_none() {
            self.error(colon, "middle index required in 3-index slice");
        }
        if max.is_none() {
            self.error(rbrack, "final index required in 3-index slice");
        }
        self.slice(x, lo, hi, max, true)
    }

    pub fn call(&self, f: Expr, a: (Vec<Expr>, Option<usize>, usize)) -> Expr {
        let (args, ellipsis, rparen) = a;
        self.expr_pos(
            f.start(),
            ExprKind::Call {
                func: Box::new(f),
                args,
                ellipsis: ellipsis.map(|e| self.pos(e)),
                rparen: self.pos(rparen),
            },
        )
    }

    /// `T{...}`: checks that `T` can be a composite literal's type.
    pub fn composite(&self, t: Expr, v: (usize, Vec<Element>, usize)) -> Expr {
        let (l, elts, r) = v;
        match &t.kind {
            ExprKind::Ident(_)
            | ExprKind::ArrayType { .. }
            | ExprKind::MapType(..)
            | ExprKind::StructType(_) => {}
            ExprKind::Selector(x, _) if matches!(x.kind, ExprKind::Ident(_)) => {}
            ExprKind::Paren(_) => {
                self.error(
                    l,
                    "syntax error: cannot parenthesize type in composite literal",
                );
            }
            _ => self.error(l, "syntax error: unexpected { at end of statement"),
        }
        self.expr_pos(
            t.start(),
            ExprKind::CompositeLit {
                ty: Some(Box::new(t)),
                elts,
                lbrace: self.pos(l),
                rbrace: self.pos(r),
            },
        )
    }

    pub fn elided_composite(&self, v: (usize, Vec<Element>, usize)) -> Expr {
        let (l, elts, r) = v;
        self.expr(
            l,
            ExprKind::CompositeLit {
                ty: None,
                elts,
                lbrace: self.pos(l),
                rbrace: self.pos(r),
            },
        )
    }

    /// After a case clause's statements: the next clause must follow a `;` (only `}` may
    /// follow a statement directly).
    pub fn clause_end(&self, end: usize) {
        let i = self.toks.partition_point(|t| t.0 < end);
        let next = self.toks.get(i).map(|t| t.1);
        let prev = i.checked_sub(1).map(|j| self.toks[j].1);
        let what = match next {
            Some(Class::Case) => "case",
            Some(Class::Default) => "default",
            _ => return,
        };
        if !matches!(prev, Some(Class::Semi | Class::Colon)) {
            self.error(
                self.toks[i].0,
                format!("syntax error: unexpected {} at end of statement", what),
            );
        }
    }

    /// `L: stmt`; a label may stand alone only before `}` (or `;`).
    pub fn labeled(&self, lo: usize, label: Ident, colon_end: usize, s: Option<Stmt>) -> Stmt {
        let s = match s {
            Some(s) => s,
            None => {
                let i = self.toks.partition_point(|t| t.0 < colon_end);
                if !self
                    .toks
                    .get(i)
                    .map_or(true, |t| matches!(t.1, Class::RBrace | Class::Semi))
                {
                    self.error(lo, "syntax error: missing statement after label");
                }
                self.stmt(colon_end, StmtKind::Empty)
            }
        };
        self.stmt(lo, StmtKind::Labeled(label, Box::new(s)))
    }

    /// `go f()` / `defer f()`: the operand must be an unparenthesized call.
    pub fn call_stmt(&self, lo: usize, defer: bool, x: Expr) -> Stmt {
        let kw = if defer { "defer" } else { "go" };
        let mut x = x;
        if let ExprKind::Paren(_) = x.kind {
            self.error_at(
                x.pos,
                format!("expression in {} must not be parenthesized", kw),
            );
            while let ExprKind::Paren(inner) = x.kind {
                x = *inner;
            }
        }
        // A non-call operand parses: gc's type checker, not its parser, reports it
        // (`expression in defer must be function call`), and checking goes on.
        self.stmt(
            lo,
            if defer {
                StmtKind::Defer(x)
            } else {
                StmtKind::Go(x)
            },
        )
    }

    pub fn stmt(&self, lo: usize, kind: StmtKind) -> Stmt {
        Stmt {
            pos: self.pos(lo),
            kind,
        }
    }

    pub fn expr_stmt(&self, x: Expr) -> Stmt {
        Stmt {
            pos: x.start(),
            kind: StmtKind::Expr(x),
        }
    }

    pub fn send(&self, ch: Expr, v: Expr) -> Stmt {
        Stmt {
            pos: ch.start(),
            kind: StmtKind::Send(ch, v),
        }
    }

    pub fn incdec(&self, x: Expr, inc: bool) -> Stmt {
        Stmt {
            pos: x.start(),
            kind: StmtKind::IncDec(x, inc),
        }
    }

    pub fn assign(&self, lhs: Vec<Expr>, op_off: usize, op: AssignOp, rhs: Vec<Expr>) -> Stmt {
        self.op_pos
            .borrow_mut()
            .insert(lhs[0].start(), self.pos(op_off));
        Stmt {
            pos: lhs[0].start(),
            kind: StmtKind::Assign { lhs, op, rhs },
        }
    }

    /// The identifiers on the left of `:=` (reporting anything else as gc does).
    fn names(&self, lhs: Vec<Expr>) -> Vec<Ident> {
        let mut out = Vec::new();
        for e in lhs {
            match e.kind {
                ExprKind::Ident(name) => out.push(Ident {
                    id: e.id,
                    pos: e.pos,
                    name,
                }),
                _ => {
                    self.error_at(
                        e.start(),
                        format!("non-name {} on left side of :=", expr_string(&e)),
                    );
                    out.push(Ident {
                        id: e.id,
                        pos: e.start(),
                        name: "_".into(),
                    });
                }
            }
        }
        out
    }

    pub fn define(&self, op: usize, lhs: Vec<Expr>, rhs: Vec<Expr>) -> Stmt {
        let pos = lhs[0].start();
        self.op_pos.borrow_mut().insert(pos, self.pos(op));
        if lhs.len() == 1
            && rhs.len() == 1
            && matches!(rhs[0].kind, ExprKind::TypeAssert(_, None))
            && !matches!(lhs[0].kind, ExprKind::Ident(_))
        {
            self.error_at(
                pos,
                format!(
                    "syntax error: invalid variable name {} in type switch",
                    expr_string(&lhs[0])
                ),
            );
            let id = Ident {
                id: lhs[0].id,
                pos,
                name: "_".into(),
            };
            return Stmt {
                pos,
                kind: StmtKind::Define { lhs: vec![id], rhs },
            };
        }
        Stmt {
            pos,
            kind: StmtKind::Define {
                lhs: self.names(lhs),
                rhs,
            },
        }
    }

    fn as_value(&self, s: Stmt, what: &str) -> Expr {
        match s.kind {
            StmtKind::Expr(e) => e,
            _ => {
                let _ = what;
                let text = match &s.kind {
                    StmtKind::Assign {
                        lhs,
                        op: AssignOp::Plain,
                        rhs,
                    } => {
                        let mut l = String::new();
                        write_list(&mut l, lhs);
                        let mut r = String::new();
                        write_list(&mut r, rhs);
                        format!("assignment ({}) = ({})", l, r)
                    }
                    _ => stmt_string(&s),
                };
                let msg = format!("syntax error: cannot use {} as value", text);
                let at = self.op_pos.borrow().get(&s.pos).copied().unwrap_or(s.pos);
                self.error_at(at, msg);
                self.expr_pos(s.pos, ExprKind::Bad)
            }
        }
    }

    pub fn if_stmt(
        &self,
        lo: usize,
        h: (Option<Stmt>, Option<Stmt>, Option<(usize, usize)>),
        then: Block,
        els: Option<Stmt>,
    ) -> Stmt {
        let (init, cond, semi) = h;
        let cond = match cond {
            Some(c) => self.as_value(c, "if"),
            None => {
                match semi {
                    Some((sl, sr)) if sr == sl => {
                        let what = if sl >= self.src_len { "EOF" } else { "newline" };
                        self.error(
                            sl,
                            format!(
                                "syntax error: unexpected {}, expecting {{ after if clause",
                                what
                            ),
                        )
                    }
                    Some((sl, _)) => {
                        self.error(sl, "syntax error: missing condition in if statement")
                    }
                    None => self.error_at(
                        then.lbrace,
                        "syntax error: missing condition in if statement",
                    ),
                }
                self.expr_pos(then.lbrace, ExprKind::Bad)
            }
        };
        self.stmt(
            lo,
            StmtKind::If {
                init: init.map(Box::new),
                cond,
                then,
                els: els.map(Box::new),
            },
        )
    }

    pub fn for_stmt(
        &self,
        lo: usize,
        init: Option<Stmt>,
        cond: Option<Expr>,
        post: Option<Stmt>,
        body: Block,
    ) -> Stmt {
        if let Some(p) = &post {
            if let StmtKind::Define { .. } = p.kind {
                self.error_at(
                    p.pos,
                    "syntax error: cannot declare in post statement of for loop",
                );
            }
        }
        self.stmt(
            lo,
            StmtKind::For {
                init: init.map(Box::new),
                cond,
                post: post.map(Box::new),
                body,
            },
        )
    }

    pub fn for_cond(&self, lo: usize, cond: Stmt, body: Block) -> Stmt {
        let cond = self.as_value(cond, "for");
        self.stmt(
            lo,
            StmtKind::For {
                init: None,
                cond: Some(cond),
                post: None,
                body,
            },
        )
    }

    pub fn range(&self, lo: usize, lhs: Vec<Expr>, define: bool, x: Expr, body: Block) -> Stmt {
        if lhs.len() > 2 {
            self.error_at(
                lhs[2].start(),
                "range clause permits at most two iteration variables",
            );
        }
        let lhs = if define {
            self.names(lhs)
                .into_iter()
                .map(|i| Expr {
                    id: i.id,
                    pos: i.pos,
                    kind: ExprKind::Ident(i.name),
                })
                .collect()
        } else {
            lhs
        };
        let mut it = lhs.into_iter();
        let key = it.next();
        let value = it.next();
        self.stmt(
            lo,
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            },
        )
    }

    fn claim_guard(&self, id: NodeId) {
        self.type_guards.borrow_mut().retain(|g| g.0 != id);
    }

    pub fn switch(
        &self,
        lo: usize,
        h: (Option<Stmt>, Option<Stmt>),
        clauses: Vec<(usize, Option<Vec<Expr>>, Vec<Stmt>)>,
        r: usize,
    ) -> Stmt {
        let (init, tag) = h;
        let init = init.map(Box::new);
        // A type switch guard: `x.(type)` or `v := x.(type)`.
        let guard = match &tag {
            Some(Stmt {
                kind:
                    StmtKind::Expr(Expr {
                        kind: ExprKind::TypeAssert(_, None),
                        ..
                    }),
                ..
            }) => true,
            Some(Stmt {
                kind: StmtKind::Define { lhs, rhs },
                ..
            }) => {
                lhs.len() == 1
                    && rhs.len() == 1
                    && matches!(rhs[0].kind, ExprKind::TypeAssert(_, None))
            }
            _ => false,
        };
        if guard {
            let (bind, guard) = match tag.unwrap().kind {
                StmtKind::Expr(e) => (None, e),
                StmtKind::Define { mut lhs, mut rhs } => (lhs.pop(), rhs.pop().unwrap()),
                _ => unreachable!(),
            };
            self.claim_guard(guard.id);
            let x = match guard.kind {
                ExprKind::TypeAssert(x, None) => *x,
                _ => unreachable!(),
            };
            let body = clauses
                .into_iter()
                .map(|(p, types, body)| TypeCaseClause {
                    pos: self.pos(p),
                    types,
                    body,
                    implicit: self.id(),
                })
                .collect();
            return self.stmt(
                lo,
                StmtKind::TypeSwitch {
                    init,
                    bind,
                    x,
                    body,
                    rbrace: self.pos(r),
                },
            );
        }
        let tag = tag.map(|t| self.as_value(t, "switch"));
        let body = clauses
            .into_iter()
            .map(|(p, exprs, body)| CaseClause {
                pos: self.pos(p),
                exprs,
                body,
            })
            .collect();
        self.stmt(
            lo,
            StmtKind::Switch {
                init,
                tag,
                body,
                rbrace: self.pos(r),
            },
        )
    }

    pub fn comm_clause(&self, lo: usize, s: Option<Stmt>, body: Vec<Stmt>) -> CommClause {
        if let Some(s) = &s {
            fn is_recv(e: &Expr) -> bool {
                match &e.kind {
                    ExprKind::Unary(UnaryOp::Recv, _) => true,
                    ExprKind::Paren(x) => is_recv(x),
                    _ => false,
                }
            }
            let ok = match &s.kind {
                StmtKind::Send(..) => true,
                StmtKind::Expr(e) => is_recv(e),
                StmtKind::Assign {
                    lhs,
                    op: AssignOp::Plain,
                    rhs,
                } => lhs.len() <= 2 && rhs.len() == 1 && is_recv(&rhs[0]),
                StmtKind::Define { lhs, rhs } => {
                    lhs.len() <= 2 && rhs.len() == 1 && is_recv(&rhs[0])
                }
                _ => false,
            };
            if !ok {
                self.error_at(
                    s.pos,
                    "select case must be send or receive (possibly with assignment)",
                );
            }
        }
        CommClause {
            pos: self.pos(lo),
            comm: s.map(Box::new),
            body,
        }
    }
}

fn stmt_string(st: &Stmt) -> String {
    let mut s = String::new();
    match &st.kind {
        StmtKind::Expr(e) => write_expr(&mut s, e),
        StmtKind::Send(c, v) => {
            write_expr(&mut s, c);
            s.push_str(" <- ");
            write_expr(&mut s, v);
        }
        StmtKind::IncDec(x, inc) => {
            write_expr(&mut s, x);
            s.push_str(if *inc { "++" } else { "--" });
        }
        StmtKind::Assign { lhs, op, rhs } => {
            write_list(&mut s, lhs);
            match op {
                AssignOp::Plain => s.push_str(" = "),
                AssignOp::Op(op) => {
                    s.push(' ');
                    s.push_str(op.as_str());
                    s.push_str("= ");
                }
            }
            write_list(&mut s, rhs);
        }
        StmtKind::Define { lhs, rhs } => {
            for (i, id) in lhs.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                s.push_str(&id.name);
            }
            s.push_str(" := ");
            write_list(&mut s, rhs);
        }
        _ => s.push_str("statement"),
    }
    s
}

type Token<'a> = (usize, Tok<'a>, usize);

fn new_ctx(base: u32, src_len: usize, next_id: u32, stream: &[Token]) -> Ctx {
    Ctx {
        base,
        src_len,
        next_id: Cell::new(next_id),
        errors: RefCell::new(Vec::new()),
        type_guards: RefCell::new(Vec::new()),
        op_pos: RefCell::new(Default::default()),
        toks: stream
            .iter()
            .map(|t| {
                let class = match t.1 {
                    Tok::RBrace => Class::RBrace,
                    Tok::Semi => Class::Semi,
                    Tok::Colon => Class::Colon,
                    Tok::Case => Class::Case,
                    Tok::Default => Class::Default,
                    _ => Class::Other,
                };
                (t.0, class)
            })
            .collect(),
    }
}

/// A repair of the token stream after a syntax error, kept until the next parse shows that
/// the parser got past it.
struct Repair {
    /// Index (in the repaired stream) of the first token after the inserted ones: the next
    /// error must be there or later.
    resume: usize,
    /// Source offset of the error the repair was for.
    err_offset: usize,
    /// Errors the grammar actions reported before that error.
    cx_errors: Vec<SyntaxError>,
}

/// Parses one file's source. `base` is the file's base in its FileSet.
///
/// Error recovery follows gc's parser: after a syntax error the token stream is repaired the
/// way gc's parser skips tokens (`repair`) and parsed again, so later errors in the same
/// function are found too. Where that is not possible, parsing restarts at the next top-level
/// declaration. At most 10 lines with syntax errors, one error per line.
pub fn parse_source(src: &str, base: u32, ids: &mut NodeIds) -> Result<File, Vec<SyntaxError>> {
    let mut lexer = Lexer::new(src);
    let mut toks: Vec<Token> = Vec::with_capacity(src.len() / 4);
    while let Some(t) = lexer.next_token() {
        toks.push(t);
    }
    let parser = grammar::SourceFileParser::new();
    let mut stream = toks.clone();
    let mut file = None;
    let mut next_id = ids.next;
    let mut syntax_errors: Vec<SyntaxError> = Vec::new();
    let mut ctx_errors: Vec<SyntaxError> = Vec::new();
    let mut guards: Vec<(NodeId, Pos)> = Vec::new();
    let mut last_repair: Option<Repair> = None;
    // Start (in `toks`) of the part being parsed, after restarts at top-level declarations.
    let mut from = 0;
    let line_of = |off: usize| {
        src.as_bytes()[..off.min(src.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
    };
    for _ in 0..100 {
        let cx = new_ctx(base, src.len(), ids.next, &stream);
        let pulled = Cell::new(0usize);
        let result = parser.parse(
            &cx,
            stream.iter().map(|&t| {
                pulled.set(pulled.get() + 1);
                Ok::<_, LexError>(t)
            }),
        );
        let e = match result {
            Ok(f) => {
                next_id = cx.next_id.get();
                ctx_errors.extend(cx.errors.into_inner());
                guards.extend(cx.type_guards.into_inner());
                file = Some(f);
                break;
            }
            Err(e) => e,
        };
        let at = match e {
            ParseError::UnrecognizedToken { .. } | ParseError::ExtraToken { .. } => {
                pulled.get().saturating_sub(1)
            }
            _ => stream.len(),
        };
        let eof = matches!(e, ParseError::UnrecognizedEof { .. });
        let failed_repair = match last_repair.take() {
            Some(r) if at < r.resume => Some(r),
            _ => None,
        };
        let (err_offset, cx_errors) = match failed_repair {
            // The parser did not get past the repair: undo it, and restart at the next
            // top-level declaration after the error it was for.
            Some(r) => (r.err_offset, r.cx_errors),
            None => {
                let cx_errors = cx.errors.into_inner();
                // Like gc, no follow-up errors at the end of the file.
                if eof && !syntax_errors.is_empty() {
                    ctx_errors.extend(cx_errors);
                    break;
                }
                let err = describe_error(src, base, &stream, e);
                let err_offset = (err.pos.0 - base) as usize;
                let repeated = syntax_errors
                    .iter()
                    .any(|x| x.pos == err.pos && x.msg == err.msg);
                // Like gc, nothing more after an error in the package clause.
                let in_package_clause = from == 0 && !stream[..at].iter().any(|t| t.1 == Tok::Semi);
                let stop =
                    in_package_clause || err.msg.ends_with("package statement must be first");
                let msg = err.msg.clone();
                if !repeated {
                    syntax_errors.push(err);
                }
                let mut lines: Vec<usize> = syntax_errors
                    .iter()
                    .map(|x| line_of((x.pos.0 - base) as usize))
                    .collect();
                lines.dedup();
                if stop || eof || lines.len() >= 10 {
                    ctx_errors.extend(cx_errors);
                    break;
                }
                // Repair only where the error is at the token the parser stopped at (some
                // messages point back, e.g. at a `{` taken as a composite literal).
                let at_token = stream.get(at).is_some_and(|t| t.0 == err_offset);
                if !repeated && at_token {
                    if let Some((repaired, resume)) = repair(&stream, at, &msg, src.len()) {
                        stream = repaired;
                        last_repair = Some(Repair {
                            resume,
                            err_offset,
                            cx_errors,
                        });
                        continue;
                    }
                }
                (err_offset, cx_errors)
            }
        };
        ctx_errors.extend(cx_errors);
        let Some(j) = restart_point(src, &toks, from, err_offset) else {
            break;
        };
        from = j;
        let at = toks[j].0;
        // A fresh parse from the declaration, as a file of its own.
        stream = [
            (at, Tok::Package, at),
            (at, Tok::Ident("p"), at),
            (at, Tok::Semi, at),
        ]
        .into_iter()
        .chain(toks[j..].iter().copied())
        .collect();
    }
    let mut errors = ctx_errors;
    errors.extend(syntax_errors);
    for e in lexer.errors {
        errors.push(SyntaxError {
            pos: Pos(base + e.offset as u32),
            msg: e.msg,
        });
    }
    for (_, pos) in guards {
        errors.push(SyntaxError {
            pos,
            msg: "invalid AST: use of .(type) outside type switch".into(),
        });
    }
    ids.next = next_id;
    if errors.is_empty() {
        if let Some(f) = file {
            return Ok(f);
        }
    }
    errors.sort_by_key(|e| e.pos);
    // One error per line, as gc reports them.
    let mut out: Vec<SyntaxError> = Vec::new();
    for e in errors {
        if let Some(last) = out.last() {
            if line_of((last.pos.0 - base) as usize) == line_of((e.pos.0 - base) as usize) {
                continue;
            }
        }
        out.push(e);
    }
    Err(out)
}

/// Keywords that start a statement: inside a function, gc's parser stops skipping tokens at
/// them after a syntax error (its `stopset`).
fn is_stop(t: Tok) -> bool {
    matches!(
        t,
        Tok::Break
            | Tok::Const
            | Tok::Continue
            | Tok::Defer
            | Tok::Fallthrough
            | Tok::For
            | Tok::Go
            | Tok::Goto
            | Tok::If
            | Tok::Return
            | Tok::Select
            | Tok::Switch
            | Tok::Type
            | Tok::Var
    )
}

/// Whether the tokens so far end inside a function body (an unclosed block).
fn in_function(toks: &[Token]) -> bool {
    let mut opens = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        match t.1 {
            Tok::LBrace | Tok::LParen | Tok::LBrack => opens.push(i),
            Tok::RBrace | Tok::RParen | Tok::RBrack => {
                opens.pop();
            }
            _ => {}
        }
    }
    opens
        .iter()
        .any(|&o| toks[o].1 == Tok::LBrace && is_block_open(toks, o))
}

/// The repair of the token stream after the syntax error `msg` at token `at`: gc's parser
/// skips tokens there (`advance`: up to a token of a follow set or, inside a function, a
/// statement keyword) and goes on as if a bad expression, the end of the statement or the
/// list's closing token were there. Returns the repaired stream and the index of the first
/// token after the inserted ones, or None where this recovery does not apply.
fn repair<'a>(
    stream: &[Token<'a>],
    at: usize,
    msg: &str,
    src_len: usize,
) -> Option<(Vec<Token<'a>>, usize)> {
    let in_func = in_function(&stream[..at]);
    let skip = |follow: &[Tok]| {
        (at..stream.len())
            .find(|&i| follow.contains(&stream[i].1) || (in_func && is_stop(stream[i].1)))
            .unwrap_or(stream.len())
    };
    let next = |j: usize| stream.get(j).map(|t| t.1);
    let (j, insert) = if msg.ends_with("at end of statement") {
        if !in_func {
            return None;
        }
        // The statement list: skip to its next `;` (or `}`, `case`, `default`).
        let j = skip(&[Tok::Semi, Tok::RBrace, Tok::Case, Tok::Default]);
        match next(j) {
            Some(Tok::Semi | Tok::RBrace) | None => (j, None),
            _ => (j, Some(Tok::Semi)),
        }
    } else if msg.ends_with("expecting expression") || msg.ends_with("expecting operand") {
        // An operand: a bad expression, then skip to a closing bracket.
        (
            skip(&[Tok::RParen, Tok::RBrack, Tok::RBrace]),
            Some(Tok::Bad),
        )
    } else if msg.contains("; possibly missing ") {
        // A list (`f(a b)`, `T{a b}`, `func(a int b)`): skip to a closing bracket and close
        // the list there.
        let close = if msg.ends_with(')') {
            Tok::RParen
        } else if msg.ends_with('}') {
            Tok::RBrace
        } else {
            return None;
        };
        let j = skip(&[Tok::RParen, Tok::RBrack, Tok::RBrace]);
        if next(j) == Some(close) {
            (j, None)
        } else {
            (j, Some(close))
        }
    } else {
        return None;
    };
    if j == at && insert.is_none() {
        return None;
    }
    let off = stream.get(j).map_or(src_len, |t| t.0);
    let mut out = Vec::with_capacity(stream.len() + 1);
    out.extend_from_slice(&stream[..at]);
    out.extend(insert.map(|t| (off, t, off)));
    out.extend_from_slice(&stream[j..]);
    Some((out, at + insert.is_some() as usize))
}

type ParseError<'a> = lalrpop_util::ParseError<usize, Tok<'a>, LexError>;

/// The index of the first token after offset `after` (and after token `from`) that starts a
/// top-level declaration: `func`, `var`, `const`, `type` or `import` in column 1.
fn restart_point(
    src: &str,
    toks: &[(usize, Tok, usize)],
    from: usize,
    after: usize,
) -> Option<usize> {
    let b = src.as_bytes();
    (from + 1..toks.len()).find(|&i| {
        let (lo, t, _) = toks[i];
        lo > after
            && (lo == 0 || b[lo - 1] == b'\n')
            && matches!(
                t,
                Tok::Func | Tok::Var | Tok::Const | Tok::Type | Tok::Import
            )
    })
}

/// Turns the LR parser's failure into gc's wording: `syntax error: unexpected X, expecting Y`,
/// `... in argument list; possibly missing comma or )`, `... at end of statement`, ...
/// The context (which list, which statement header) is recovered from the tokens before the
/// offending one and from the set of tokens the parser would have accepted.
fn describe_error(
    src: &str,
    base: u32,
    toks: &[(usize, Tok, usize)],
    e: ParseError,
) -> SyntaxError {
    let (lo, hi, tok, expected) = match e {
        ParseError::UnrecognizedToken {
            token: (lo, tok, hi),
            expected,
        } => (lo, hi, Some(tok), expected),
        ParseError::UnrecognizedEof { expected, .. } => (src.len(), src.len(), None, expected),
        ParseError::ExtraToken {
            token: (lo, tok, hi),
        } => (lo, hi, Some(tok), vec![]),
        ParseError::InvalidToken { location } => (location, location, None, vec![]),
        ParseError::User { error } => {
            return SyntaxError {
                pos: Pos(base + error.offset as u32),
                msg: error.msg,
            };
        }
    };
    let pos = Pos(base + lo.min(src.len()) as u32);
    let what = match tok {
        Some(t) => t.describe(lo, hi, src.len()),
        None => "EOF".to_string(),
    };
    let exp: Vec<&str> = expected.iter().map(|s| s.trim_matches('"')).collect();
    let has = |s: &str| exp.contains(&s);
    let index = toks
        .iter()
        .position(|t| t.0 == lo && Some(t.1) == tok)
        .unwrap_or(toks.len());
    let before = &toks[..index];
    let prev = |n: usize| before.len().checked_sub(n).map(|i| before[i].1);
    let plain = |m: &str| SyntaxError {
        pos,
        msg: format!("syntax error: {}", m),
    };
    let unexpected = |suffix: &str| SyntaxError {
        pos,
        msg: format!("syntax error: unexpected {}{}", what, suffix),
    };

    // At the start of a top-level declaration.
    if has("func") && has("var") && has("const") && has("type") && !has("ident") && !has("if") {
        return match tok {
            Some(Tok::Import) => plain("imports must appear before other declarations"),
            Some(Tok::LBrace) => plain("unexpected semicolon or newline before {"),
            Some(_) => plain("non-declaration statement outside function body"),
            None => unexpected(""),
        };
    }
    if has("package") && exp.len() == 1 {
        return plain("package statement must be first");
    }
    if tok.is_none() {
        if has("}") {
            return unexpected(", expecting }");
        }
        if has(")") {
            return unexpected(", expecting )");
        }
    }
    if matches!(prev(1), Some(Tok::RParen))
        && before.len() >= 3
        && before[before.len() - 2].1 == Tok::LParen
        && before[before.len() - 3].1 == Tok::Func
        && depth_zero(before)
        && !matches!(tok, Some(Tok::Ident(_)))
    {
        return SyntaxError {
            pos,
            msg: "method has no receiver".into(),
        };
    }
    match prev(1) {
        Some(Tok::Period) if !matches!(tok, Some(Tok::Ident(_) | Tok::LParen)) => {
            return unexpected(", expecting name or (");
        }
        Some(Tok::Func)
            if depth_zero(before) && !matches!(tok, Some(Tok::Ident(_) | Tok::LParen)) =>
        {
            return unexpected(", expecting name or (");
        }
        Some(Tok::Func) if !depth_zero(before) && tok != Some(Tok::LParen) => {
            return unexpected(", expecting (");
        }
        Some(Tok::Const | Tok::Var | Tok::Type)
            if !matches!(tok, Some(Tok::Ident(_) | Tok::LParen)) =>
        {
            return unexpected(", expecting name");
        }
        Some(Tok::LBrack) if tok == Some(Tok::RBrack) => return unexpected(", expecting operand"),
        Some(Tok::Else) => return plain("else must be followed by if or statement block"),
        Some(Tok::Import) if tok != Some(Tok::LParen) => {
            return match tok {
                Some(Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Rune(_)) => {
                    plain("import path must be a string")
                }
                _ => plain("missing import path"),
            }
        }
        Some(Tok::Chan) if !is_type_start(tok) => return plain("missing channel element type"),
        Some(Tok::Arrow) if prev(2) == Some(Tok::Chan) && !is_type_start(tok) => {
            return plain("missing channel element type")
        }
        Some(Tok::Ident(_))
            if prev(2) == Some(Tok::Type) && !is_type_start(tok) && tok != Some(Tok::Assign) =>
        {
            return unexpected(" in type declaration")
        }
        Some(Tok::Ellipsis) if !is_type_start(tok) && has("(") => {
            return plain("... is missing type");
        }
        _ => {}
    }

    // Between top-level declarations (`func f() )`, `var x int 2`).
    if depth_zero(before) && has(";") && tok.is_some() && !has("=") {
        return unexpected(" after top level declaration");
    }

    // Statement headers.
    if let Some((kw, after_semi)) = header_context(before) {
        if tok == Some(Tok::Var) {
            return plain(&format!(
                "var declaration not allowed in {} initializer",
                kw
            ));
        }
        let keyword_just_before = matches!(prev(1), Some(Tok::If | Tok::For | Tok::Switch));
        if keyword_just_before && tok != Some(Tok::LBrace) && tok != Some(Tok::Semi) {
            return unexpected(", expecting expression");
        }
        if prev(1) == Some(Tok::Semi)
            && before[before.len() - 1].0 != before[before.len() - 1].2
            && tok != Some(Tok::LBrace)
            && tok != Some(Tok::Semi)
        {
            return unexpected(", expecting expression");
        }
        if has("{") && tok != Some(Tok::LBrace) {
            return match (kw, after_semi) {
                (_, false) => unexpected(", expecting {"),
                ("switch", true) => plain("missing { after switch clause"),
                (_, true) => unexpected(&format!(", expecting {{ after {} clause", kw)),
            };
        }
        if kw == "for" && tok == Some(Tok::LBrace) && prev(1) == Some(Tok::Semi) {
            return unexpected(", expecting for loop condition");
        }
        if prev(1) == Some(Tok::Semi) && tok != Some(Tok::LBrace) && tok != Some(Tok::Semi) {
            return unexpected(", expecting expression");
        }
    }

    // A `{` after a literal or a call was taken as a composite literal; gc stops before it.
    if let Some(open) = enclosing_open(before) {
        let t = before[open].1;
        let after_value = open > 0
            && matches!(
                before[open - 1].1,
                Tok::Int(_)
                    | Tok::Float(_)
                    | Tok::Imag(_)
                    | Tok::Rune(_)
                    | Tok::Str(_)
                    | Tok::RParen
            );
        if t == Tok::LBrace && after_value && !is_block_open(before, open) {
            let at = Pos(base + before[open].0 as u32);
            let outer = enclosing_open(&before[..open]);
            let in_block = outer.map_or(true, |o| {
                before[o].1 == Tok::LBrace && is_block_open(before, o)
            });
            let msg = match enclosing_list(&before[..open]) {
                Some((context, sep, close)) if sep == "," && !in_block => {
                    format!(
                        "syntax error: unexpected {{ in {}; possibly missing comma or {}",
                        context, close
                    )
                }
                _ => "syntax error: unexpected { at end of statement".to_string(),
            };
            return SyntaxError { pos: at, msg };
        }
    }

    // Lists: `f(a b)`, `T{a b}`, `struct{ a int b }`, `var ( a int b )`.
    let list = enclosing_list(before);
    if let Some((context, sep, close)) = list {
        // In a block, `;` is expected too: that is the end of a statement, not a list.
        let block = enclosing_open(before)
            .is_some_and(|o| before[o].1 == Tok::LBrace && is_block_open(before, o));
        if has(sep) && has(close) && !(sep == "," && (has(";") || block)) {
            let sep = if sep == ";" {
                "semicolon or newline"
            } else {
                "comma"
            };
            return unexpected(&format!(
                " in {}; possibly missing {} or {}",
                context, sep, close
            ));
        }
    }
    if has(";") && !has("ident") && !has("int") && !has(")") && !has("]") {
        return if depth_zero(before) {
            unexpected(" after top level declaration")
        } else {
            unexpected(" at end of statement")
        };
    }
    if has("=") && has(":=") && has(",") && !has(";") && !has(":") {
        return unexpected(", expecting := or = or comma");
    }
    if matches!(tok, Some(Tok::Case | Tok::Default)) && has("}") && !has("case") {
        return unexpected(", expecting }");
    }
    if let Some(o) = enclosing_open(before) {
        if before[o].1 == Tok::LParen && enclosing_list(before).is_none() && has(")") {
            return unexpected(", expecting )");
        }
    }
    if exp.len() == 1 && matches!(exp[0], "(" | "[" | "]" | ")" | "{" | ":" | "=") {
        return unexpected(&format!(", expecting {}", exp[0]));
    }
    if has("case") && has("default") {
        return unexpected(", expecting case or default or }");
    }
    if has("}") && has("for") && has("if") {
        return unexpected(", expecting }");
    }
    if has(":") && has("]") && enclosing_open(before).is_some_and(|i| before[i].1 == Tok::LBrack) {
        return unexpected(", expecting comma, : or ]");
    }
    let suffix = if has(",") && has("]") && !has("ident") {
        ", expecting comma, : or ]"
    } else if has(":") && has(",") && !has(";") && !has("ident") && !has("case") {
        ", expecting :"
    } else if has(":") && exp.len() <= 3 {
        ", expecting :"
    } else if has(")") && has("ident") && has("...") {
        ", expecting )"
    } else if has("ident") && exp.len() == 1 && prev(1) == Some(Tok::RParen) {
        ", expecting name or ("
    } else if has("(") && has("ident") && exp.len() <= 3 {
        ", expecting name or ("
    } else if has("ident") && exp.len() == 1 {
        ", expecting name"
    } else if has(")") && exp.len() <= 2 {
        ", expecting )"
    } else if has("]") && exp.len() <= 2 {
        ", expecting ]"
    } else if has("{") && exp.len() <= 2 {
        ", expecting {"
    } else if has("=") && exp.len() == 1 {
        ", expecting ="
    } else if has("chan") && exp.len() == 1 {
        ", expecting chan"
    } else if has("int") && has("ident") && has("(") {
        ", expecting expression"
    } else if has("ident") && has("*") && has("chan") {
        ", expecting type"
    } else if has("case") && has("default") {
        ", expecting case or default or }"
    } else {
        ""
    };
    unexpected(suffix)
}

/// Whether the `{` at `open` starts a block (a function body or a statement's block) rather
/// than a composite literal: looking back over its line, a `func`, a statement keyword, or a
/// statement boundary right before it.
fn is_block_open(toks: &[(usize, Tok, usize)], open: usize) -> bool {
    if open == 0 {
        return true;
    }
    if matches!(
        toks[open - 1].1,
        Tok::Semi | Tok::LBrace | Tok::RBrace | Tok::Colon | Tok::Else | Tok::Select
    ) {
        return true;
    }
    let mut d = 0i32;
    for i in (0..open).rev() {
        match toks[i].1 {
            Tok::RBrace | Tok::RParen | Tok::RBrack => d += 1,
            Tok::LBrace | Tok::LParen | Tok::LBrack => {
                if d == 0 {
                    return false;
                }
                d -= 1;
            }
            Tok::Semi if d == 0 => return false,
            Tok::Func | Tok::If | Tok::For | Tok::Switch if d == 0 => return true,
            _ => {}
        }
    }
    false
}

/// Index of the innermost unclosed bracket.
fn enclosing_open(toks: &[(usize, Tok, usize)]) -> Option<usize> {
    let mut d = 0i32;
    for i in (0..toks.len()).rev() {
        match toks[i].1 {
            Tok::RBrace | Tok::RParen | Tok::RBrack => d += 1,
            Tok::LBrace | Tok::LParen | Tok::LBrack => {
                if d == 0 {
                    return Some(i);
                }
                d -= 1;
            }
            _ => {}
        }
    }
    None
}

/// Whether a token can start a type.
fn is_type_start(t: Option<Tok>) -> bool {
    matches!(
        t,
        Some(
            Tok::Ident(_)
                | Tok::LBrack
                | Tok::Struct
                | Tok::Mul
                | Tok::Func
                | Tok::Interface
                | Tok::Map
                | Tok::Chan
                | Tok::Arrow
                | Tok::LParen
        )
    )
}

/// The innermost unclosed bracket before the error, as gc's list context: (name, separator,
/// closing token).
fn enclosing_list(
    toks: &[(usize, Tok, usize)],
) -> Option<(&'static str, &'static str, &'static str)> {
    let mut d = 0i32;
    for i in (0..toks.len()).rev() {
        match toks[i].1 {
            Tok::RBrace | Tok::RParen | Tok::RBrack => d += 1,
            Tok::LBrace | Tok::LParen | Tok::LBrack => {
                if d > 0 {
                    d -= 1;
                    continue;
                }
                let prev = if i > 0 { Some(toks[i - 1].1) } else { None };
                return match (toks[i].1, prev) {
                    (Tok::LBrace, Some(Tok::Struct)) => Some(("struct type", ";", "}")),
                    (Tok::LBrace, Some(Tok::Interface)) => Some(("interface type", ";", "}")),
                    (Tok::LBrace, _) => Some(("composite literal", ",", "}")),
                    (Tok::LParen, Some(Tok::Import | Tok::Var | Tok::Const | Tok::Type)) => {
                        Some(("grouped declaration", ";", ")"))
                    }
                    (Tok::LParen, Some(Tok::Func)) => Some(("parameter list", ",", ")")),
                    (Tok::LParen, Some(Tok::Ident(_))) if i >= 2 && toks[i - 2].1 == Tok::Func => {
                        Some(("parameter list", ",", ")"))
                    }
                    (Tok::LParen, Some(Tok::RParen | Tok::Ident(_)))
                        if after_signature(&toks[..i]) =>
                    {
                        Some(("parameter list", ",", ")"))
                    }
                    (
                        Tok::LParen,
                        Some(
                            Tok::Ident(_)
                            | Tok::RParen
                            | Tok::RBrack
                            | Tok::RBrace
                            | Tok::Str(_)
                            | Tok::Int(_)
                            | Tok::Float(_)
                            | Tok::Imag(_)
                            | Tok::Rune(_),
                        ),
                    ) => Some(("argument list", ",", ")")),
                    _ => None,
                };
            }
            _ => {}
        }
    }
    None
}

/// Whether `toks` ends with `func (params)` or `func name(params)` or `func (recv) name`: the
/// next `(` opens parameters or results rather than call arguments.
fn after_signature(toks: &[(usize, Tok, usize)]) -> bool {
    let n = toks.len();
    let mut i = n;
    if i > 0 && matches!(toks[i - 1].1, Tok::Ident(_)) {
        // `func (r T) Name(`
        i -= 1;
    }
    if i == 0 || toks[i - 1].1 != Tok::RParen {
        return false;
    }
    // Find the matching `(`.
    let mut d = 0;
    let mut j = i;
    while j > 0 {
        j -= 1;
        match toks[j].1 {
            Tok::RParen => d += 1,
            Tok::LParen => {
                d -= 1;
                if d == 0 {
                    break;
                }
            }
            _ => {}
        }
    }
    if d != 0 {
        return false;
    }
    match j.checked_sub(1).map(|k| toks[k].1) {
        Some(Tok::Func) => true,
        Some(Tok::Ident(_)) => j >= 2 && toks[j - 2].1 == Tok::Func,
        _ => false,
    }
}

/// Whether the tokens so far leave no brace open (we are between top-level declarations).
fn depth_zero(toks: &[(usize, Tok, usize)]) -> bool {
    let mut d = 0i32;
    for t in toks {
        match t.1 {
            Tok::LBrace | Tok::LParen | Tok::LBrack => d += 1,
            Tok::RBrace | Tok::RParen | Tok::RBrack => d -= 1,
            _ => {}
        }
    }
    d <= 0
}

/// If the tokens so far end inside an `if`/`for`/`switch` header: its keyword, and whether an
/// explicit `;` (the end of the init statement) was seen in it. Headers do not span lines, so
/// the search stops at an automatically inserted semicolon.
fn header_context(toks: &[(usize, Tok, usize)]) -> Option<(&'static str, bool)> {
    let mut d = 0i32;
    let mut semi = false;
    for (k, t) in toks.iter().rev().enumerate() {
        match t.1 {
            Tok::RBrace | Tok::RParen | Tok::RBrack => d += 1,
            Tok::LBrace | Tok::LParen | Tok::LBrack => {
                if d == 0 {
                    return None;
                }
                d -= 1;
            }
            Tok::Semi if d == 0 => {
                // A newline right before the error may still be in the header (`for x` NL `{`).
                let after_block = toks.len() >= k + 2 && toks[toks.len() - k - 2].1 == Tok::RBrace;
                if t.0 == t.2 && (k > 0 || after_block) {
                    return None;
                }
                semi = true;
            }
            Tok::If if d == 0 => return Some(("if", semi)),
            Tok::For if d == 0 => return Some(("for", semi)),
            Tok::Switch if d == 0 => return Some(("switch", semi)),
            _ => {}
        }
    }
    None
}
