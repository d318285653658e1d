//! Expressions: operands, untyped-constant conversion and the final-type bookkeeping,
//! unary/binary operators, comparisons, shifts, index/slice/selector/assert expressions.

use crate::check::{Checker, OMode, Operand, UntypedInfo};
use crate::constant::{self, representable, ReprError};
use crate::lookup::Lookup;
use crate::table::{basic, INVALID};
use crate::typexpr::is_exported;
use crate::{BasicKind, ConstValue, ObjId, ObjKind, Selection, SelectionKind, Type, TypeId};
use gorc_syntax::ast::{BinaryOp, Expr, ExprKind, UnaryOp};
use num_traits::{Signed, ToPrimitive};

pub(crate) fn unparen(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => unparen(x),
        _ => e,
    }
}

impl<'a> Checker<'a> {
    /// Records `x` as the result of `e`: untyped results wait for their final type.
    pub(crate) fn remember(&mut self, e: &'a Expr, x: &Operand<'a>) {
        if x.is_invalid() {
            return;
        }
        if self.tt.is_untyped(x.ty)
            && !matches!(x.mode, OMode::Type | OMode::Builtin(_) | OMode::NoValue)
        {
            self.untyped.insert(
                e.id,
                UntypedInfo {
                    expr: e,
                    mode: x.mode.clone(),
                    ty: x.ty,
                    is_lhs: false,
                },
            );
        } else {
            self.record(e, &x.mode, x.ty);
        }
    }

    /// Evaluates `e` with an optional type hint (for elided composite literal types).
    pub(crate) fn raw_expr(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand<'a> {
        let mut x = self.expr_internal(e, hint);
        x.expr = Some(e);
        self.remember(e, &x);
        x
    }

