//! Assignability, convertibility and conversions, and the assignment forms (single,
//! tuple, multi-value, comma-ok) shared by declarations and statements.

use crate::check::{Checker, OMode, Operand};
use crate::constant::representable;
use crate::table::{basic, INVALID};
use crate::{BasicKind, ConstValue, ObjId, Type, TypeId};
use gorc_syntax::ast::{Expr, ExprKind};
use num_traits::ToPrimitive;

impl<'a> Checker<'a> {
    /// Whether `x` is assignable to `t` (spec "Assignability"); Err carries gc's reason.
    pub(crate) fn assignable_to(&mut self, x: &Operand<'a>, t: TypeId) -> Result<(), String> {
        let v = x.ty;
        if v == t || v == INVALID || t == INVALID {
            return Ok(());
        }
        if self.tt.is_untyped(v) {
            return match self.implicit_type_and_value(x, t) {
                Ok(_) => Ok(()),
                Err(_) => Err(String::new()),
            };
        }
        let (vu, tu) = (self.tt.underlying(v), self.tt.underlying(t));
        if vu == tu && (!self.tt.is_named(v) || !self.tt.is_named(t)) {
            return Ok(());
        }
        if self.tt.is_interface(t) {
            if let Some((m, ptr, wrong)) = self.missing_method(v, t) {
                let cause = self.missing_cause(v, t, &m, ptr, wrong);
                return Err(format!(
                    "{} does not implement {} ({})",
                    self.ts(v),
                    self.ts(t),
                    cause
                ));
            }
            return Ok(());
        }
        if self.tt.is_interface(v) && !self.tt.is_interface(t) {
            if self.missing_method(t, v).is_none() {
                return Err(format!("need type assertion"));
            }
        }
        if let (Some((crate::ChanDir::Both, ve)), Some((_, te))) =
            (self.tt.chan_dir(v), self.tt.chan_dir(t))
        {
            if ve == te && (!self.tt.is_named(v) || !self.tt.is_named(t)) {
                return Ok(());
            }
        }
        Err(String::new())
    }

    /// Checks that `x` can be assigned to a variable of type `t` (None: the blank identifier or
    /// an untyped declaration), converting untyped operands.
    pub(crate) fn assignment(
        &mut self,
        x: &mut Operand<'a>,
        t: Option<TypeId>,
        context: &str,
    ) -> bool {
        self.single_value(x);
        match x.mode {
            OMode::Invalid => return false,
            OMode::Const(_) | OMode::Variable | OMode::MapIndex | OMode::Value | OMode::CommaOk => {
            }
            _ => {
                self.exclude_non_values(x);
                return false;
            }
        }
        if self.tt.is_untyped(x.ty) {
            let mut target = t;
            if t.is_none() || self.tt.is_interface(t.unwrap()) {
                if t.is_none() && x.ty == self.untyped_nil() {
                    self.error(x.pos(), format!("use of untyped nil in {}", context));
                    x.mode = OMode::Invalid;
                    return false;
                }
                target = Some(self.tt.default_type(x.ty));
            }
            let target = target.unwrap();
            match self.implicit_type_and_value(x, target) {
                Ok((nt, v)) => {
                    if let Some(v) = v {
                        x.mode = OMode::Const(v);
                    }
                    if nt != x.ty {
                        x.ty = nt;
                        if let Some(e) = x.expr {
                            self.update_expr_type(e, nt, false);
                        }
                    }
                }
                Err(code) => {
                    let mut msg = format!(
                        "cannot use {} as {} value in {}",
                        self.op_string(x),
                        self.ts(target),
                        context
                    );
                    match code {
                        Some(crate::constant::ReprError::Truncated) => msg.push_str(" (truncated)"),
                        Some(crate::constant::ReprError::Overflow) => msg.push_str(" (overflows)"),
                        _ => {}
                    }
                    self.error(x.pos(), msg);
                    x.mode = OMode::Invalid;
                    return false;
                }
            }
        }
        let Some(t) = t else { return true };
        if let Err(reason) = self.assignable_to(x, t) {
            let mut msg = format!(
                "cannot use {} as type {} in {}",
                self.op_string(x),
                self.ts(t),
                context
            );
            if !reason.is_empty() {
                msg.push_str(":\n\t");
                msg.push_str(&reason);
            }
            self.error(x.pos(), msg);
            x.mode = OMode::Invalid;
            return false;
        }
        true
    }

