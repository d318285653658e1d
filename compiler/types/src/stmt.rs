//! Statements and function bodies: blocks and scopes, assignments and short variable
//! declarations, control flow (with break/continue context), switches, select, range,
//! returns, and the unused-variable report.

use crate::check::{Checker, OMode, Operand};
use crate::table::{basic, INVALID};
use crate::{BasicKind, ObjId, ObjKind, Type, TypeId};
use gorc_syntax::ast::{self, AssignOp, Block, Expr, ExprKind, Stmt, StmtKind};
use gorc_syntax::Pos;

#[derive(Clone, Copy, Default)]
pub(crate) struct StmtCtx {
    pub break_ok: bool,
    pub continue_ok: bool,
    pub fallthrough_ok: bool,
    pub final_switch_case: bool,
}

impl<'a> Checker<'a> {
    /// Checks a function body: params and results are declared in a new function scope.
    pub(crate) fn func_body(
        &mut self,
        _ft: &'a ast::FuncType,
        params: Vec<ObjId>,
        results: Vec<ObjId>,
        body: &'a Block,
    ) {
        let saved_scope = self.cur_scope;
        let fs = self.scopes.new_scope(Some(saved_scope));
        self.cur_scope = fs;
        for &o in params.iter().chain(&results) {
            let name = self.obj(o).name.clone();
            if name.is_empty() || name == "_" {
                continue;
            }
            if let Some(prev) = self
                .scopes
                .insert(fs, &name, o)
                .filter(|_| !self.dup_params.contains(&o))
            {
                let pos = self.obj(o).pos;
                let id = ast::Ident {
                    id: Default::default(),
                    pos,
                    name: name.clone(),
                };
                self.redeclared(&id, prev);
            }
        }
        let first_local = self.objs.len();
        self.stmt_list(StmtCtx::default(), &body.stmts);
        self.labels(body);
        self.goto_checks(body);
        let sig = self.fctx.as_ref().unwrap().sig;
        let has_results = self.tt.sig(sig).map_or(false, |s| !s.results.is_empty());
        if has_results && !self.is_terminating_list(&body.stmts, "") {
            self.error(body.rbrace, "missing return");
        }
        self.cur_scope = saved_scope;
        // unused variables declared in this function (not in nested literals: they report
        // their own)
        let fid = self.fctx.as_ref().unwrap().id;
        let mut unused = vec![];
        for i in first_local..self.objs.len() {
            let o = ObjId(i as u32);
            if let ObjKind::Var(v) = &self.obj(o).kind {
                if !v.param
                    && !v.global
                    && !v.field
                    && self.var_owner.get(&o) == Some(&fid)
                    && !self.used.contains(&o)
                {
                    let ob = self.obj(o);
                    if ob.name != "_" && !ob.name.is_empty() && self.local_vars.contains(&o) {
                        unused.push((ob.pos, ob.name.clone()));
                    }
                }
            }
        }
        unused.sort();
        for (p, n) in unused {
            self.soft_error(p, format!("{} declared but not used", n));
        }
    }

    fn open_scope(&mut self) -> ScopeGuard {
        let s = self.scopes.new_scope(Some(self.cur_scope));
        let g = ScopeGuard(self.cur_scope);
        self.cur_scope = s;
        g
    }
    fn close_scope(&mut self, g: ScopeGuard) {
        self.cur_scope = g.0;
    }

    pub(crate) fn stmt_list(&mut self, ctx: StmtCtx, stmts: &'a [Stmt]) {
        let inner = StmtCtx {
            fallthrough_ok: false,
            final_switch_case: false,
            ..ctx
        };
        let n = stmts.len();
        // trailing empty statements don't count
        let mut last = n;
        while last > 0 && matches!(stmts[last - 1].kind, StmtKind::Empty) {
            last -= 1;
        }
        for (i, s) in stmts.iter().enumerate() {
            let c = if ctx.fallthrough_ok && i + 1 == last {
                StmtCtx {
                    fallthrough_ok: true,
                    ..inner
                }
            } else {
                inner
            };
            let c = StmtCtx {
                final_switch_case: ctx.final_switch_case,
                ..c
            };
            self.stmt(c, s);
        }
    }

    fn simple_stmt(&mut self, s: Option<&'a Stmt>) {
        if let Some(s) = s {
            self.stmt(StmtCtx::default(), s);
        }
    }