    /// A single value (or a type / builtin, for the callers that accept them).
    pub(crate) fn expr_or_type(&mut self, e: &'a Expr) -> Operand<'a> {
        let mut x = self.raw_expr(e, None);
        self.single_value(&mut x);
        if x.mode == OMode::NoValue {
            let s = self.op_string(&x);
            self.error(x.pos(), format!("{} used as value or type", s));
            x.mode = OMode::Invalid;
        }
        x
    }

    pub(crate) fn single_value(&mut self, x: &mut Operand<'a>) {
        if matches!(
            x.mode,
            OMode::Value | OMode::Variable | OMode::CommaOk | OMode::MapIndex
        ) {
            if let Type::Tuple(ts) = self.tt.get(x.ty) {
                if ts.len() != 1 {
                    let s = self.op_string(x);
                    self.error(
                        x.pos(),
                        format!("multiple-value {} in single-value context", s),
                    );
                    x.mode = OMode::Invalid;
                }
            }
        }
    }

    /// A single value that is not a type, builtin or no-value call.
    pub(crate) fn expr(&mut self, e: &'a Expr) -> Operand<'a> {
        self.expr_hint(e, None)
    }

    pub(crate) fn expr_hint(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand<'a> {
        let mut x = self.raw_expr(e, hint);
        self.single_value(&mut x);
        self.exclude_non_values(&mut x);
        x
    }

    pub(crate) fn exclude_non_values(&mut self, x: &mut Operand<'a>) {
        let msg = match x.mode {
            OMode::NoValue => format!(
                "{} (no value) used as value",
                x.expr.map(crate::exprstr::expr_string).unwrap_or_default()
            ),
            OMode::Builtin(_) => format!("{} must be called", self.op_string(x)),
            OMode::Type => format!("{} is not an expression", self.op_string(x)),
            _ => return,
        };
        self.error(x.pos(), msg);
        x.mode = OMode::Invalid;
    }

    /// Evaluates `e`, which may be a multi-valued call; returns one operand per value.
    pub(crate) fn multi_expr(&mut self, e: &'a Expr) -> Vec<Operand<'a>> {
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
        vec![x]
    }

    /// Marks the variables an invalid expression mentions as used (avoids follow-on errors).
    pub(crate) fn use_exprs(&mut self, es: &'a [Expr]) {
        for e in es {
            self.use_expr(e);
        }
    }
    pub(crate) fn use_expr(&mut self, e: &'a Expr) {
        if self.info.types.contains_key(&e.id) || self.untyped.contains_key(&e.id) {
            return;
        }
        let n = self.diags.len();
        let _ = self.raw_expr(e, None);
        self.diags.truncate(n);
    }

    // ---- untyped conversion ----

    /// Gives untyped `x` the type `target` (go/types' implicitTypeAndValue + updates).
    pub(crate) fn convert_untyped(&mut self, x: &mut Operand<'a>, target: TypeId) {
        match self.implicit_type_and_value(x, target) {
            Ok((t, v)) => {
                if let Some(v) = v {
                    x.mode = OMode::Const(v);
                }
                if t != x.ty {
                    x.ty = t;
                    if let Some(e) = x.expr {
                        self.update_expr_type(e, t, false);
                    }
                }
            }
            Err(code) => {
                let t = if self.tt.is_untyped(target) {
                    target
                } else {
                    self.tt.underlying(target)
                };
                let xs = self.op_string(x);
                let ts = self.ts(t);
                let msg = match code {
                    Some(ReprError::Truncated) => format!("{} truncated to {}", xs, ts),
                    Some(ReprError::Overflow) => format!("{} overflows {}", xs, ts),
                    _ => format!("cannot convert {} to {}", xs, ts),
                };
                self.error(x.pos(), msg);
                x.mode = OMode::Invalid;
            }
        }
    }

    /// Ok((new type, new constant value)) or Err(representation error / None for invalid).
    pub(crate) fn implicit_type_and_value(
        &mut self,
        x: &Operand<'a>,
        target: TypeId,
    ) -> Result<(TypeId, Option<ConstValue>), Option<ReprError>> {
        if x.is_invalid() || self.tt.is_typed(x.ty) || target == INVALID {
            return Ok((x.ty, None));
        }
        if self.tt.is_untyped(target) {
            // both untyped
            let (a, b) = (
                self.tt.basic_kind(x.ty).unwrap(),
                self.tt.basic_kind(target).unwrap(),
            );
            if a.is_numeric() && b.is_numeric() {
                let rank = |k: BasicKind| match k {
                    BasicKind::UntypedInt => 0,
                    BasicKind::UntypedRune => 1,
                    BasicKind::UntypedFloat => 2,
                    _ => 3,
                };
                return Ok((if rank(a) >= rank(b) { x.ty } else { target }, None));
            }
            if a == b {
                return Ok((x.ty, None));
            }
            return Err(None);
        }
        let u = self.tt.underlying(target);
        match self.tt.get(u).clone() {
            Type::Basic(k) => {
                if let OMode::Const(v) = &x.mode {
                    return match representable(v, k) {
                        Ok(v) => Ok((target, Some(v))),
                        Err(e) => Err(Some(e)),
                    };
                }
                let xk = self.tt.basic_kind(x.ty).unwrap();
                let ok = match xk {
                    BasicKind::UntypedBool => k.is_boolean(),
                    BasicKind::UntypedInt
                    | BasicKind::UntypedRune
                    | BasicKind::UntypedFloat
                    | BasicKind::UntypedComplex => k.is_numeric(),
                    BasicKind::UntypedString => k.is_string(),
                    BasicKind::UntypedNil => {
                        if k != BasicKind::UnsafePointer {
                            return Err(None);
                        }
                        return Ok((self.untyped_nil(), None));
                    }
                    _ => false,
                };
                if !ok {
                    return Err(None);
                }
                Ok((target, None))
            }
            Type::Interface(ms) => {
                if x.ty == self.untyped_nil() {
                    return Ok((self.untyped_nil(), None));
                }
                if !ms.is_empty() {
                    return Err(None);
                }
                Ok((self.tt.default_type(x.ty), None))
            }
            Type::Pointer(_) | Type::Func(_) | Type::Slice(_) | Type::Map(..) | Type::Chan(..) => {
                if x.ty != self.untyped_nil() {
                    return Err(None);
                }
                Ok((self.untyped_nil(), None))
            }
            _ => Err(None),
        }
    }

    /// Propagates the final type of an untyped expression down its tree (go/types'
    /// updateExprType); `final_` records it even if still untyped.
    pub(crate) fn update_expr_type(&mut self, e: &'a Expr, t: TypeId, final_: bool) {
        let Some(old) = self.untyped.get(&e.id) else {
            return;
        };
        let old_ty = old.ty;
        let is_lhs = old.is_lhs;
        match &e.kind {
            ExprKind::Paren(x) => self.update_expr_type(x, t, final_),
            ExprKind::Unary(op, x) => {
                if !matches!(old.mode, OMode::Const(_)) || *op != UnaryOp::Not || true {
                    if old.mode != OMode::Value || true {
                        self.update_expr_type(x, t, final_);
                    }
                }
            }
            ExprKind::Binary(op, l, r) => {
                if matches!(old.mode, OMode::Const(_)) {
                    // operands of a constant expression are never materialised... but gc
                    // records them with the same type; do as go/types does.
                }
                if op.is_comparison() {
                    // result type is independent of operand types
                } else if op.is_shift() {
                    let lhs_shift = self.untyped.get(&l.id).map_or(false, |i| i.is_lhs);
                    if lhs_shift && !self.tt.is_untyped(t) && !self.tt.is_integer(t) {
                        let m = format!(
                            "invalid operation: {} (shift of type {})",
                            crate::exprstr::expr_string(e),
                            self.ts(t)
                        );
                        self.error(crate::exprstr::start_pos(l), m);
                        self.untyped.remove(&l.id);
                        self.untyped.remove(&e.id);
                        return;
                    }
                    self.update_expr_type(l, t, final_);
                } else {
                    self.update_expr_type(l, t, final_);
                    self.update_expr_type(r, t, final_);
                }
            }
            _ => {}
        }
        if !final_ && self.tt.is_untyped(t) {
            if let Some(o) = self.untyped.get_mut(&e.id) {
                o.ty = self.tt.basic_kind(t).map(basic).unwrap_or(t);
            }
            return;
        }
        let old = self.untyped.remove(&e.id).unwrap();
        if is_lhs && !self.tt.is_integer(t) && !self.tt.is_untyped(t) {
            // a shifted untyped constant in a non-constant shift became a non-integer
            let s = crate::exprstr::expr_string(e);
            self.error(
                crate::exprstr::start_pos(e),
                format!(
                    "invalid operation: shifted operand {} (type {}) must be integer",
                    s,
                    self.ts(t)
                ),
            );
            return;
        }
        let _ = old_ty;
        let mode = match old.mode {
            OMode::Const(v) => {
                let k = self.tt.basic_kind(t);
                match k {
                    Some(k) if !self.tt.is_interface(t) => {
                        OMode::Const(representable(&v, k).unwrap_or(v))
                    }
                    _ => OMode::Const(v),
                }
            }
            m => m,
        };
        self.record(e, &mode, t);
    }

    /// Records the remaining untyped expressions with their default types.
    pub(crate) fn flush_untyped(&mut self) {
        let ids: Vec<_> = self.untyped.keys().copied().collect();
        for id in ids {
            if let Some(info) = self.untyped.remove(&id) {
                let t = self.tt.default_type(info.ty);
                let mode = match info.mode {
                    OMode::Const(v) => {
                        let k = self.tt.basic_kind(t).unwrap();
                        OMode::Const(representable(&v, k).unwrap_or(v))
                    }
                    m => m,
                };
                self.record(info.expr, &mode, t);
            }
        }
    }

    /// Makes the types of two binary operands match (go/types' matchTypes).
    fn match_types(&mut self, x: &mut Operand<'a>, y: &mut Operand<'a>) {
        let tt = &self.tt;
        let nil = self.untyped_nil();
        let may = if tt.is_typed(x.ty) && tt.is_typed(y.ty) {
            false
        } else if tt.is_interface(x.ty) || tt.is_interface(y.ty) {
            true
        } else if tt.is_boolean(x.ty) != tt.is_boolean(y.ty)
            || tt.is_string(x.ty) != tt.is_string(y.ty)
        {
            false
        } else if x.ty == nil {
            tt.has_nil(y.ty)
        } else if y.ty == nil {
            tt.has_nil(x.ty)
        } else {
            true
        };
        if may {
            let yt = y.ty;
            self.convert_untyped(x, yt);
            if x.is_invalid() {
                return;
            }
            let xt = x.ty;
            self.convert_untyped(y, xt);
            if y.is_invalid() {
                x.mode = OMode::Invalid;
            }
        }
    }

    pub(crate) fn kind_string(&self, t: TypeId) -> String {
        match self.tt.get(self.tt.underlying(t)) {
            Type::Array(..) => "array".into(),
            Type::Slice(_) => "slice".into(),
            Type::Struct(_) => "struct".into(),
            Type::Pointer(_) => "pointer".into(),
            Type::Func(_) => "func".into(),
            Type::Interface(_) => "interface".into(),
            Type::Map(..) => "map".into(),
            Type::Chan(..) => "chan".into(),
            _ => self.ts(t),
        }
    }

    fn incomparable_cause(&self, t: TypeId) -> String {
        match self.tt.get(self.tt.underlying(t)) {
            Type::Slice(_) | Type::Func(_) | Type::Map(..) => {
                format!("{} can only be compared to nil", self.kind_string(t))
            }
            _ => self.incomparable_part(t).unwrap_or_default(),
        }
    }

    fn incomparable_part(&self, t: TypeId) -> Option<String> {
        match self.tt.get(self.tt.underlying(t)) {
            Type::Struct(fs) => {
                for f in fs {
                    if !self.tt.comparable(f.ty) {
                        return Some(format!(
                            "struct containing {} cannot be compared",
                            self.ts(f.ty)
                        ));
                    }
                }
                None
            }
            Type::Array(_, e) => {
                if !self.tt.comparable(*e) {
                    return Some(format!("{} cannot be compared", self.ts(t)));
                }
                None
            }
            _ => None,
        }
    }

    /// A comparison; `switch_case` words errors for a case of an expression switch.
    pub(crate) fn comparison(
        &mut self,
        x: &mut Operand<'a>,
        y: &mut Operand<'a>,
        op: BinaryOp,
        switch_case: bool,
    ) {
        if x.ty == INVALID || y.ty == INVALID {
            x.mode = OMode::Invalid;
            return;
        }
        let mut err_y = false;
        let mut cause = String::new();
        let ok = self.assignable_to(x, y.ty).is_ok() || self.assignable_to(y, x.ty).is_ok();
        let mut failed = false;
        if !ok {
            err_y = true;
            cause = format!("mismatched types {} and {}", self.ts(x.ty), self.ts(y.ty));
            failed = true;
        } else {
            let nil = self.untyped_nil();
            match op {
                BinaryOp::Eq | BinaryOp::Ne => {
                    if x.ty == nil || y.ty == nil {
                        let t = if x.ty == nil { y.ty } else { x.ty };
                        if !self.tt.has_nil(t) {
                            err_y = true;
                            failed = true;
                        }
                    } else if !self.tt.comparable(x.ty) {
                        cause = self.incomparable_cause(x.ty);
                        failed = true;
                    } else if !self.tt.comparable(y.ty) {
                        err_y = true;
                        cause = self.incomparable_cause(y.ty);
                        failed = true;
                    }
                }
                _ => {
                    if !self.tt.is_ordered(x.ty) {
                        failed = true;
                    } else if !self.tt.is_ordered(y.ty) {
                        err_y = true;
                        failed = true;
                    }
                }
            }
        }
        if failed {
            let eo = if err_y { y.ty } else { x.ty };
            if cause.is_empty() {
                cause = format!(
                    "operator {} not defined on {}",
                    op.as_str(),
                    self.kind_string(eo)
                );
            }
            let xs = x.expr.map(crate::exprstr::expr_string).unwrap_or_default();
            let ys = y.expr.map(crate::exprstr::expr_string).unwrap_or_default();
            if switch_case {
                let p = x.pos();
                self.error(
                    p,
                    format!("invalid case {} in switch on {} ({})", xs, ys, cause),
                );
            } else {
                let p = if err_y { y.pos() } else { x.pos() };
                self.error(
                    p,
                    format!(
                        "invalid operation: {} {} {} ({})",
                        xs,
                        op.as_str(),
                        ys,
                        cause
                    ),
                );
            }
            x.mode = OMode::Invalid;
            return;
        }
        if let (OMode::Const(a), OMode::Const(b)) = (&x.mode, &y.mode) {
            let r = constant::compare(op, a, b).unwrap_or(false);
            x.mode = OMode::Const(ConstValue::Bool(r));
        } else {
            x.mode = OMode::Value;
            let (dx, dy) = (self.tt.default_type(x.ty), self.tt.default_type(y.ty));
            if let Some(e) = x.expr {
                self.update_expr_type(e, dx, true);
            }
            if let Some(e) = y.expr {
                self.update_expr_type(e, dy, true);
            }
        }
        x.ty = basic(BasicKind::UntypedBool);
    }

    /// Checks a constant result against its type (go/types' overflow).
    pub(crate) fn overflow(&mut self, x: &mut Operand<'a>) {
        let OMode::Const(v) = &x.mode else { return };
        if self.tt.is_typed(x.ty) {
            let k = self.tt.basic_kind(x.ty).unwrap();
            match representable(v, k) {
                Ok(v) => x.mode = OMode::Const(v),
                Err(code) => {
                    let xs = self.op_string(x);
                    let ts = self.ts(self.tt.underlying(x.ty));
                    let msg = match code {
                        ReprError::Truncated => format!("{} truncated to {}", xs, ts),
                        ReprError::Overflow => format!("{} overflows {}", xs, ts),
                        ReprError::Invalid => format!("cannot convert {} to {}", xs, ts),
                    };
                    self.error(x.pos(), msg);
                    x.mode = OMode::Invalid;
                }
            }
            return;
        }
        if let ConstValue::Int(i) = v {
            if i.bits() > 512 {
                let p = x.pos();
                self.error(p, "constant overflow".to_string());
                x.mode = OMode::Invalid;
            }
        }
    }

    fn unary(&mut self, e: &'a Expr, op: UnaryOp, xe: &'a Expr) -> Operand<'a> {
        let mut x = self.expr(xe);
        if x.is_invalid() {
            return x;
        }
        match op {
            UnaryOp::Addr => {
                if !matches!(unparen(xe).kind, ExprKind::CompositeLit { .. })
                    && x.mode != OMode::Variable
                {
                    let s = self.op_string(&x);
                    self.error(
                        x.pos(),
                        format!("invalid operation: cannot take address of {}", s),
                    );
                    return Operand::invalid(Some(e));
                }
                self.mark_root_addressed(xe);
                let t = self.tt.pointer(x.ty);
                return Operand {
                    mode: OMode::Value,
                    ty: t,
                    expr: Some(e),
                };
            }
            UnaryOp::Recv => match self.tt.chan_dir(x.ty) {
                None => {
                    let s = self.op_string(&x);
                    self.error(
                        x.pos(),
                        format!("invalid operation: cannot receive from non-channel {}", s),
                    );
                    return Operand::invalid(Some(e));
                }
                Some((crate::ChanDir::Send, _)) => {
                    let s = self.op_string(&x);
                    self.error(
                        x.pos(),
                        format!(
                            "invalid operation: cannot receive from send-only channel {}",
                            s
                        ),
                    );
                    return Operand::invalid(Some(e));
                }
                Some((_, el)) => {
                    return Operand {
                        mode: OMode::CommaOk,
                        ty: el,
                        expr: Some(e),
                    }
                }
            },
            _ => {}
        }
        let ok = match op {
            UnaryOp::Plus | UnaryOp::Neg => self.tt.is_numeric(x.ty),
            UnaryOp::Xor => self.tt.is_integer(x.ty),
            UnaryOp::Not => self.tt.is_boolean(x.ty),
            _ => true,
        };
        if !ok {
            let s = self.op_string(&x);
            self.error(
                x.pos(),
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    s
                ),
            );
            return Operand::invalid(Some(e));
        }
        if let OMode::Const(v) = &x.mode {
            let bits = if self.tt.is_unsigned(x.ty) {
                Some(self.tt.size_of(x.ty) as u32 * 8)
            } else {
                None
            };
            let r = constant::unary_op(op, v, bits).unwrap_or_else(|| v.clone());
            x.mode = OMode::Const(r);
            x.expr = Some(e);
            self.overflow(&mut x);
            return x;
        }
        x.mode = OMode::Value;
        x.expr = Some(e);
        x
    }

    pub(crate) fn mark_root_addressed(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Paren(x) => self.mark_root_addressed(x),
            ExprKind::Ident(_) => {
                if let Some(&o) = self.info.uses.get(&e.id) {
                    self.mark_addressed(o);
                }
            }
            ExprKind::Selector(x, _) => {
                if let Some(sel) = self.info.selections.get(&e.id) {
                    if sel.kind == SelectionKind::FieldVal && !sel.indirect {
                        let x: &Expr = x;
                        self.mark_root_addressed(x);
                    }
                }
            }
            ExprKind::Index(x, _) => {
                if let Some(tv) = self.info.types.get(&x.id) {
                    if matches!(self.tt.get(self.tt.underlying(tv.ty)), Type::Array(..)) {
                        let x: &Expr = x;
                        self.mark_root_addressed(x);
                    }
                }
            }
            _ => {}
        }
    }

