//! Lowering of statements.

use crate::func::{Fl, Local, Target, Val};
use crate::{ice, Result};
use cranelift_codegen::ir::{self, condcodes::IntCC, types, InstBuilder, MemFlagsData, Value};
use gorc_syntax::ast::{self, AssignOp, Expr, ExprKind, Stmt, StmtKind};
use gorc_types::{Type, TypeId};

/// An assignable location.
#[derive(Clone)]
pub(crate) enum Place {
    /// SSA variables (a local, or the parts of one of its fields).
    Ssa(Vec<cranelift_frontend::Variable>),
    /// Memory at an address.
    Mem(Value),
    /// `_`
    Blank,
    /// A map element: the map, the address of the key, the map type (map.rs).
    MapElem(Value, Value, gorc_types::TypeId),
}

impl<'g, 'a, 'b> Fl<'g, 'a, 'b> {
    pub fn block(&mut self, stmts: &[Stmt]) -> Result<()> {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub(crate) fn stmt(&mut self, s: &Stmt) -> Result<()> {
        self.stmt_kind(s)?;
        // A load that can fault must not be merged into an instruction of the next statement
        // (Cranelift's x64 lowering folds a single-use load into its user, `movslq (%rax)` for
        // `v := *p; sink = int64(v)`), or a nil dereference would be reported on the next
        // line. Loads only merge within a block, so such a statement ends its block: the jump
        // to the next block costs nothing (it falls through).
        if self.simple_stmt_loads_through_pointer(s) {
            let next = self.b.create_block();
            self.jump(next);
            self.b.switch_to_block(next);
        }
        Ok(())
    }

    /// Whether `s` is a simple statement that reads through a pointer (which may be nil).
    fn simple_stmt_loads_through_pointer(&self, s: &Stmt) -> bool {
        let exprs: Vec<&Expr> = match &s.kind {
            StmtKind::Expr(e) | StmtKind::IncDec(e, _) => vec![e],
            StmtKind::Send(a, b) => vec![a, b],
            StmtKind::Assign { lhs, rhs, .. } => lhs.iter().chain(rhs).collect(),
            StmtKind::Define { rhs, .. } => rhs.iter().collect(),
            _ => return false,
        };
        exprs.into_iter().any(|e| self.loads_through_pointer(e))
    }

    fn loads_through_pointer(&self, e: &Expr) -> bool {
        let through = |x: &Expr| {
            self.g
                .pkg
                .info
                .types
                .get(&x.id)
                .is_some_and(|tv| matches!(self.g.under(tv.ty), Type::Pointer(_)))
        };
        match &e.kind {
            ExprKind::Star(_) => true,
            ExprKind::Selector(x, _) | ExprKind::Index(x, _) if through(x) => true,
            ExprKind::Selector(x, _) | ExprKind::Paren(x) | ExprKind::Unary(_, x) => {
                self.loads_through_pointer(x)
            }
            ExprKind::Index(x, i) | ExprKind::Binary(_, x, i) => {
                self.loads_through_pointer(x) || self.loads_through_pointer(i)
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                self.loads_through_pointer(x)
                    || [lo, hi, max]
                        .into_iter()
                        .flatten()
                        .any(|y| self.loads_through_pointer(y))
            }
            ExprKind::TypeAssert(x, _) => self.loads_through_pointer(x),
            ExprKind::Call { func, args, .. } => {
                self.loads_through_pointer(func)
                    || args.iter().any(|a| self.loads_through_pointer(a))
            }
            _ => false,
        }
    }

    fn stmt_kind(&mut self, s: &Stmt) -> Result<()> {
        self.set_line(s.pos);
        let label = self.pending_label.take();
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Expr(e) => {
                self.expr_discard(e)?;
            }
            StmtKind::IncDec(e, inc) => {
                let ty = self.ty(e);
                let place = self.place(e)?;
                let old = self.read_place(&place, ty)?;
                let old = self.parts(old, ty);
                let one = self.one(ty);
                let op = if *inc {
                    ast::BinaryOp::Add
                } else {
                    ast::BinaryOp::Sub
                };
                let new = self.arith(op, ty, &old, &one, s.pos)?;
                self.write_place(&place, ty, Val::Parts(new))?;
            }
            StmtKind::Assign { lhs, op, rhs } => self.assign_stmt(lhs, op, rhs, s.pos)?,
            StmtKind::Define { lhs, rhs } => {
                let targets: Vec<Option<TypeId>> = lhs
                    .iter()
                    .map(|id| {
                        let info = &self.g.pkg.info;
                        info.defs
                            .get(&id.id)
                            .or_else(|| info.uses.get(&id.id))
                            .map(|&o| self.obj_type(o))
                    })
                    .collect();
                let vals = self.rhs_values(&targets, rhs)?;
                // Evaluate everything first, then bind: `a, b := b, a` reads the old values.
                let mut binds = Vec::new();
                for (id, v) in lhs.iter().zip(vals) {
                    if id.is_blank() {
                        continue;
                    }
                    if let Some(&obj) = self.g.pkg.info.defs.get(&id.id) {
                        binds.push((obj, v));
                    } else if let Some(&obj) = self.g.pkg.info.uses.get(&id.id) {
                        // An existing variable re-assigned by `:=`.
                        let ty = self.obj_type(obj);
                        let place = self.var_place(obj)?;
                        self.write_place(&place, ty, v)?;
                    }
                }
                for (obj, v) in binds {
                    let ty = self.obj_type(obj);
                    self.define_local(obj, ty, Some(v))?;
                }
            }
            StmtKind::Decl(d) => self.local_decl(d)?,
            StmtKind::Labeled(l, inner) => {
                let blk = self.label_block(&l.name);
                self.jump(blk);
                self.b.switch_to_block(blk);
                if matches!(
                    inner.kind,
                    StmtKind::For { .. }
                        | StmtKind::Range { .. }
                        | StmtKind::Switch { .. }
                        | StmtKind::TypeSwitch { .. }
                        | StmtKind::Select { .. }
                ) {
                    self.pending_label = Some(l.name.clone());
                }
                self.stmt(inner)?;
            }
            StmtKind::Return(vals) => {
                if vals.is_empty() {
                    self.emit_return(if self.named_results {
                        None
                    } else {
                        Some(vec![])
                    })?;
                } else {
                    let targets: Vec<Option<TypeId>> =
                        self.abi.results.iter().map(|&t| Some(t)).collect();
                    let mut vs = self.rhs_values(&targets, vals)?;
                    if self.named_results {
                        // Assign to the result variables, then return them (deferred calls
                        // will see the assigned values).
                        let objs = self.results.clone();
                        for (i, v) in vs.drain(..).enumerate() {
                            let ty = self.abi.results[i];
                            let place = self.var_place(objs[i])?;
                            self.write_place(&place, ty, v)?;
                        }
                        self.emit_return(None)?;
                    } else {
                        self.emit_return(Some(vs))?;
                    }
                }
            }
            StmtKind::Break(l) => {
                let t = self.find_target(l.as_ref().map(|i| i.name.as_str()), false, s.pos)?;
                self.jump_dead(t);
            }
            StmtKind::Continue(l) => {
                let t = self.find_target(l.as_ref().map(|i| i.name.as_str()), true, s.pos)?;
                self.jump_dead(t);
            }
            StmtKind::Goto(l) => {
                let blk = self.label_block(&l.name);
                // A goto may close a loop.
                self.preempt_check();
                self.jump_dead(blk);
            }
            StmtKind::Fallthrough => {
                return ice(s.pos, "fallthrough outside a switch clause");
            }
            StmtKind::Block(b) => self.block(&b.stmts)?,
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    self.stmt(i)?;
                }
                let then_b = self.b.create_block();
                let else_b = self.b.create_block();
                let end = self.b.create_block();
                self.cond(cond, then_b, else_b)?;
                self.b.switch_to_block(then_b);
                self.block(&then.stmts)?;
                self.jump(end);
                self.b.switch_to_block(else_b);
                if let Some(e) = els {
                    self.stmt(e)?;
                }
                self.jump(end);
                self.b.switch_to_block(end);
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                if let Some(i) = init {
                    self.stmt(i)?;
                }
                let head = self.b.create_block();
                let body_b = self.b.create_block();
                let cont = self.b.create_block();
                let end = self.b.create_block();
                self.jump(head);
                self.b.switch_to_block(head);
                match cond {
                    Some(c) => self.cond(c, body_b, end)?,
                    None => self.jump(body_b),
                }
                self.b.switch_to_block(body_b);
                self.loop_body(label, end, cont, body)?;
                if let Some(p) = post {
                    self.stmt(p)?;
                }
                self.preempt_check();
                // The loop is rotated, as gc rotates it: the condition is tested again at the
                // bottom, so an iteration ends in one conditional branch back to the body
                // rather than a jump to the test at the top. (Only for conditions that can be
                // compiled twice: no function literals.)
                match cond {
                    Some(c) if duplicable(c) && !self.b.is_unreachable() => {
                        self.cond(c, body_b, end)?
                    }
                    _ => self.jump(head),
                }
                self.b.switch_to_block(end);
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range_stmt(label, key.as_ref(), value.as_ref(), *define, x, body)?,
            StmtKind::Switch {
                init, tag, body, ..
            } => self.switch_stmt(label, init.as_deref(), tag.as_ref(), body)?,
            StmtKind::Defer(call) => self.defer_stmt(call)?,
            StmtKind::TypeSwitch { init, x, body, .. } => {
                self.type_switch(label, init.as_deref(), x, body)?
            }
            StmtKind::Send(ch, v) => self.send_stmt(ch, v)?,
            StmtKind::Go(call) => self.go_stmt(call)?,
            StmtKind::Select { body, .. } => self.select_stmt(label, body)?,
        }
        Ok(())
    }

    /// Lowers a loop body in which `break` goes to `brk` and `continue` to `cont`, then
    /// continues in `cont` (where the loop's post statement or increment goes).
    pub fn loop_body(
        &mut self,
        label: Option<String>,
        brk: ir::Block,
        cont: ir::Block,
        body: &ast::Block,
    ) -> Result<()> {
        self.targets.push(Target {
            label,
            brk,
            cont: Some(cont),
        });
        self.block(&body.stmts)?;
        self.targets.pop();
        self.jump(cont);
        self.b.switch_to_block(cont);
        Ok(())
    }

    /// Jumps to `blk` unless the current block already ended.
    pub fn jump(&mut self, blk: ir::Block) {
        if !self.b.is_unreachable() {
            self.b.ins().jump(blk, &[]);
        }
    }

    /// Jumps and continues in a fresh unreachable block (after break/continue/goto).
    fn jump_dead(&mut self, blk: ir::Block) {
        self.b.ins().jump(blk, &[]);
        let dead = self.b.create_block();
        self.b.switch_to_block(dead);
    }

    fn label_block(&mut self, name: &str) -> ir::Block {
        if let Some(&b) = self.labels.get(name) {
            return b;
        }
        let b = self.b.create_block();
        self.labels.insert(name.to_string(), b);
        b
    }

    fn find_target(
        &self,
        label: Option<&str>,
        cont: bool,
        pos: gorc_syntax::Pos,
    ) -> Result<ir::Block> {
        for t in self.targets.iter().rev() {
            if let Some(l) = label {
                if t.label.as_deref() != Some(l) {
                    continue;
                }
            } else if cont && t.cont.is_none() {
                continue;
            }
            return match (cont, t.cont) {
                (false, _) => Ok(t.brk),
                (true, Some(c)) => Ok(c),
                (true, None) => ice(pos, "continue target is not a loop"),
            };
        }
        ice(pos, "no target for break/continue")
    }

    /// Branches on a boolean expression, short-circuiting && and ||.
    pub fn cond(&mut self, e: &Expr, t: ir::Block, f: ir::Block) -> Result<()> {
        match &e.kind {
            ExprKind::Paren(x) => return self.cond(x, t, f),
            ExprKind::Binary(ast::BinaryOp::LAnd, x, y) if self.const_of(e).is_none() => {
                let mid = self.b.create_block();
                self.cond(x, mid, f)?;
                self.b.switch_to_block(mid);
                return self.cond(y, t, f);
            }
            ExprKind::Binary(ast::BinaryOp::LOr, x, y) if self.const_of(e).is_none() => {
                let mid = self.b.create_block();
                self.cond(x, t, mid)?;
                self.b.switch_to_block(mid);
                return self.cond(y, t, f);
            }
            ExprKind::Unary(ast::UnaryOp::Not, x) if self.const_of(e).is_none() => {
                return self.cond(x, f, t);
            }
            _ => {}
        }
        let v = self.expr(e)?;
        let ty = self.ty(e);
        let v = self.parts(v, ty)[0];
        self.b.ins().brif(v, t, &[], f, &[]);
        Ok(())
    }

    /// The values of the right-hand side of an assignment of `n` variables: `n` expressions,
    /// or one multi-valued call, comma-ok expression.
    pub fn rhs_values(&mut self, targets: &[Option<TypeId>], rhs: &[Expr]) -> Result<Vec<Val>> {
        let n = targets.len();
        if rhs.len() == n {
            let mut out = Vec::with_capacity(n);
            for (e, &to) in rhs.iter().zip(targets) {
                let v = self.expr_to(e, to)?;
                // Copy memory-class values when several are assigned at once, so that
                // `a, b = b, a` swaps.
                let v = if n > 1 {
                    self.materialize(v, self.ty(e))
                } else {
                    v
                };
                out.push(v);
            }
            Ok(out)
        } else if rhs.len() == 1 {
            // Each result converted to its variable's type (`var a, b any = f()`).
            let vals = self.expr_multi(&rhs[0])?;
            let tys = self.multi_types(&rhs[0]);
            let mut out = Vec::with_capacity(n);
            for ((v, vt), to) in vals.into_iter().zip(tys).zip(targets) {
                out.push(match *to {
                    Some(t) if t != vt && self.g.is_iface(t) => {
                        Val::Parts(self.to_iface(v, vt, t)?)
                    }
                    _ => v,
                });
            }
            Ok(out)
        } else {
            ice(
                rhs.first().map(|e| e.pos).unwrap_or_default(),
                "assignment count mismatch",
            )
        }
    }

    fn assign_stmt(
        &mut self,
        lhs: &[Expr],
        op: &AssignOp,
        rhs: &[Expr],
        pos: gorc_syntax::Pos,
    ) -> Result<()> {
        match op {
            AssignOp::Op(bop) => {
                let ty = self.ty(&lhs[0]);
                let place = self.place(&lhs[0])?;
                let old = self.read_place(&place, ty)?;
                let r = self.expr(&rhs[0])?;
                let rty = self.ty(&rhs[0]);
                let new = self.binary_vals(*bop, ty, old, rty, r, pos)?;
                self.write_place(&place, ty, new)
            }
            AssignOp::Plain => {
                if lhs.len() == 1 && rhs.len() == 1 {
                    if is_blank(&lhs[0]) {
                        return self.expr_discard(&rhs[0]);
                    }
                    let ty = self.ty(&lhs[0]);
                    let place = self.place(&lhs[0])?;
                    let v = self.expr_to(&rhs[0], Some(ty))?;
                    return self.write_place(&place, ty, v);
                }
                // Tuple assignment: index expressions and pointer indirections on the left
                // are evaluated first, then the right, then the assignments happen in order.
                let mut places = Vec::new();
                for l in lhs {
                    places.push(self.place(l)?);
                }
                let targets: Vec<Option<TypeId>> = lhs
                    .iter()
                    .map(|l| if is_blank(l) { None } else { Some(self.ty(l)) })
                    .collect();
                let vals = self.rhs_values(&targets, rhs)?;
                for ((l, p), v) in lhs.iter().zip(places).zip(vals) {
                    if matches!(p, Place::Blank) {
                        continue;
                    }
                    let ty = self.ty(l);
                    self.write_place(&p, ty, v)?;
                }
                Ok(())
            }
        }
    }

    pub fn read_place(&mut self, p: &Place, ty: TypeId) -> Result<Val> {
        match p {
            Place::Ssa(vars) => Ok(Val::Parts(
                vars.iter().map(|&v| self.b.use_var(v)).collect(),
            )),
            Place::Mem(a) => Ok(self.load(*a, ty)),
            Place::MapElem(m, k, mt) => Ok(self.map_read(*m, *k, *mt)),
            Place::Blank => ice(Default::default(), "reading _"),
        }
    }

    pub fn write_place(&mut self, p: &Place, ty: TypeId, v: Val) -> Result<()> {
        match p {
            Place::Ssa(vars) => {
                let ps = self.parts(v, ty);
                for (&var, val) in vars.iter().zip(ps) {
                    self.b.def_var(var, val);
                }
                Ok(())
            }
            Place::Mem(a) => self.store(*a, ty, v),
            Place::MapElem(m, k, mt) => self.map_write(*m, *k, *mt, v),
            Place::Blank => Ok(()),
        }
    }

    pub fn var_place(&mut self, obj: gorc_types::ObjId) -> Result<Place> {
        if let Some(l) = self.locals.get(&obj) {
            return Ok(match l {
                Local::Ssa(vars) => Place::Ssa(vars.clone()),
                Local::Slot(ss) => {
                    let ss = *ss;
                    Place::Mem(self.b.ins().stack_addr(types::I64, ss, 0))
                }
                Local::Mem(var) => {
                    let var = *var;
                    Place::Mem(self.b.use_var(var))
                }
            });
        }
        if self.g.globals.contains_key(&obj) {
            return Ok(Place::Mem(self.global_addr(obj)));
        }
        ice(
            self.g.pkg.obj(obj).pos,
            format!("no storage for {}", self.g.pkg.obj(obj).name),
        )
    }

    fn local_decl(&mut self, d: &ast::Decl) -> Result<()> {
        match d {
            ast::Decl::Var(specs) => {
                for s in specs {
                    let vals = if s.values.is_empty() {
                        None
                    } else {
                        let targets: Vec<Option<TypeId>> = s
                            .names
                            .iter()
                            .map(|n| self.g.pkg.info.defs.get(&n.id).map(|&o| self.obj_type(o)))
                            .collect();
                        Some(self.rhs_values(&targets, &s.values)?)
                    };
                    for (i, n) in s.names.iter().enumerate() {
                        let v = vals.as_ref().map(|vs| vs[i].clone());
                        if n.is_blank() {
                            continue;
                        }
                        let Some(&obj) = self.g.pkg.info.defs.get(&n.id) else {
                            continue;
                        };
                        let ty = self.obj_type(obj);
                        self.define_local(obj, ty, v)?;
                    }
                }
                Ok(())
            }
            // Constants and types need no code.
            _ => Ok(()),
        }
    }

    fn switch_stmt(
        &mut self,
        label: Option<String>,
        init: Option<&Stmt>,
        tag: Option<&Expr>,
        clauses: &[ast::CaseClause],
    ) -> Result<()> {
        if let Some(i) = init {
            self.stmt(i)?;
        }
        let tag_val = match tag {
            Some(t) => {
                let ty = self.ty(t);
                let v = self.expr(t)?;
                let v = self.materialize(v, ty);
                Some((v, ty))
            }
            None => None,
        };
        let end = self.b.create_block();
        let bodies: Vec<ir::Block> = clauses.iter().map(|_| self.b.create_block()).collect();
        let mut default = None;
        // Tests in source order; default last.
        for (i, c) in clauses.iter().enumerate() {
            let Some(exprs) = &c.exprs else {
                default = Some(i);
                continue;
            };
            for e in exprs {
                let next = self.b.create_block();
                match &tag_val {
                    Some((tv, tty)) => {
                        let ety = self.ty(e);
                        let ev = self.expr(e)?;
                        let eq = self.equal(*tty, tv.clone(), ety, ev)?;
                        self.b.ins().brif(eq, bodies[i], &[], next, &[]);
                    }
                    None if self.g.is_iface(self.ty(e)) => {
                        // `case i:` in a tagless switch: i == true.
                        let ety = self.ty(e);
                        let ev = self.expr(e)?;
                        let t = Val::Parts(vec![self.b.ins().iconst(types::I8, 1)]);
                        let bool_t = gorc_types::table::basic(gorc_types::BasicKind::Bool);
                        let eq = self.equal(ety, ev, bool_t, t)?;
                        self.b.ins().brif(eq, bodies[i], &[], next, &[]);
                    }
                    None => self.cond(e, bodies[i], next)?,
                }
                self.b.switch_to_block(next);
            }
        }
        match default {
            Some(d) => self.jump(bodies[d]),
            None => self.jump(end),
        }
        self.targets.push(Target {
            label,
            brk: end,
            cont: None,
        });
        for (i, c) in clauses.iter().enumerate() {
            self.b.switch_to_block(bodies[i]);
            let (stmts, falls) = match c.body.last() {
                Some(Stmt {
                    kind: StmtKind::Fallthrough,
                    ..
                }) => (&c.body[..c.body.len() - 1], true),
                _ => (&c.body[..], false),
            };
            self.block(stmts)?;
            if falls && i + 1 < bodies.len() {
                self.jump(bodies[i + 1]);
            } else {
                self.jump(end);
            }
        }
        self.targets.pop();
        self.b.switch_to_block(end);
        Ok(())
    }

    fn range_stmt(
        &mut self,
        label: Option<String>,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &ast::Block,
    ) -> Result<()> {
        let xty = self.ty(x);
        let key = key.filter(|k| !is_blank(k));
        let value = value.filter(|v| !is_blank(v));
        // Where the key and value go: fresh variables (:=), declared once; or existing
        // places (=), evaluated at each iteration (`None` here).
        let key_place = match key {
            Some(k) if define => Some(self.range_var(k)?),
            _ => None,
        };
        let value_place = match value {
            Some(v) if define => Some(self.range_var(v)?),
            _ => None,
        };
        if let Type::Map(..) = self.g.under(xty) {
            return self.map_range(
                label,
                key.map(|k| (k, key_place)),
                value.map(|v| (v, value_place)),
                x,
                body,
            );
        }
        if let Type::Chan(..) = self.g.under(xty) {
            return self.chan_range(label, key.zip(key_place), x, body);
        }
        let head = self.b.create_block();
        let body_b = self.b.create_block();
        let cont = self.b.create_block();
        let end = self.b.create_block();
        let idx = self.b.declare_var(types::I64);
        let zero = self.b.ins().iconst(types::I64, 0);
        self.b.def_var(idx, zero);

        match self.g.under(xty).clone() {
            Type::Basic(_) => {
                // A string: decode one rune per iteration.
                let s = self.expr(x)?;
                let s = self.parts(s, xty);
                let (ptr, len) = (s[0], s[1]);
                let next = self.b.declare_var(types::I64);
                self.b.def_var(next, zero);
                self.jump(head);
                self.b.switch_to_block(head);
                let i = self.b.use_var(next);
                self.b.def_var(idx, i);
                let more = self.b.ins().icmp(IntCC::SignedLessThan, i, len);
                self.b.ins().brif(more, body_b, &[], end, &[]);
                self.b.switch_to_block(body_b);
                // ASCII fast path; the runtime decodes everything else.
                let ascii = self.b.create_block();
                let multi = self.b.create_block();
                let got = self.b.create_block();
                self.b.append_block_param(got, types::I64);
                self.b.append_block_param(got, types::I64);
                let addr = self.b.ins().iadd(ptr, i);
                let byte = self
                    .b
                    .ins()
                    .uload8(types::I64, MemFlagsData::new(), addr, 0);
                let is_ascii = self.b.ins().icmp_imm_s(IntCC::UnsignedLessThan, byte, 0x80);
                self.b.ins().brif(is_ascii, ascii, &[], multi, &[]);
                self.b.switch_to_block(ascii);
                let n1 = self.b.ins().iadd_imm_s(i, 1);
                self.b.ins().jump(got, &[byte.into(), n1.into()]);
                self.b.switch_to_block(multi);
                let r = self.call(self.g.rt.decoderune, &[ptr, len, i]);
                self.b.ins().jump(got, &[r[0].into(), r[1].into()]);
                self.b.switch_to_block(got);
                let rune = self.b.block_params(got)[0];
                let nexti = self.b.block_params(got)[1];
                self.b.def_var(next, nexti);
                let (kp, vp) = self.range_places(
                    key.map(|k| (k, &key_place)),
                    value.map(|v| (v, &value_place)),
                )?;
                if let (Some(k), Some(p)) = (key, kp) {
                    let kty = self.ty(k);
                    let kv = self.int_to(i, kty);
                    self.write_place(&p, kty, Val::Parts(vec![kv]))?;
                }
                if let (Some(v), Some(p)) = (value, vp) {
                    let vty = self.ty(v);
                    let r32 = self.b.ins().ireduce(types::I32, rune);
                    self.write_place(&p, vty, Val::Parts(vec![r32]))?;
                }
                self.loop_body(label, end, cont, body)?;
                self.preempt_check();
                self.jump(head);
                self.b.switch_to_block(end);
                return Ok(());
            }
            Type::Slice(_) | Type::Array(..) | Type::Pointer(_) => {
                let (base, len, elem_ty) = match self.g.under(xty).clone() {
                    Type::Slice(e) => {
                        let s = self.expr(x)?;
                        let s = self.parts(s, xty);
                        (s[0], s[1], e)
                    }
                    Type::Array(n, e) => {
                        let len = self.b.ins().iconst(types::I64, n as i64);
                        // The range expression is evaluated once; with a value variable the
                        // loop iterates over a copy of the array.
                        if value.is_some() {
                            let a = self.expr(x)?;
                            let a = self.materialize(a, xty);
                            let Val::Mem(addr) = a else {
                                return ice(x.pos, "array value in registers");
                            };
                            (addr, len, e)
                        } else {
                            if self.const_of(x).is_none() && !self.pure_var(x) {
                                self.expr_discard(x)?;
                            }
                            (zero, len, e)
                        }
                    }
                    Type::Pointer(arr) => {
                        let p = self.expr(x)?;
                        let p = self.parts(p, xty)[0];
                        let Type::Array(n, e) = self.g.under(arr).clone() else {
                            return ice(x.pos, "range over pointer to non-array");
                        };
                        let len = self.b.ins().iconst(types::I64, n as i64);
                        (p, len, e)
                    }
                    _ => unreachable!(),
                };
                let esize = self.g.layout(elem_ty).size as i64;
                self.jump(head);
                self.b.switch_to_block(head);
                let i = self.b.use_var(idx);
                let more = self.b.ins().icmp(IntCC::SignedLessThan, i, len);
                self.b.ins().brif(more, body_b, &[], end, &[]);
                self.b.switch_to_block(body_b);
                let (kp, vp) = self.range_places(
                    key.map(|k| (k, &key_place)),
                    value.map(|v| (v, &value_place)),
                )?;
                if let (Some(k), Some(p)) = (key, kp) {
                    let kty = self.ty(k);
                    let kv = self.int_to(i, kty);
                    self.write_place(&p, kty, Val::Parts(vec![kv]))?;
                }
                if let (Some(v), Some(p)) = (value, vp) {
                    let vty = self.ty(v);
                    let off = self.b.ins().imul_imm_s(i, esize);
                    let addr = self.b.ins().iadd(base, off);
                    let ev = self.load(addr, elem_ty);
                    let ev = if self.g.is_iface(vty) && !self.g.is_iface(elem_ty) {
                        Val::Parts(self.to_iface(ev, elem_ty, vty)?)
                    } else {
                        ev
                    };
                    self.write_place(&p, vty, ev)?;
                }
                self.loop_body(label, end, cont, body)?;
                let i = self.b.use_var(idx);
                let i1 = self.b.ins().iadd_imm_s(i, 1);
                self.b.def_var(idx, i1);
                self.preempt_check();
                self.jump(head);
                self.b.switch_to_block(end);
                Ok(())
            }
            _ => ice(x.pos, "range over this type is not supported yet"),
        }
    }

    /// Declares the variable of a `for k, v := range` clause.
    fn range_var(&mut self, e: &Expr) -> Result<Place> {
        if let ExprKind::Ident(_) = &e.kind {
            if let Some(&obj) = self.g.pkg.info.defs.get(&e.id) {
                let ty = self.obj_type(obj);
                self.define_local(obj, ty, None)?;
                return self.var_place(obj);
            }
        }
        ice(e.pos, "range variable without definition")
    }

    /// Assigns an iteration value to a range clause's key or value: the declared variable, or
    /// the place `e` denotes, evaluated now (each iteration, as the spec says).
    /// Where a range clause's key and value go this iteration: the declared variables (`:=`),
    /// or the targets' places (`=`), all evaluated before either is assigned, as in a
    /// parallel assignment: `for i, x[i] = range y` indexes `x` with the previous `i`.
    pub(crate) fn range_places(
        &mut self,
        key: Option<(&Expr, &Option<Place>)>,
        value: Option<(&Expr, &Option<Place>)>,
    ) -> Result<(Option<Place>, Option<Place>)> {
        let place = |this: &mut Self, t: Option<(&Expr, &Option<Place>)>| match t {
            None => Ok(None),
            Some((_, Some(declared))) => Ok(Some(declared.clone())),
            Some((e, None)) => this.place(e).map(Some),
        };
        let k = place(self, key)?;
        let v = place(self, value)?;
        Ok((k, v))
    }

    /// An integer (I64) converted to the integer type `ty`.
    pub fn int_to(&mut self, v: Value, ty: TypeId) -> Value {
        let l = self.g.layout(ty);
        let t = l.parts[0].ty;
        if t == types::I64 {
            v
        } else {
            self.b.ins().ireduce(t, v)
        }
    }

    /// Whether evaluating `e` has no effects (a variable), so it can be skipped.
    fn pure_var(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Ident(_) => true,
            ExprKind::Paren(x) => self.pure_var(x),
            _ => false,
        }
    }
}

/// Whether `e` can be compiled at two places (a loop condition tested at the top and the
/// bottom): nothing in it defines code of its own, as a function literal does.
fn duplicable(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Ident(_) | ExprKind::BasicLit(_) => true,
        ExprKind::Paren(x) | ExprKind::Selector(x, _) | ExprKind::Star(x) => duplicable(x),
        ExprKind::Unary(_, x) => duplicable(x),
        ExprKind::Binary(_, x, y) | ExprKind::Index(x, y) => duplicable(x) && duplicable(y),
        ExprKind::Call { func, args, .. } => duplicable(func) && args.iter().all(duplicable),
        _ => false,
    }
}

pub(crate) fn is_blank(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Ident(n) if n == "_")
}