    pub(crate) fn stmt(&mut self, ctx: StmtCtx, s: &'a Stmt) {
        // fallthrough is only valid directly in a case clause, not in nested blocks
        let nested = StmtCtx {
            fallthrough_ok: false,
            final_switch_case: false,
            ..ctx
        };
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Decl(d) => self.local_decl(d),
            StmtKind::Labeled(_, inner) => self.stmt(ctx, inner),
            StmtKind::Expr(e) => {
                let mut x = self.raw_expr(e, None);
                let msg = match &x.mode {
                    OMode::Invalid => return,
                    OMode::Builtin(_) => "must be called",
                    OMode::Type => "is not an expression",
                    _ => {
                        if self.stmt_kind(e) == ExprKind_::Statement {
                            if self.tt.is_untyped(x.ty) {
                                self.assignment(&mut x, None, "expression statement");
                            }
                            return;
                        }
                        "is not used"
                    }
                };
                let st = self.op_string(&x);
                self.error(x.pos(), format!("{} {}", st, msg));
            }
            StmtKind::Send(ch, v) => {
                let c = self.expr(ch);
                let mut x = self.expr(v);
                if c.is_invalid() || x.is_invalid() {
                    return;
                }
                match self.tt.chan_dir(c.ty) {
                    None => {
                        let s = self.op_string(&c);
                        self.error(
                            s_pos(s_start(ch)),
                            format!("invalid operation: cannot send to non-channel {}", s),
                        );
                    }
                    Some((crate::ChanDir::Recv, _)) => {
                        let s = self.op_string(&c);
                        self.error(
                            s_start(ch),
                            format!(
                                "invalid operation: cannot send to receive-only channel {}",
                                s
                            ),
                        );
                    }
                    Some((_, el)) => {
                        self.assignment(&mut x, Some(el), "send");
                    }
                }
            }
            StmtKind::IncDec(e, inc) => {
                let x = self.expr(e);
                if x.is_invalid() {
                    return;
                }
                if !self.tt.is_numeric(x.ty) {
                    let s = self.op_string(&x);
                    let op = if *inc { "++" } else { "--" };
                    self.error(
                        x.pos(),
                        format!(
                            "invalid operation: {}{} (non-numeric type {})",
                            crate::exprstr::expr_string(e),
                            op,
                            self.ts(x.ty)
                        ),
                    );
                    let _ = s;
                    return;
                }
                let mut one = Operand {
                    mode: OMode::Const(crate::ConstValue::int(1)),
                    ty: basic(BasicKind::UntypedInt),
                    expr: None,
                };
                self.check_assignable_lhs(e, &x);
                self.assignment(&mut one, Some(x.ty), "assignment");
            }
            StmtKind::Assign { lhs, op, rhs } => match op {
                AssignOp::Plain => {
                    self.assign_vars(lhs, rhs);
                }
                AssignOp::Op(bop) => {
                    if lhs.len() != 1 || rhs.len() != 1 {
                        self.error(
                            s.pos,
                            format!(
                                "assignment operation {}= requires single-valued expressions",
                                bop.as_str()
                            ),
                        );
                        return;
                    }
                    let mut x = self.binary(None, *bop, &lhs[0], &rhs[0]);
                    if x.is_invalid() {
                        return;
                    }
                    let z = self.info.types.get(&lhs[0].id).cloned();
                    if let Some(z) = z {
                        if !matches!(z.mode, crate::Mode::Variable | crate::Mode::MapIndex) {
                            let s = crate::exprstr::expr_string(&lhs[0]);
                            self.error(s_start(&lhs[0]), format!("cannot assign to {}", s));
                            return;
                        }
                        self.assignment(&mut x, Some(z.ty), "assignment");
                    }
                }
            },
            StmtKind::Define { lhs, rhs } => self.short_var_decl(s.pos, lhs, rhs),
            StmtKind::Go(e) | StmtKind::Defer(e) => {
                let kw = if matches!(s.kind, StmtKind::Go(_)) {
                    "go"
                } else {
                    "defer"
                };
                let ue = crate::expr::unparen(e);
                if !matches!(ue.kind, ExprKind::Call { .. }) {
                    self.error(
                        s_start(e),
                        format!("expression in {} must be function call", kw),
                    );
                    // gc then checks the operand as if it were called without arguments.
                    let f = self.raw_expr(e, None);
                    if matches!(f.mode, OMode::Variable | OMode::Value | OMode::MapIndex)
                        && self.tt.sig(f.ty).is_none()
                    {
                        let s = self.op_string(&f);
                        self.error(
                            f.pos(),
                            format!("invalid operation: cannot call non-function {}", s),
                        );
                    }
                    return;
                }
                let mut x = self.raw_expr(e, None);
                if x.mode == OMode::Invalid {
                    return;
                }
                let msg = match self.stmt_kind(e) {
                    ExprKind_::Conversion => "requires function call, not conversion",
                    ExprKind_::Expression => "discards result of",
                    ExprKind_::Statement => {
                        if self.tt.is_untyped(x.ty) {
                            self.assignment(&mut x, None, kw);
                        }
                        return;
                    }
                };
                let xs = self.op_string(&x);
                self.error(x.pos(), format!("{} {} {}", kw, msg, xs));
            }
            StmtKind::Return(results) => self.return_stmt(s.pos, results),
            StmtKind::Break(label) => {
                if label.is_none() && !ctx.break_ok {
                    self.error(s.pos, "break is not in a loop, switch, or select");
                }
            }
            StmtKind::Continue(label) => {
                if label.is_none() && !ctx.continue_ok {
                    self.error(s.pos, "continue is not in a loop");
                }
            }
            StmtKind::Goto(_) => {}
            StmtKind::Fallthrough => {
                if !ctx.fallthrough_ok {
                    let msg = if ctx.final_switch_case {
                        "cannot fallthrough final case in switch"
                    } else {
                        "fallthrough statement out of place"
                    };
                    self.error(s.pos, msg);
                }
            }
            StmtKind::Block(b) => {
                let g = self.open_scope();
                self.stmt_list(nested, &b.stmts);
                self.close_scope(g);
            }
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                let g = self.open_scope();
                self.simple_stmt(init.as_deref());
                let mut x = self.expr(cond);
                if !x.is_invalid() && !self.tt.is_boolean(x.ty) {
                    let cs = crate::exprstr::expr_string(cond);
                    self.error(
                        s_start(cond),
                        format!("non-boolean condition in if statement"),
                    );
                    let _ = cs;
                } else if !x.is_invalid() {
                    self.assignment(&mut x, None, "if statement");
                }
                let g2 = self.open_scope();
                self.stmt_list(nested, &then.stmts);
                self.close_scope(g2);
                if let Some(e) = els {
                    self.stmt(nested, e);
                }
                self.close_scope(g);
            }
            StmtKind::Switch {
                init, tag, body, ..
            } => {
                let g = self.open_scope();
                self.simple_stmt(init.as_deref());
                let mut x = match tag {
                    Some(t) => {
                        let mut x = self.expr(t);
                        self.assignment(&mut x, None, "switch expression");
                        if !x.is_invalid() && !self.tt.comparable(x.ty) && !self.tt.has_nil(x.ty) {
                            let s = self.op_string(&x);
                            self.error(x.pos(), format!("cannot switch on {}", s));
                            x.mode = OMode::Invalid;
                        }
                        x
                    }
                    None => Operand {
                        mode: OMode::Const(crate::ConstValue::Bool(true)),
                        ty: basic(BasicKind::Bool),
                        expr: None,
                    },
                };
                let mut seen_default = false;
                let mut seen_consts = vec![];
                let n = body.len();
                for (i, c) in body.iter().enumerate() {
                    match &c.exprs {
                        None => {
                            if seen_default {
                                self.error(c.pos, "multiple defaults in switch");
                            }
                            seen_default = true;
                        }
                        Some(es) => {
                            for e in es {
                                self.case_value(&mut x, e, tag.is_some(), &mut seen_consts);
                            }
                        }
                    }
                    let g2 = self.open_scope();
                    let inner = StmtCtx {
                        break_ok: true,
                        continue_ok: ctx.continue_ok,
                        fallthrough_ok: i + 1 < n,
                        final_switch_case: i + 1 == n,
                    };
                    self.stmt_list(inner, &c.body);
                    self.close_scope(g2);
                }
                self.close_scope(g);
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                body,
                ..
            } => self.type_switch(ctx, init.as_deref(), bind.as_ref(), x, body),
            StmtKind::Select { body, .. } => {
                let mut seen_default = false;
                for c in body {
                    let g = self.open_scope();
                    match &c.comm {
                        None => {
                            if seen_default {
                                self.error(c.pos, "multiple defaults in select");
                            }
                            seen_default = true;
                        }
                        Some(st) => {
                            let ok = match &st.kind {
                                StmtKind::Send(..) => true,
                                StmtKind::Expr(e) => is_recv(e),
                                StmtKind::Assign {
                                    rhs,
                                    op: AssignOp::Plain,
                                    ..
                                } => rhs.len() == 1 && is_recv(&rhs[0]),
                                StmtKind::Define { rhs, .. } => rhs.len() == 1 && is_recv(&rhs[0]),
                                _ => false,
                            };
                            if !ok {
                                self.error(
                                    st.pos,
                                    "select case must be receive, send or assign recv",
                                );
                            } else {
                                self.stmt(StmtCtx::default(), st);
                            }
                        }
                    }
                    let inner = StmtCtx {
                        break_ok: true,
                        continue_ok: ctx.continue_ok,
                        ..Default::default()
                    };
                    self.stmt_list(inner, &c.body);
                    self.close_scope(g);
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                let g = self.open_scope();
                self.simple_stmt(init.as_deref());
                if let Some(c) = cond {
                    let mut x = self.expr(c);
                    if !x.is_invalid() && !self.tt.is_boolean(x.ty) {
                        self.error(s_start(c), "non-boolean condition in for statement");
                    } else if !x.is_invalid() {
                        self.assignment(&mut x, None, "for statement");
                    }
                }
                if let Some(p) = post {
                    if let StmtKind::Define { .. } = p.kind {
                        self.error(p.pos, "cannot declare in post statement of for loop");
                    }
                    self.simple_stmt(Some(p));
                }
                let inner = StmtCtx {
                    break_ok: true,
                    continue_ok: true,
                    ..Default::default()
                };
                let g2 = self.open_scope();
                self.stmt_list(inner, &body.stmts);
                self.close_scope(g2);
                self.close_scope(g);
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => {
                self.range_stmt(s, key.as_ref(), value.as_ref(), *define, x, body);
            }
        }
    }