    pub(crate) fn convertible_to(&mut self, x: &Operand<'a>, t: TypeId) -> bool {
        if self.assignable_to(x, t).is_ok() {
            return true;
        }
        let v = x.ty;
        let (vu, tu) = (self.tt.underlying(v), self.tt.underlying(t));
        if self.identical_ignore_tags(vu, tu) {
            return true;
        }
        if let (Type::Pointer(a), Type::Pointer(b)) =
            (self.tt.get(v).clone(), self.tt.get(t).clone())
        {
            let (a, b) = (self.tt.underlying(a), self.tt.underlying(b));
            if self.identical_ignore_tags(a, b) {
                return true;
            }
        }
        let tt = &self.tt;
        if (tt.is_integer(v) || tt.is_float(v)) && (tt.is_integer(t) || tt.is_float(t)) {
            return true;
        }
        if tt.is_complex(v) && tt.is_complex(t) {
            return true;
        }
        if tt.is_string(t) {
            if tt.is_integer(v) {
                return true;
            }
            if let Type::Slice(e) = tt.get(vu) {
                if matches!(tt.basic_kind(*e), Some(BasicKind::Uint8 | BasicKind::Int32)) {
                    return true;
                }
            }
        }
        if tt.is_string(v) {
            if let Type::Slice(e) = tt.get(tu) {
                if matches!(tt.basic_kind(*e), Some(BasicKind::Uint8 | BasicKind::Int32)) {
                    return true;
                }
            }
        }
        if (tt.is_pointer(v) || tt.is_uintptr(v)) && tt.is_unsafe_pointer(t) {
            return true;
        }
        if tt.is_unsafe_pointer(v) && (tt.is_pointer(t) || tt.is_uintptr(t)) {
            return true;
        }
        if let (Type::Slice(se), Type::Pointer(p)) = (tt.get(vu), tt.get(tu)) {
            if let Type::Array(_, ae) = tt.get(tt.underlying(*p)) {
                if se == ae {
                    return true;
                }
            }
        }
        false
    }

    /// Type identity ignoring struct tags (for conversions).
    pub(crate) fn identical_ignore_tags(&self, a: TypeId, b: TypeId) -> bool {
        if a == b {
            return true;
        }
        let same = |x: &TypeId, y: &TypeId| self.identical_ignore_tags(*x, *y);
        match (self.tt.get(a), self.tt.get(b)) {
            (Type::Struct(x), Type::Struct(y)) => {
                x.len() == y.len()
                    && x.iter().zip(y).all(|(f, g)| {
                        f.name == g.name
                            && f.embedded == g.embedded
                            && f.pkg == g.pkg
                            && same(&f.ty, &g.ty)
                    })
            }
            (Type::Pointer(x), Type::Pointer(y)) | (Type::Slice(x), Type::Slice(y)) => same(x, y),
            (Type::Array(n, x), Type::Array(m, y)) => n == m && same(x, y),
            (Type::Map(k1, v1), Type::Map(k2, v2)) => same(k1, k2) && same(v1, v2),
            (Type::Chan(d1, x), Type::Chan(d2, y)) => d1 == d2 && same(x, y),
            (Type::Func(s1), Type::Func(s2)) => {
                s1.variadic == s2.variadic
                    && s1.params.len() == s2.params.len()
                    && s1.results.len() == s2.results.len()
                    && s1.params.iter().zip(&s2.params).all(|(x, y)| same(x, y))
                    && s1.results.iter().zip(&s2.results).all(|(x, y)| same(x, y))
            }
            _ => false,
        }
    }