    pub(crate) fn binary(
        &mut self,
        e: Option<&'a Expr>,
        op: BinaryOp,
        le: &'a Expr,
        re: &'a Expr,
    ) -> Operand<'a> {
        let mut x = self.expr(le);
        let mut y = self.expr(re);
        if x.is_invalid() {
            return x;
        }
        if y.is_invalid() {
            x.mode = OMode::Invalid;
            x.expr = y.expr;
            return x;
        }
        if op.is_shift() {
            self.shift(&mut x, &mut y, e, op);
            return x;
        }
        self.match_types(&mut x, &mut y);
        if x.is_invalid() {
            return x;
        }
        if op.is_comparison() {
            self.comparison(&mut x, &mut y, op, false);
            x.expr = e;
            return x;
        }
        if x.ty != y.ty {
            if x.ty != INVALID && y.ty != INVALID {
                let msg = match e {
                    Some(e) => format!(
                        "invalid operation: {} (mismatched types {} and {})",
                        crate::exprstr::expr_string(e),
                        self.ts(x.ty),
                        self.ts(y.ty)
                    ),
                    None => format!(
                        "invalid operation: {} {}= {} (mismatched types {} and {})",
                        crate::exprstr::expr_string(le),
                        op.as_str(),
                        crate::exprstr::expr_string(re),
                        self.ts(x.ty),
                        self.ts(y.ty)
                    ),
                };
                self.error(x.pos(), msg);
            }
            x.mode = OMode::Invalid;
            return x;
        }
        let ok = match op {
            BinaryOp::Add => self.tt.is_numeric(x.ty) || self.tt.is_string(x.ty),
            BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div => self.tt.is_numeric(x.ty),
            BinaryOp::Rem | BinaryOp::And | BinaryOp::Or | BinaryOp::Xor | BinaryOp::AndNot => {
                self.tt.is_integer(x.ty)
            }
            BinaryOp::LAnd | BinaryOp::LOr => self.tt.is_boolean(x.ty),
            _ => true,
        };
        if !ok {
            let s = self.op_string(&x);
            self.error(
                x.pos(),
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    s
                ),
            );
            x.mode = OMode::Invalid;
            return x;
        }
        if matches!(op, BinaryOp::Div | BinaryOp::Rem) {
            if (x.is_const() || self.tt.is_integer(x.ty)) && y.val().map_or(false, |v| v.is_zero())
            {
                self.error(y.pos(), "invalid operation: division by zero");
                x.mode = OMode::Invalid;
                return x;
            }
        }
        if let (OMode::Const(a), OMode::Const(b)) = (&x.mode, &y.mode) {
            let int_div = self.tt.is_integer(x.ty);
            match constant::binary_op(op, a, b, int_div) {
                Some(v) => {
                    x.mode = OMode::Const(v);
                    x.expr = e;
                    self.overflow(&mut x);
                }
                None => x.mode = OMode::Invalid,
            }
            return x;
        }
        x.mode = OMode::Value;
        x.expr = e;
        x
    }

    fn shift(
        &mut self,
        x: &mut Operand<'a>,
        y: &mut Operand<'a>,
        e: Option<&'a Expr>,
        op: BinaryOp,
    ) {
        let xval = x.val().and_then(|v| v.to_int());
        let untyped_int_ok = self.tt.is_untyped(x.ty) && xval.is_some();
        if !(self.tt.is_integer(x.ty) || untyped_int_ok) {
            let s = self.op_string(x);
            self.error(
                x.pos(),
                format!("invalid operation: shifted operand {} must be integer", s),
            );
            x.mode = OMode::Invalid;
            return;
        }
        let mut yval = None;
        if let Some(v) = y.val().cloned() {
            yval = v.to_int();
            if yval.as_ref().map_or(false, |i| i.is_negative()) {
                let s = self.op_string(y);
                self.error(
                    y.pos(),
                    format!("invalid operation: negative shift count {}", s),
                );
                x.mode = OMode::Invalid;
                return;
            }
            if self.tt.is_untyped(y.ty) {
                if let Err(code) = representable(&v, BasicKind::Uint) {
                    let ys = self.op_string(y);
                    let msg = match code {
                        ReprError::Truncated => format!("{} truncated to uint", ys),
                        ReprError::Overflow => format!("{} overflows uint", ys),
                        ReprError::Invalid => format!("cannot convert {} to uint", ys),
                    };
                    self.error(y.pos(), msg);
                    x.mode = OMode::Invalid;
                    return;
                }
            }
        } else if self.tt.is_integer(y.ty) {
        } else if self.tt.is_untyped(y.ty) {
            self.convert_untyped(y, basic(BasicKind::Uint));
            if y.is_invalid() {
                x.mode = OMode::Invalid;
                return;
            }
        } else {
            let s = self.op_string(y);
            self.error(
                y.pos(),
                format!("invalid operation: shift count {} must be integer", s),
            );
            x.mode = OMode::Invalid;
            return;
        }
        if x.is_const() {
            if y.is_const() {
                let s = yval.as_ref().and_then(|v| v.to_u64());
                let Some(s) = s.filter(|&s| s <= 1023 - 1 + 52) else {
                    let ys = self.op_string(y);
                    self.error(
                        y.pos(),
                        format!("invalid operation: invalid shift count {}", ys),
                    );
                    x.mode = OMode::Invalid;
                    return;
                };
                if !self.tt.is_integer(x.ty) {
                    x.ty = basic(BasicKind::UntypedInt);
                }
                let v = constant::shift(op, &ConstValue::Int(xval.unwrap()), s).unwrap();
                x.mode = OMode::Const(v);
                x.expr = e;
                self.overflow(x);
                return;
            }
            if self.tt.is_untyped(x.ty) {
                if let Some(xe) = x.expr {
                    if let Some(info) = self.untyped.get_mut(&xe.id) {
                        info.is_lhs = true;
                    }
                }
                x.mode = OMode::Value;
                x.expr = e;
                return;
            }
        }
        if !self.tt.is_integer(x.ty) {
            let s = self.op_string(x);
            self.error(
                x.pos(),
                format!("invalid operation: shifted operand {} must be integer", s),
            );
            x.mode = OMode::Invalid;
            return;
        }
        x.mode = OMode::Value;
        x.expr = e;
    }

    /// The core of expression checking (without recording `e` itself).
    fn expr_internal(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand<'a> {
        let inv = Operand::invalid(Some(e));
        match &e.kind {
            ExprKind::Bad => inv,
            ExprKind::Ident(name) => self.ident(e, name),
            ExprKind::BasicLit(lit) => match crate::literal::decode(lit.kind, &lit.raw) {
                Some(v) => {
                    let k = match lit.kind {
                        gorc_syntax::ast::LitKind::Int => BasicKind::UntypedInt,
                        gorc_syntax::ast::LitKind::Float => BasicKind::UntypedFloat,
                        gorc_syntax::ast::LitKind::Imag => BasicKind::UntypedComplex,
                        gorc_syntax::ast::LitKind::Rune => BasicKind::UntypedRune,
                        gorc_syntax::ast::LitKind::String => BasicKind::UntypedString,
                    };
                    let mut x = Operand {
                        mode: OMode::Const(v),
                        ty: basic(k),
                        expr: Some(e),
                    };
                    self.overflow(&mut x);
                    x
                }
                None => {
                    self.error(e.pos, format!("malformed constant: {}", lit.raw));
                    inv
                }
            },
            ExprKind::FuncLit { sig, body } => {
                let (t, params, results) = self.func_type(sig, None);
                self.func_lit_body(t, sig, params, results, body);
                Operand {
                    mode: OMode::Value,
                    ty: t,
                    expr: Some(e),
                }
            }
            ExprKind::CompositeLit {
                ty,
                elts,
                lbrace,
                rbrace,
            } => self.composite_lit(e, ty.as_deref(), elts, *lbrace, *rbrace, hint),
            ExprKind::Paren(x) => {
                let mut o = self.raw_expr(x, hint);
                o.expr = Some(e);
                o
            }
            ExprKind::Selector(x, sel) => self.selector(e, x, sel),
            ExprKind::Index(x, i) => self.index_expr(e, x, i),
            ExprKind::Slice {
                x,
                lo,
                hi,
                max,
                three,
            } => self.slice_expr(e, x, lo.as_deref(), hi.as_deref(), max.as_deref(), *three),
            ExprKind::TypeAssert(x, t) => {
                let xo = self.expr(x);
                if xo.is_invalid() {
                    return inv;
                }
                let Some(t) = t else {
                    self.error(
                        e.pos,
                        "invalid syntax tree: use of .(type) outside type switch",
                    );
                    return inv;
                };
                if !self.tt.is_interface(xo.ty) {
                    let s = self.op_string(&xo);
                    self.error(
                        xo.pos(),
                        format!("invalid operation: {} is not an interface", s),
                    );
                    return inv;
                }
                let tt = self.typ(t);
                if tt == INVALID {
                    return inv;
                }
                self.type_assertion(e, &xo, tt, false);
                Operand {
                    mode: OMode::CommaOk,
                    ty: tt,
                    expr: Some(e),
                }
            }
            ExprKind::Call {
                func,
                args,
                ellipsis,
                rparen,
            } => self.call(e, func, args, *ellipsis, *rparen),
            ExprKind::Star(x) => {
                let xo = self.expr_or_type(x);
                match xo.mode {
                    OMode::Invalid => inv,
                    OMode::Type => {
                        let t = self.tt.pointer(xo.ty);
                        Operand {
                            mode: OMode::Type,
                            ty: t,
                            expr: Some(e),
                        }
                    }
                    _ => {
                        if xo.ty == self.untyped_nil() {
                            self.error(xo.pos(), "invalid operation: cannot indirect nil");
                            return inv;
                        }
                        match self.tt.pointer_elem(xo.ty) {
                            Some(el) => Operand {
                                mode: OMode::Variable,
                                ty: el,
                                expr: Some(e),
                            },
                            None => {
                                let s = self.op_string(&xo);
                                self.error(
                                    xo.pos(),
                                    format!("invalid operation: cannot indirect {}", s),
                                );
                                inv
                            }
                        }
                    }
                }
            }
            ExprKind::Unary(op, x) => self.unary(e, *op, x),
            ExprKind::Binary(op, l, r) => self.binary(Some(e), *op, l, r),
            ExprKind::ArrayType { .. }
            | ExprKind::StructType(_)
            | ExprKind::FuncType(_)
            | ExprKind::InterfaceType(_)
            | ExprKind::MapType(..)
            | ExprKind::ChanType(..) => {
                let t = self.typ_internal(e);
                if t == INVALID {
                    return inv;
                }
                Operand {
                    mode: OMode::Type,
                    ty: t,
                    expr: Some(e),
                }
            }
            ExprKind::Ellipsis(_) => {
                self.error(e.pos, "invalid use of ...");
                inv
            }
        }
    }

    pub(crate) fn type_assertion(
        &mut self,
        e: &'a Expr,
        x: &Operand<'a>,
        t: TypeId,
        type_switch: bool,
    ) {
        if self.tt.is_interface(t) {
            return;
        }
        if let Some((m, ptr, wrong)) = self.missing_method(t, x.ty) {
            let cause = self.missing_cause(t, x.ty, &m, ptr, wrong);
            let p = crate::exprstr::start_pos(e);
            if type_switch {
                let msg = format!(
                    "impossible type switch case: {} cannot have dynamic type {} ({})",
                    self.op_string(x),
                    self.ts(t),
                    cause
                );
                self.error(p, msg);
            } else {
                let msg = format!(
                    "impossible type assertion: {}\n\t{} does not implement {} ({})",
                    crate::exprstr::expr_string(e),
                    self.ts(t),
                    self.ts(x.ty),
                    cause
                );
                self.error(p, msg);
            }
        }
    }

    pub(crate) fn missing_cause(
        &self,
        _t: TypeId,
        _iface: TypeId,
        m: &str,
        ptr: bool,
        wrong: bool,
    ) -> String {
        if ptr {
            format!("{} method has pointer receiver", m)
        } else if wrong {
            format!("wrong type for {} method", m)
        } else {
            format!("missing {} method", m)
        }
    }

    fn ident(&mut self, e: &'a Expr, name: &str) -> Operand<'a> {
        let inv = Operand::invalid(Some(e));
        if name == "_" {
            self.error(e.pos, "cannot use _ as value or type");
            return inv;
        }
        let Some((o, _sc)) = self.scopes.lookup(self.cur_scope, name) else {
            self.error(e.pos, format!("undefined: {}", name));
            return inv;
        };
        self.object_operand(e, o, name)
    }

    /// The operand an identifier (or a qualified identifier `pkg.Name`) denoting `o` is.
    fn object_operand(&mut self, e: &'a Expr, o: ObjId, name: &str) -> Operand<'a> {
        let inv = Operand::invalid(Some(e));
        self.record_use(e.id, o);
        self.note_ident_name(name);
        self.obj_decl_if_pending(o);
        self.add_dep(o);
        let kind = self.obj(o).kind.clone();
        match kind {
            ObjKind::Package { .. } => {
                self.used_imports.insert(o);
                self.error(e.pos, format!("use of package {} without selector", name));
                inv
            }
            ObjKind::Const { ty, value } => {
                if o == self.iota_obj {
                    match &self.iota {
                        Some(v) => {
                            return Operand {
                                mode: OMode::Const(v.clone()),
                                ty,
                                expr: Some(e),
                            }
                        }
                        None => {
                            self.error(e.pos, "cannot use iota outside constant declaration");
                            return inv;
                        }
                    }
                }
                if ty == INVALID {
                    return inv;
                }
                Operand {
                    mode: OMode::Const(value),
                    ty,
                    expr: Some(e),
                }
            }
            ObjKind::TypeName { ty } => {
                if ty == INVALID {
                    return inv;
                }
                Operand {
                    mode: OMode::Type,
                    ty,
                    expr: Some(e),
                }
            }
            ObjKind::Var(v) => {
                self.used.insert(o);
                if let (Some(f), Some(owner)) = (&self.fctx, self.var_owner.get(&o)) {
                    if f.id != *owner {
                        self.mark_addressed(o);
                    }
                }
                if v.ty == INVALID {
                    return inv;
                }
                Operand {
                    mode: OMode::Variable,
                    ty: v.ty,
                    expr: Some(e),
                }
            }
            ObjKind::Func(f) => Operand {
                mode: OMode::Value,
                ty: f.sig,
                expr: Some(e),
            },
            ObjKind::Builtin(b) => Operand {
                mode: OMode::Builtin(b),
                ty: INVALID,
                expr: Some(e),
            },
            ObjKind::Nil => Operand {
                mode: OMode::Value,
                ty: self.untyped_nil(),
                expr: Some(e),
            },
            ObjKind::Label => {
                self.error(e.pos, format!("undefined: {}", name));
                inv
            }
        }
    }

    fn selector(
        &mut self,
        e: &'a Expr,
        xe: &'a Expr,
        sel: &'a gorc_syntax::ast::Ident,
    ) -> Operand<'a> {
        let inv = Operand::invalid(Some(e));
        // qualified identifier
        if let ExprKind::Ident(pname) = &xe.kind {
            if let Some((o, _)) = self.scopes.lookup(self.cur_scope, pname) {
                if let ObjKind::Package { path } = &self.obj(o).kind {
                    let path = path.clone();
                    self.used_imports.insert(o);
                    self.record_use(xe.id, o);
                    let scope = self.import_scope(&path);
                    let found = scope.and_then(|s| self.scopes.lookup_local(s, &sel.name));
                    let found = found.filter(|_| path == "unsafe" || is_exported(&sel.name));
                    let Some(m) = found else {
                        let hidden = scope.and_then(|s| self.scopes.lookup_local(s, &sel.name));
                        if hidden.is_some() {
                            let pkg_name = self.imported_name(&path);
                            self.error(
                                sel.pos,
                                format!("{} not exported by package {}", sel.name, pkg_name),
                            );
                            return inv;
                        }
                        self.error(sel.pos, format!("undefined: {}.{}", pname, sel.name));
                        return inv;
                    };
                    self.record_use(sel.id, m);
                    return self.object_operand(e, m, &sel.name);
                }
            }
        }
        let x = self.expr_or_type(xe);
        match x.mode {
            OMode::Invalid => return inv,
            OMode::Builtin(_) => {
                let s = self.op_string(&x);
                self.error(x.pos(), format!("{} must be called", s));
                return inv;
            }
            _ => {}
        }
        let name = &sel.name;
        if x.mode == OMode::Type {
            // method expression
            let l = self.lookup(x.ty, name);
            let Lookup::Method {
                obj,
                index,
                indirect,
            } = l
            else {
                let s = self.ts(x.ty);
                self.error(
                    sel.pos,
                    format!(
                        "{}.{} undefined (type {} has no field or method {})",
                        s, name, s, name
                    ),
                );
                return inv;
            };
            if self.ptr_recv(obj)
                && !indirect
                && !self.tt.is_pointer(x.ty)
                && !self.tt.is_interface(x.ty)
            {
                let s = self.ts(x.ty);
                self.error(
                    e.pos,
                    format!(
                        "invalid method expression {}.{} (needs pointer receiver (*{}).{})",
                        s, name, s, name
                    ),
                );
                return inv;
            }
            self.add_dep(obj);
            let Some(sig) = self.tt.sig(self.var_type(obj)).cloned() else {
                return inv;
            };
            let mut params = vec![x.ty];
            params.extend(sig.params.iter().copied());
            let t = self.tt.mk(Type::Func(crate::Signature {
                params,
                results: sig.results,
                variadic: sig.variadic,
            }));
            self.info.selections.insert(
                e.id,
                Selection {
                    kind: SelectionKind::MethodExpr,
                    recv: x.ty,
                    obj,
                    index,
                    indirect,
                },
            );
            self.record_use(sel.id, obj);
            return Operand {
                mode: OMode::Value,
                ty: t,
                expr: Some(e),
            };
        }
        if x.ty == INVALID {
            return inv;
        }
        // pointer to interface
        if let Some(el) = self.tt.pointer_elem(x.ty) {
            if self.tt.is_interface(el) && !matches!(self.tt.get(x.ty), Type::Named(_)) {
                let xs = crate::exprstr::expr_string(xe);
                let ts = self.ts(x.ty);
                self.error(
                    sel.pos,
                    format!(
                        "{}.{} undefined (type {} is pointer to interface, not interface)",
                        xs, name, ts
                    ),
                );
                return inv;
            }
        }
        match self.lookup(x.ty, name) {
            Lookup::Field {
                obj,
                index,
                indirect,
                ty,
            } => {
                self.record_use(sel.id, obj);
                self.info.selections.insert(
                    e.id,
                    Selection {
                        kind: SelectionKind::FieldVal,
                        recv: x.ty,
                        obj,
                        index,
                        indirect,
                    },
                );
                let mode = if x.mode == OMode::Variable || indirect {
                    OMode::Variable
                } else {
                    OMode::Value
                };
                Operand {
                    mode,
                    ty,
                    expr: Some(e),
                }
            }
            Lookup::Method {
                obj,
                index,
                indirect,
            } => {
                if self.ptr_recv(obj) && !indirect && !self.tt.is_pointer(x.ty) {
                    if x.mode == OMode::Variable {
                        self.mark_root_addressed(xe);
                    } else {
                        let ts = self.ts(x.ty);
                        self.error(
                            sel.pos,
                            format!("cannot call pointer method {} on {}", name, ts),
                        );
                        return inv;
                    }
                }
                self.add_dep(obj);
                self.record_use(sel.id, obj);
                let sig = self.var_type(obj);
                self.info.selections.insert(
                    e.id,
                    Selection {
                        kind: SelectionKind::MethodVal,
                        recv: x.ty,
                        obj,
                        index,
                        indirect,
                    },
                );
                Operand {
                    mode: OMode::Value,
                    ty: sig,
                    expr: Some(e),
                }
            }
            Lookup::Ambiguous => {
                let xs = crate::exprstr::expr_string(xe);
                self.error(sel.pos, format!("ambiguous selector {}.{}", xs, name));
                inv
            }
            Lookup::NotFound => {
                let base = self.tt.pointer_elem(x.ty).unwrap_or(x.ty);
                if self.tt.underlying(base) == INVALID {
                    // an invalid (say recursive) type: already reported
                    return inv;
                }
                let xs = crate::exprstr::expr_string(xe);
                let ts = self.ts(x.ty);
                let mut why = format!("type {} has no field or method {}", ts, name);
                // gc points at an exported/unexported variant
                let alt: String = {
                    let mut cs = name.chars();
                    match cs.next() {
                        Some(c) if c.is_lowercase() => c.to_uppercase().chain(cs).collect(),
                        Some(c) => c.to_lowercase().chain(cs).collect(),
                        None => String::new(),
                    }
                };
                if !alt.is_empty() && alt != *name {
                    match self.lookup(x.ty, &alt) {
                        Lookup::Field { .. } => {
                            why = format!(
                                "type {} has no field or method {}, but does have {}",
                                ts, name, alt
                            )
                        }
                        Lookup::Method { .. } => {
                            why = format!(
                                "type {} has no field or method {}, but does have {}",
                                ts, name, alt
                            )
                        }
                        _ => {}
                    }
                }
                self.error(sel.pos, format!("{}.{} undefined ({})", xs, name, why));
                inv
            }
        }
    }

    /// Checks an index operand; returns its constant value if it is one. `max` is the length
    /// for constant bounds checks.
    pub(crate) fn index(&mut self, ie: &'a Expr, max: Option<i64>, allow_len: bool) -> Option<i64> {
        let mut x = self.expr(ie);
        if x.is_invalid() {
            return None;
        }
        self.convert_untyped(&mut x, basic(BasicKind::Int));
        if x.is_invalid() {
            return None;
        }
        if !self.tt.is_integer(x.ty) {
            let s = self.op_string(&x);
            self.error(
                x.pos(),
                format!("invalid argument: index {} must be integer", s),
            );
            return None;
        }
        if let Some(v) = x.val() {
            let i = v.to_int().unwrap();
            if i.is_negative() {
                let s = self.op_string(&x);
                self.error(
                    x.pos(),
                    format!("invalid argument: index {} must not be negative", s),
                );
                return None;
            }
            let iv = i.to_i64();
            if let Some(m) = max {
                let bad = match iv {
                    Some(iv) => {
                        if allow_len {
                            iv > m
                        } else {
                            iv >= m
                        }
                    }
                    None => true,
                };
                if bad {
                    let s = crate::exprstr::expr_string(ie);
                    self.error(
                        x.pos(),
                        format!(
                            "invalid argument: index {} out of bounds [0:{}]",
                            s,
                            m + allow_len as i64
                        ),
                    );
                    return None;
                }
            }
            return iv;
        }
        None
    }

    fn index_expr(&mut self, e: &'a Expr, xe: &'a Expr, ie: &'a Expr) -> Operand<'a> {
        let inv = Operand::invalid(Some(e));
        let x = self.expr_or_type(xe);
        match x.mode {
            OMode::Invalid => {
                self.use_expr(ie);
                return inv;
            }
            OMode::Type => {
                self.error(x.pos(), format!("{} is not a generic type", self.ts(x.ty)));
                return inv;
            }
            _ => {}
        }
        self.exclude_non_values(&mut x.clone());
        let u = self.tt.underlying(x.ty);
        match self.tt.get(u).clone() {
            Type::Basic(k) if k.is_string() => {
                let len = match x.val() {
                    Some(ConstValue::String(s)) => Some(s.len() as i64),
                    _ => None,
                };
                self.index(ie, len, false);
                // an indexed string is a byte value, never a constant
                Operand {
                    mode: OMode::Value,
                    ty: basic(BasicKind::Uint8),
                    expr: Some(e),
                }
            }
            Type::Array(n, el) => {
                self.index(ie, Some(n as i64), false);
                let mode = if x.mode == OMode::Variable {
                    OMode::Variable
                } else {
                    OMode::Value
                };
                Operand {
                    mode,
                    ty: el,
                    expr: Some(e),
                }
            }
            Type::Pointer(p) if matches!(self.tt.get(self.tt.underlying(p)), Type::Array(..)) => {
                let Type::Array(n, el) = self.tt.get(self.tt.underlying(p)).clone() else {
                    unreachable!()
                };
                self.index(ie, Some(n as i64), false);
                Operand {
                    mode: OMode::Variable,
                    ty: el,
                    expr: Some(e),
                }
            }
            Type::Slice(el) => {
                self.index(ie, None, false);
                Operand {
                    mode: OMode::Variable,
                    ty: el,
                    expr: Some(e),
                }
            }
            Type::Map(k, v) => {
                let mut key = self.expr_hint(ie, Some(k));
                self.assignment(&mut key, Some(k), "map index");
                Operand {
                    mode: OMode::MapIndex,
                    ty: v,
                    expr: Some(e),
                }
            }
            _ => {
                let s = self.op_string(&x);
                let p = self.token_before(crate::exprstr::start_pos(ie), b'[', &[]);
                self.error(p, format!("invalid operation: cannot index {}", s));
                self.use_expr(ie);
                inv
            }
        }
    }

    fn slice_expr(
        &mut self,
        e: &'a Expr,
        xe: &'a Expr,
        lo: Option<&'a Expr>,
        hi: Option<&'a Expr>,
        max: Option<&'a Expr>,
        three: bool,
    ) -> Operand<'a> {
        let inv = Operand::invalid(Some(e));
        let mut x = self.expr(xe);
        if x.is_invalid() {
            for i in [lo, hi, max].into_iter().flatten() {
                self.use_expr(i);
            }
            return inv;
        }
        let u = self.tt.underlying(x.ty);
        let mut length: Option<i64> = None;
        let result;
        match self.tt.get(u).clone() {
            Type::Basic(k) if k.is_string() => {
                if three {
                    let s = self.op_string(&x);
                    let p = max.map_or(x.pos(), crate::exprstr::start_pos);
                    self.error(p, format!("invalid operation: 3-index slice of string"));
                    let _ = s;
                    return inv;
                }
                if let Some(ConstValue::String(s)) = x.val() {
                    length = Some(s.len() as i64);
                }
                result = if k == BasicKind::UntypedString {
                    basic(BasicKind::String)
                } else {
                    x.ty
                };
                if self.tt.is_untyped(x.ty) {
                    self.convert_untyped(&mut x, basic(BasicKind::String));
                }
            }
            Type::Array(n, el) => {
                if x.mode != OMode::Variable {
                    let s = self.op_string(&x);
                    self.error(
                        x.pos(),
                        format!("invalid operation: {} (slice of unaddressable value)", s),
                    );
                    return inv;
                }
                self.mark_root_addressed(xe);
                length = Some(n as i64);
                result = self.tt.slice(el);
            }
            Type::Pointer(p) if matches!(self.tt.get(self.tt.underlying(p)), Type::Array(..)) => {
                let Type::Array(n, el) = self.tt.get(self.tt.underlying(p)).clone() else {
                    unreachable!()
                };
                length = Some(n as i64);
                result = self.tt.slice(el);
            }
            Type::Slice(_) => result = x.ty,
            _ => {
                let s = self.op_string(&x);
                self.error(x.pos(), format!("cannot slice {}", s));
                return inv;
            }
        }
        let mut known: Vec<(i64, gorc_syntax::Pos)> = vec![];
        for i in [lo, hi, max] {
            if let Some(i) = i {
                if let Some(v) = self.index(i, length, true) {
                    known.push((v, crate::exprstr::start_pos(i)));
                }
            }
        }
        // constant indices must be non-decreasing
        for w in known.windows(2) {
            if w[0].0 > w[1].0 {
                self.error(
                    w[1].1,
                    format!("invalid slice indices: {} < {}", w[1].0, w[0].0),
                );
                break;
            }
        }
        Operand {
            mode: OMode::Value,
            ty: result,
            expr: Some(e),
        }
    }
}