    fn check_assignable_lhs(&mut self, e: &'a Expr, x: &Operand<'a>) {
        if !matches!(x.mode, OMode::Variable | OMode::MapIndex) {
            let s = self.op_string(x);
            self.error(x.pos(), format!("cannot assign to {}", s));
            let _ = e;
        }
    }

    fn case_value(
        &mut self,
        x: &mut Operand<'a>,
        e: &'a Expr,
        has_tag: bool,
        seen: &mut Vec<(crate::ConstValue, TypeId, Pos)>,
    ) {
        let mut y = self.expr(e);
        if x.is_invalid() || y.is_invalid() {
            return;
        }
        if !has_tag {
            // switch { case cond: } compares against true; an interface holding a bool
            // compares too (`case i:` with i interface{}).
            let empty_iface = self.tt.is_interface(y.ty)
                && matches!(self.tt.get(self.tt.underlying(y.ty)), crate::Type::Interface(ms) if ms.is_empty());
            if empty_iface {
                return;
            }
            if !self.tt.is_boolean(y.ty) {
                let s = self.op_string(&y);
                self.error(
                    y.pos(),
                    format!(
                        "invalid case {} in switch on true (mismatched types {} and bool)",
                        crate::exprstr::expr_string(e),
                        self.ts(y.ty)
                    ),
                );
                let _ = s;
                return;
            }
            self.assignment(&mut y, Some(basic(BasicKind::Bool)), "switch case");
            return;
        }
        let mut xx = x.clone();
        self.convert_untyped(&mut y, xx.ty);
        if y.is_invalid() {
            return;
        }
        let mut yy = y.clone();
        self.comparison(&mut yy, &mut xx, ast::BinaryOp::Eq, true);
        if yy.is_invalid() {
            return;
        }
        if let Some(v) = y.val() {
            if let Some((_, _, p)) = seen.iter().find(|(w, t, _)| w == v && *t == y.ty) {
                let m = format!(
                    "duplicate case {} in expression switch\n\t{}: previous case",
                    self.op_string(&y),
                    self.fmt_pos(*p)
                );
                self.error(y.pos(), m);
                return;
            }
            seen.push((v.clone(), y.ty, y.pos()));
        }
    }