    /// `T(x)`.
    pub(crate) fn conversion(&mut self, x: &mut Operand<'a>, t: TypeId, call: &'a Expr) {
        let const_arg = x.is_const();
        let mut ok = false;
        let mut newval = None;
        if const_arg && self.tt.is_const_type(t) {
            let k = self.tt.basic_kind(t).unwrap();
            let v = x.val().unwrap().clone();
            if let Ok(v) = representable(&v, k) {
                ok = true;
                newval = Some(v);
            } else if self.tt.is_integer(x.ty) && self.tt.is_string(t) {
                let i = v
                    .to_int()
                    .and_then(|i| i.to_u32())
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}');
                let mut b = [0u8; 4];
                newval = Some(ConstValue::String(
                    i.encode_utf8(&mut b).as_bytes().to_vec(),
                ));
                ok = true;
            }
        } else if self.convertible_to(x, t) {
            ok = true;
        }
        if !ok {
            let msg = format!(
                "cannot convert {} to type {}",
                self.op_string(x),
                self.ts(t)
            );
            self.error(x.pos(), msg);
            x.mode = OMode::Invalid;
            return;
        }
        if self.tt.is_untyped(x.ty) {
            let mut fin = t;
            if self.tt.is_interface(t)
                || const_arg && !self.tt.is_const_type(t)
                || x.ty == self.untyped_nil()
            {
                fin = self.tt.default_type(x.ty);
            } else if const_arg && self.tt.is_integer(x.ty) && self.tt.is_string(t) {
                // go/types keeps the untyped argument type; we record its default type
                fin = self.tt.default_type(x.ty);
            }
            if let Some(e) = x.expr {
                self.update_expr_type(e, fin, true);
            }
        }
        match newval {
            Some(v) => x.mode = OMode::Const(v),
            None => x.mode = OMode::Value,
        }
        x.ty = t;
        x.expr = Some(call);
    }

    // ---- assignments ----

    /// Checks the left-hand side `lhs` of an assignment of `x`; returns the lhs type.
    pub(crate) fn assign_var(&mut self, lhs: &'a Expr, x: &mut Operand<'a>) {
        if let ExprKind::Ident(n) = &unparen_e(lhs).kind {
            if n == "_" {
                self.info.defs.insert(lhs.id, ObjId(u32::MAX)).map(|_| ());
                self.info.defs.remove(&lhs.id);
                self.assignment(x, None, "assignment");
                if !x.is_invalid() {
                    // go/types records the blank identifier with the value's type
                    self.record(lhs, &OMode::Variable, x.ty);
                    self.record(unparen_e(lhs), &OMode::Variable, x.ty);
                }
                return;
            }
        }
        // don't count a plain assignment as a use of a local variable
        let mut was_used = None;
        if let ExprKind::Ident(n) = &unparen_e(lhs).kind {
            if let Some((o, _)) = self.scopes.lookup(self.cur_scope, n) {
                if matches!(self.obj(o).kind, crate::ObjKind::Var(_)) {
                    was_used = Some((o, self.used.contains(&o)));
                }
            }
        }
        let z = self.expr(lhs);
        if let Some((o, u)) = was_used {
            if !u {
                self.used.remove(&o);
            }
        }
        if z.is_invalid() {
            self.use_operand(x);
            return;
        }
        match z.mode {
            OMode::Variable | OMode::MapIndex => {}
            _ => {
                if let ExprKind::Selector(sx, _) = &unparen_e(lhs).kind {
                    if let Some(tv) = self.info.types.get(&sx.id) {
                        if tv.mode == crate::Mode::MapIndex {
                            let s = crate::exprstr::expr_string(lhs);
                            self.error(
                                z.pos(),
                                format!("cannot assign to struct field {} in map", s),
                            );
                            return;
                        }
                    }
                }
                let s = self.op_string(&z);
                self.error(z.pos(), format!("cannot assign to {}", s));
                return;
            }
        }
        if !self.assignment(x, Some(z.ty), "assignment") {
            if let Some((o, _)) = was_used {
                self.used.insert(o);
            }
        }
    }

    pub(crate) fn use_operand(&mut self, _x: &Operand<'a>) {}

    /// `lhs = rhs` (also `var` declarations with `lhs` objects through `init_vars`).
    pub(crate) fn assign_vars(&mut self, lhs: &'a [Expr], rhs: &'a [Expr]) {
        let (l, r) = (lhs.len(), rhs.len());
        // x = f() with a multi-value f is an assignment mismatch (not a single-value error)
        if l == 1 && r == 1 && matches!(unparen_e(&rhs[0]).kind, ExprKind::Call { .. }) {
            let mut xs = self.multi_or_commaok(&rhs[0], false);
            if xs.len() != 1 {
                self.assign_error(rhs, 1, xs.len());
                self.use_lhs(&lhs[0]);
                return;
            }
            self.assign_var(&lhs[0], &mut xs[0]);
            return;
        }
        if l == r {
            for (a, b) in lhs.iter().zip(rhs) {
                let mut x = self.expr(b);
                self.assign_var(a, &mut x);
            }
            return;
        }
        if r == 1 {
            let xs = self.multi_or_commaok(&rhs[0], l == 2);
            if xs.len() == l {
                for (a, mut x) in lhs.iter().zip(xs) {
                    self.assign_var(a, &mut x);
                }
                return;
            }
            if !(xs.len() == 1 && xs[0].is_invalid()) {
                self.assign_error(rhs, l, xs.len());
            }
            for a in lhs {
                self.use_lhs(a);
            }
            return;
        }
        self.assign_error(rhs, l, r);
        for a in lhs {
            self.use_lhs(a);
        }
        self.use_exprs(rhs);
    }

    fn use_lhs(&mut self, e: &'a Expr) {
        if let ExprKind::Ident(n) = &e.kind {
            if n == "_" {
                return;
            }
            if let Some((o, _)) = self.scopes.lookup(self.cur_scope, n) {
                self.record_use(e.id, o);
                // avoid follow-on "declared but not used" errors
                self.used.insert(o);
                return;
            }
        }
        self.use_expr(e);
    }

    /// Evaluates a single rhs that must produce several values: a multi-value call, or a
    /// comma-ok expression when `commaok` (two lhs).
    pub(crate) fn multi_or_commaok(&mut self, e: &'a Expr, commaok: bool) -> Vec<Operand<'a>> {
        let mut x = self.raw_expr(e, None);
        self.exclude_non_values(&mut x);
        if x.is_invalid() {
            return vec![x];
        }
        if let Type::Tuple(ts) = self.tt.get(x.ty).clone() {
            return ts
                .iter()
                .map(|&t| Operand {
                    mode: OMode::Value,
                    ty: t,
                    expr: Some(e),
                })
                .collect();
        }
        if commaok && matches!(x.mode, OMode::CommaOk | OMode::MapIndex) {
            let b = basic(BasicKind::Bool);
            let tup = self.tt.tuple(vec![x.ty, b]);
            self.record(e, &x.mode, tup);
            let x0 = Operand {
                mode: OMode::Value,
                ty: x.ty,
                expr: Some(e),
            };
            let x1 = Operand {
                mode: OMode::Value,
                ty: basic(BasicKind::UntypedBool),
                expr: None,
            };
            return vec![x0, x1];
        }
        vec![x]
    }

    pub(crate) fn assign_error(&mut self, rhs: &'a [Expr], l: usize, r: usize) {
        let vars = measure(l, "variable");
        let vals = measure(r, "value");
        let r0 = &rhs[0];
        if rhs.len() == 1 {
            if let ExprKind::Call { func, .. } = &unparen_e(r0).kind {
                let f = crate::exprstr::expr_string(func);
                self.error(
                    crate::exprstr::start_pos(r0),
                    format!("assignment mismatch: {} but {} returns {}", vars, f, vals),
                );
                return;
            }
        }
        self.error(
            crate::exprstr::start_pos(r0),
            format!("assignment mismatch: {} but {}", vars, vals),
        );
    }

    /// Initialises variables `lhs` (objects whose type may still be unknown) from `rhs`.
    pub(crate) fn init_vars(&mut self, lhs: &[ObjId], rhs: &'a [Expr], context: &str) {
        let (l, r) = (lhs.len(), rhs.len());
        // x := f() with a multi-value f is an assignment mismatch; var x = f() is not
        if context == "assignment"
            && l == 1
            && r == 1
            && matches!(unparen_e(&rhs[0]).kind, ExprKind::Call { .. })
        {
            let mut xs = self.multi_or_commaok(&rhs[0], false);
            if xs.len() != 1 {
                if !xs[0].is_invalid() {
                    self.assign_error(rhs, 1, xs.len());
                }
                self.used.insert(lhs[0]);
                return;
            }
            self.init_var(lhs[0], &mut xs[0], context);
            return;
        }
        if l == r {
            for (&o, e) in lhs.iter().zip(rhs) {
                let t = self.var_type(o);
                let hint = if t == INVALID { None } else { Some(t) };
                let mut x = self.expr_hint(e, hint);
                self.init_var(o, &mut x, context);
            }
            return;
        }
        if r == 1 {
            let xs = self.multi_or_commaok(&rhs[0], l == 2);
            if xs.len() == l {
                for (&o, mut x) in lhs.iter().zip(xs) {
                    self.init_var(o, &mut x, context);
                }
                return;
            }
            if !(xs.len() == 1 && xs[0].is_invalid()) {
                self.assign_error(rhs, l, xs.len());
            }
        } else {
            self.assign_error(rhs, l, r);
            self.use_exprs(rhs);
        }
        for &o in lhs {
            if self.var_type(o) == INVALID {
                self.set_var_type(o, INVALID);
            }
            self.used.insert(o);
        }
    }

    pub(crate) fn init_var(&mut self, o: ObjId, x: &mut Operand<'a>, context: &str) {
        let t = self.var_type(o);
        if x.is_invalid() || t == INVALID && self.var_declared_type.contains(&o) {
            self.used.insert(o);
            return;
        }
        if !self.var_declared_type.contains(&o) {
            // infer the type from x
            let mut typ = x.ty;
            if self.tt.is_untyped(typ) {
                if typ == self.untyped_nil() {
                    self.error(x.pos(), format!("use of untyped nil in {}", context));
                    self.used.insert(o);
                    return;
                }
                typ = self.tt.default_type(typ);
            }
            self.set_var_type(o, typ);
        }
        let t = self.var_type(o);
        if !self.assignment(x, Some(t), context) {
            self.used.insert(o);
        }
    }
}

pub(crate) fn unparen_e(e: &Expr) -> &Expr {
    crate::expr::unparen(e)
}

fn measure(n: usize, unit: &str) -> String {
    format!("{} {}{}", n, unit, if n == 1 { "" } else { "s" })
}