    fn type_switch(
        &mut self,
        _ctx: StmtCtx,
        init: Option<&'a Stmt>,
        bind: Option<&'a ast::Ident>,
        xe: &'a Expr,
        body: &'a [ast::TypeCaseClause],
    ) {
        let g = self.open_scope();
        self.simple_stmt(init);
        let x = self.expr(xe);
        // like go/types, the clauses are checked even when x is not an interface
        let x_ok = !x.is_invalid() && self.tt.is_interface(x.ty);
        if !x.is_invalid() && !x_ok {
            let s = self.op_string(&x);
            self.error(x.pos(), format!("{} is not an interface", s));
        }
        if let Some(b) = bind {
            if b.is_blank() {
                self.error(b.pos, "no new variable on left side of :=");
            }
        }
        let mut any_used = false;
        let mut bound = vec![];
        let mut seen_types: Vec<(TypeId, Pos)> = vec![];
        let mut seen_default = false;
        for c in body {
            let mut single: Option<TypeId> = None;
            match &c.types {
                None => {
                    if seen_default {
                        self.error(c.pos, "multiple defaults in switch");
                    }
                    seen_default = true;
                }
                Some(ts) => {
                    for te in ts {
                        if let ExprKind::Ident(n) = &te.kind {
                            if n == "nil" {
                                if let Some((o, _)) = self.scopes.lookup(self.cur_scope, "nil") {
                                    if matches!(self.obj(o).kind, ObjKind::Nil) {
                                        self.record_use(te.id, o);
                                        self.record(te, &OMode::Value, self.untyped_nil());
                                        let nil = self.untyped_nil();
                                        self.dup_type_case(&mut seen_types, nil, te);
                                        single = if ts.len() == 1 {
                                            Some(self.untyped_nil())
                                        } else {
                                            None
                                        };
                                        continue;
                                    }
                                }
                            }
                        }
                        let t = self.typ(te);
                        if t != INVALID && x_ok {
                            self.type_assertion(te, &x, t, true);
                            self.dup_type_case(&mut seen_types, t, te);
                        }
                        if ts.len() == 1 {
                            single = Some(t);
                        }
                    }
                }
            }
            let g2 = self.open_scope();
            if let Some(b) = bind {
                let t = match single {
                    Some(t) if t != self.untyped_nil() => t,
                    _ => x.ty,
                };
                let o = self.new_var(&b.name, b.pos, t, false);
                self.local_vars.insert(o);
                if !b.is_blank() {
                    self.scopes.insert(self.cur_scope, &b.name, o);
                }
                self.info.implicits.insert(c.implicit, o);
                bound.push(o);
            }
            let inner = StmtCtx {
                break_ok: true,
                continue_ok: _ctx.continue_ok,
                ..Default::default()
            };
            self.stmt_list(inner, &c.body);
            if let Some(&o) = bound.last() {
                if self.used.contains(&o) {
                    any_used = true;
                }
                // the clause variables are reported together, at the binding
                self.used.insert(o);
            }
            self.close_scope(g2);
        }
        if let Some(b) = bind {
            let o = self.new_var(&b.name, b.pos, x.ty, false);
            self.record_def(b, o);
            if !any_used && !b.is_blank() {
                self.soft_error(b.pos, format!("{} declared but not used", b.name));
            }
        }
        self.close_scope(g);
    }

    fn dup_type_case(&mut self, seen: &mut Vec<(TypeId, Pos)>, t: TypeId, te: &Expr) {
        let p = s_start(te);
        if let Some(&(_, prev)) = seen.iter().find(|(u, _)| *u == t) {
            let name = if t == self.untyped_nil() {
                "nil".to_string()
            } else {
                self.ts(t)
            };
            let m = format!(
                "duplicate case {} in type switch\n\t{}: previous case",
                name,
                self.fmt_pos(prev)
            );
            self.error(p, m);
        } else {
            seen.push((t, p));
        }
    }

    fn range_stmt(
        &mut self,
        s: &'a Stmt,
        key: Option<&'a Expr>,
        value: Option<&'a Expr>,
        define: bool,
        xe: &'a Expr,
        body: &'a Block,
    ) {
        let g = self.open_scope();
        let mut x = self.expr(xe);
        let mut kt = INVALID;
        let mut vt = INVALID;
        let mut ok = !x.is_invalid();
        if ok {
            if self.tt.is_untyped(x.ty) && self.tt.is_string(x.ty) {
                self.convert_untyped(&mut x, basic(BasicKind::String));
            }
            let mut u = self.tt.underlying(x.ty);
            if let Some(p) = self.tt.pointer_elem(u) {
                if matches!(self.tt.get(self.tt.underlying(p)), Type::Array(..)) {
                    u = self.tt.underlying(p);
                }
            }
            match self.tt.get(u).clone() {
                Type::Basic(k) if k.is_string() => {
                    kt = basic(BasicKind::Int);
                    vt = basic(BasicKind::Int32);
                }
                Type::Array(_, e) | Type::Slice(e) => {
                    kt = basic(BasicKind::Int);
                    vt = e;
                }
                Type::Map(k, v) => {
                    kt = k;
                    vt = v;
                }
                Type::Chan(d, e) => {
                    kt = e;
                    if d == crate::ChanDir::Send {
                        let s = self.op_string(&x);
                        self.error(
                            x.pos(),
                            format!(
                                "invalid operation: range {} receive from send-only channel",
                                s
                            ),
                        );
                        ok = false;
                    }
                    if let Some(v) = value {
                        self.error(
                            s_start(v),
                            format!(
                                "range over {} permits only one iteration variable",
                                self.op_string(&x)
                            ),
                        );
                        ok = false;
                    }
                }
                _ => {
                    let s = self.op_string(&x);
                    self.error(x.pos(), format!("cannot range over {}", s));
                    ok = false;
                }
            }
        }
        let lhs = [key, value];
        let rhs = [kt, vt];
        if define {
            let mut vars = vec![];
            for (l, t) in lhs.iter().zip(rhs) {
                let Some(l) = l else { continue };
                let ExprKind::Ident(n) = &l.kind else {
                    self.error(
                        l.pos,
                        format!(
                            "non-name {} on left side of :=",
                            crate::exprstr::expr_string(l)
                        ),
                    );
                    continue;
                };
                let t = if ok { t } else { INVALID };
                let o = self.new_var(n, l.pos, t, false);
                self.local_vars.insert(o);
                self.info.defs.insert(l.id, o);
                if !ok {
                    // no follow-on "declared but not used" errors
                    self.used.insert(o);
                }
                if ok && t != INVALID {
                    self.record(l, &OMode::Variable, t);
                }
                vars.push((n.clone(), o));
            }
            for (n, o) in vars {
                if n != "_" {
                    self.scopes.insert(self.cur_scope, &n, o);
                }
            }
        } else if ok {
            for (l, t) in lhs.iter().zip(rhs) {
                let Some(l) = l else { continue };
                let mut x = Operand {
                    mode: OMode::Value,
                    ty: t,
                    expr: None,
                };
                self.assign_var(l, &mut x);
            }
        }
        let _ = s;
        let inner = StmtCtx {
            break_ok: true,
            continue_ok: true,
            ..Default::default()
        };
        self.stmt_list(inner, &body.stmts);
        self.close_scope(g);
    }

    fn return_stmt(&mut self, pos: Pos, results: &'a [Expr]) {
        let f = self.fctx.clone().unwrap();
        let sig = self.tt.sig(f.sig).unwrap().clone();
        if results.is_empty() {
            if !sig.results.is_empty() && f.results.iter().all(|&o| self.obj(o).name.is_empty()) {
                let msg = format!(
                    "not enough return values\n\thave ()\n\twant {}",
                    self.types_summary(&sig.results, false)
                );
                self.error(pos, msg);
            } else if !sig.results.is_empty() {
                // named results: check they are not shadowed
                for &o in &f.results {
                    let name = self.obj(o).name.clone();
                    if let Some((alt, _)) = self.scopes.lookup(self.cur_scope, &name) {
                        if alt != o {
                            let p = self.obj(alt).pos;
                            self.error(pos, format!("result parameter {} not in scope at return\n\t{}: inner declaration of {}", name, self.fmt_pos(p), name));
                        }
                    }
                }
            }
            return;
        }
        if sig.results.is_empty() {
            let x = self.expr(&results[0]);
            self.use_exprs(results);
            if !x.is_invalid() {
                let m = "too many return values\n\thave (".to_string()
                    + &self.summ_exprs(results)
                    + ")\n\twant ()";
                self.error(s_start(&results[0]), m);
            }
            return;
        }
        let mut xs: Vec<Operand<'a>> = vec![];
        if results.len() == 1 && sig.results.len() > 1 {
            xs = self.multi_expr(&results[0]);
        } else {
            for (i, r) in results.iter().enumerate() {
                let x = self.expr_hint(r, sig.results.get(i).copied());
                xs.push(x);
            }
        }
        if xs.iter().any(|x| x.is_invalid()) {
            return;
        }
        if xs.len() != sig.results.len() {
            let (q, at) = if xs.len() > sig.results.len() {
                ("too many", xs[sig.results.len()].pos())
            } else {
                ("not enough", xs[xs.len() - 1].pos())
            };
            let at = if results.len() == 1 {
                s_start(&results[0])
            } else {
                at
            };
            let have: Vec<TypeId> = xs.iter().map(|x| x.ty).collect();
            let msg = format!(
                "{} return values\n\thave {}\n\twant {}",
                q,
                self.types_summary(&have, false),
                self.types_summary(&sig.results, false)
            );
            self.error(at, msg);
            return;
        }
        for (x, &t) in xs.iter_mut().zip(&sig.results) {
            self.assignment(x, Some(t), "return statement");
        }
    }

    fn summ_exprs(&mut self, es: &'a [Expr]) -> String {
        let ts: Vec<TypeId> = es
            .iter()
            .map(|e| {
                self.info
                    .types
                    .get(&e.id)
                    .map(|t| t.ty)
                    .or_else(|| self.untyped.get(&e.id).map(|u| u.ty))
                    .unwrap_or(INVALID)
            })
            .collect();
        let s = self.types_summary(&ts, false);
        s[1..s.len() - 1].to_string()
    }

    fn short_var_decl(&mut self, pos: Pos, lhs: &'a [ast::Ident], rhs: &'a [Expr]) {
        let scope = self.cur_scope;
        let mut new_vars = vec![];
        let mut lhs_vars = vec![];
        let mut seen = std::collections::HashSet::new();
        let mut any_new = false;
        for id in lhs {
            if !id.is_blank() && !seen.insert(id.name.clone()) {
                self.error(id.pos, format!("{} repeated on left side of :=", id.name));
                let o = self.new_var(&id.name, id.pos, INVALID, false);
                lhs_vars.push(o);
                continue;
            }
            if !id.is_blank() {
                if let Some(o) = self.scopes.lookup_local(scope, &id.name) {
                    self.record_use(id.id, o);
                    if matches!(self.obj(o).kind, ObjKind::Var(_)) {
                        lhs_vars.push(o);
                    } else {
                        self.error(id.pos, format!("cannot assign to {}", id.name));
                        let d = self.new_var(&id.name, id.pos, INVALID, false);
                        lhs_vars.push(d);
                    }
                    continue;
                }
            }
            let o = self.new_var(&id.name, id.pos, INVALID, false);
            self.local_vars.insert(o);
            self.record_def(id, o);
            lhs_vars.push(o);
            if !id.is_blank() {
                new_vars.push((id, o));
                any_new = true;
            }
        }
        // new variables are untyped until initialised; existing ones keep their type
        for &o in &lhs_vars {
            if self.var_type(o) != INVALID {
                self.var_declared_type.insert(o);
            }
        }
        // don't let existing variables be marked used by the assignment
        let prev_used: Vec<(ObjId, bool)> = lhs_vars
            .iter()
            .map(|&o| (o, self.used.contains(&o)))
            .collect();
        self.init_vars(&lhs_vars, rhs, "assignment");
        for (o, u) in prev_used {
            if !u && !new_vars.iter().any(|&(_, n)| n == o) {
                if self.scopes.lookup_local(scope, &self.obj(o).name) == Some(o) {
                    self.used.remove(&o);
                }
            }
        }
        for &(id, o) in &new_vars {
            let _ = self.scopes.insert(scope, &id.name, o);
        }
        if !any_new {
            let p = self.find_define_op(lhs, pos);
            self.error(p, "no new variables on left side of :=");
        }
    }

    /// The position of `:=` after the identifiers (the AST keeps only the statement start).
    pub(crate) fn define_op_pos(&self, lhs: &[ast::Ident], pos: Pos) -> Pos {
        self.find_define_op(lhs, pos)
    }

    fn find_define_op(&self, lhs: &[ast::Ident], pos: Pos) -> Pos {
        let Some(last) = lhs.last() else { return pos };
        let start = last.pos.0 + last.name.len() as u32;
        if let Some(f) = self.fset.file_of(last.pos) {
            let off = (start - f.base) as usize;
            let bytes = f.src.as_bytes();
            let mut i = off;
            while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
                i += 1;
            }
            return Pos(f.base + i as u32);
        }
        pos
    }

    pub(crate) fn local_decl(&mut self, d: &'a ast::Decl) {
        match d {
            ast::Decl::Const(specs) => {
                let mut last: Option<(&'a Option<Expr>, &'a [Expr])> = None;
                for spec in specs {
                    let (ty, values) = if spec.values.is_empty() && spec.ty.is_none() {
                        match last {
                            Some(l) => l,
                            None => (&spec.ty, &spec.values[..]),
                        }
                    } else {
                        last = Some((&spec.ty, &spec.values[..]));
                        (&spec.ty, &spec.values[..])
                    };
                    let mut objs = vec![];
                    for (i, n) in spec.names.iter().enumerate() {
                        let o = self.new_obj(
                            &n.name,
                            n.pos,
                            self.pkg(),
                            ObjKind::Const {
                                ty: INVALID,
                                value: crate::ConstValue::int(0),
                            },
                        );
                        if spec.values.is_empty() {
                            self.const_errpos.insert(o, n.pos);
                        }
                        self.const_decl(o, ty.as_ref(), values.get(i), spec.iota);
                        objs.push((n, o));
                    }
                    if values.len() > spec.names.len() {
                        self.error(
                            crate::exprstr::start_pos(&values[spec.names.len()]),
                            "extra init expr",
                        );
                    } else if values.len() < spec.names.len() && !values.is_empty()
                        || values.is_empty()
                            && !spec.names.is_empty()
                            && ty.is_none()
                            && last.is_none()
                    {
                        self.error(
                            spec.names[values.len().min(spec.names.len() - 1)].pos,
                            "missing init expr for const declaration",
                        );
                    }
                    for (n, o) in objs {
                        self.declare(self.cur_scope, n, o);
                    }
                }
            }
            ast::Decl::Var(specs) => {
                for spec in specs {
                    let t = spec.ty.as_ref().map(|t| self.typ(t));
                    let mut objs = vec![];
                    for n in &spec.names {
                        let o = self.new_var(&n.name, n.pos, t.unwrap_or(INVALID), false);
                        if t.is_some() {
                            self.var_declared_type.insert(o);
                        }
                        self.local_vars.insert(o);
                        objs.push(o);
                    }
                    if !spec.values.is_empty() {
                        let n = self.push_spelling(spec.ty.as_ref());
                        self.init_vars(&objs, &spec.values, "variable declaration");
                        self.spell_override.truncate(n);
                    } else if t.is_none() {
                        self.error(spec.pos, "missing type or init expr");
                    }
                    for (n, &o) in spec.names.iter().zip(&objs) {
                        self.declare(self.cur_scope, n, o);
                    }
                }
            }
            ast::Decl::Type(specs) => {
                for spec in specs {
                    let o = self.new_obj(
                        &spec.name.name,
                        spec.name.pos,
                        self.pkg(),
                        ObjKind::TypeName { ty: INVALID },
                    );
                    self.declare(self.cur_scope, &spec.name, o);
                    self.type_decl(o, spec);
                }
            }
            ast::Decl::Func(_) => {}
        }
    }

    // ---- terminating statements (spec "Terminating statements") ----

    pub(crate) fn is_terminating_list(&self, stmts: &[Stmt], label: &str) -> bool {
        let mut i = stmts.len();
        while i > 0 && matches!(stmts[i - 1].kind, StmtKind::Empty) {
            i -= 1;
        }
        i > 0 && self.is_terminating(&stmts[i - 1], label)
    }

    fn is_terminating(&self, s: &Stmt, label: &str) -> bool {
        match &s.kind {
            StmtKind::Return(_) | StmtKind::Goto(_) | StmtKind::Fallthrough => true,
            StmtKind::Expr(e) => {
                if let ExprKind::Call { func, .. } = &crate::expr::unparen(e).kind {
                    if let Some(tv) = self.info.types.get(&func.id) {
                        return tv.mode == crate::Mode::Builtin(crate::Builtin::Panic);
                    }
                }
                false
            }
            StmtKind::Block(b) => self.is_terminating_list(&b.stmts, ""),
            StmtKind::Labeled(l, inner) => self.is_terminating(inner, &l.name),
            StmtKind::If { then, els, .. } => {
                els.as_ref().map_or(false, |e| self.is_terminating(e, ""))
                    && self.is_terminating_list(&then.stmts, "")
            }
            StmtKind::Switch { body, .. } => {
                body.iter().any(|c| c.exprs.is_none())
                    && body.iter().all(|c| {
                        self.is_terminating_list(&c.body, "") || ends_in_fallthrough(&c.body)
                    })
                    && !body.iter().any(|c| has_break(&c.body, label, true))
            }
            StmtKind::TypeSwitch { body, .. } => {
                body.iter().any(|c| c.types.is_none())
                    && body.iter().all(|c| self.is_terminating_list(&c.body, ""))
                    && !body.iter().any(|c| has_break(&c.body, label, true))
            }
            StmtKind::Select { body, .. } => {
                body.iter().all(|c| self.is_terminating_list(&c.body, ""))
                    && !body.iter().any(|c| has_break(&c.body, label, true))
            }
            StmtKind::For { cond, body, .. } => {
                cond.is_none() && !has_break(&body.stmts, label, true)
            }
            _ => false,
        }
    }
}

/// go/types' classification of an expression used as a statement.
#[derive(PartialEq, Eq, Clone, Copy)]
pub(crate) enum ExprKind_ {
    Conversion,
    Expression,
    Statement,
}

impl<'a> Checker<'a> {
    fn stmt_kind(&self, e: &Expr) -> ExprKind_ {
        let ue = crate::expr::unparen(e);
        match &ue.kind {
            ExprKind::Unary(ast::UnaryOp::Recv, _) => ExprKind_::Statement,
            ExprKind::Call { func, .. } => match self.info.types.get(&func.id).map(|t| &t.mode) {
                Some(crate::Mode::Type) => ExprKind_::Conversion,
                Some(crate::Mode::Builtin(b)) => {
                    use crate::Builtin as B;
                    if matches!(
                        b,
                        B::Copy
                            | B::Recover
                            | B::Panic
                            | B::Print
                            | B::Println
                            | B::Close
                            | B::Delete
                    ) {
                        ExprKind_::Statement
                    } else {
                        ExprKind_::Expression
                    }
                }
                _ => ExprKind_::Statement,
            },
            _ => ExprKind_::Expression,
        }
    }
}

fn ends_in_fallthrough(stmts: &[Stmt]) -> bool {
    matches!(stmts.last().map(|s| &s.kind), Some(StmtKind::Fallthrough))
}

/// Whether `stmts` contain a break that targets the enclosing statement (`label` or
/// unlabelled at the top level).
fn has_break(stmts: &[Stmt], label: &str, top: bool) -> bool {
    stmts.iter().any(|s| has_break_stmt(s, label, top))
}

fn has_break_stmt(s: &Stmt, label: &str, top: bool) -> bool {
    match &s.kind {
        StmtKind::Break(None) => top,
        StmtKind::Break(Some(l)) => l.name == label,
        StmtKind::Block(b) => has_break(&b.stmts, label, top),
        StmtKind::Labeled(_, inner) => has_break_stmt(inner, label, top),
        StmtKind::If { then, els, .. } => {
            has_break(&then.stmts, label, top)
                || els
                    .as_ref()
                    .map_or(false, |e| has_break_stmt(e, label, top))
        }
        StmtKind::Switch { body, .. } => body.iter().any(|c| has_break(&c.body, label, false)),
        StmtKind::TypeSwitch { body, .. } => body.iter().any(|c| has_break(&c.body, label, false)),
        StmtKind::Select { body, .. } => body.iter().any(|c| has_break(&c.body, label, false)),
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
            has_break(&body.stmts, label, false)
        }
        _ => false,
    }
}

fn is_recv(e: &Expr) -> bool {
    matches!(
        crate::expr::unparen(e).kind,
        ExprKind::Unary(ast::UnaryOp::Recv, _)
    )
}

fn s_start(e: &Expr) -> Pos {
    crate::exprstr::start_pos(e)
}
fn s_pos(p: Pos) -> Pos {
    p
}

pub(crate) struct ScopeGuard(crate::scope::ScopeId);
