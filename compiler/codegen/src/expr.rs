//! Lowering of expressions: operands, operators, conversions, indexing, slicing, selectors
//! and composite literals (calls are `call.rs`, builtins `builtin.rs`).

use crate::func::{Fl, Local, Val};
use crate::runtime::bounds;
use crate::stmt::Place;
use crate::{ice, Result};
use cranelift_codegen::ir::{
    self, condcodes::FloatCC, condcodes::IntCC, types, InstBuilder, MemFlagsData, Value,
};
use gorc_syntax::ast::{self, BinaryOp, Expr, ExprKind, UnaryOp};
use gorc_syntax::Pos;
use gorc_types::{BasicKind, ConstValue, Mode, ObjKind, SelectionKind, Type, TypeId};
use num_traits::ToPrimitive;

/// The arithmetic class of a basic type.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Num {
    Signed,
    Unsigned,
    Float,
    Complex,
    Str,
    Bool,
    Other,
}

/// Where a selector's operand ended up: at an address, or as a value.
pub(crate) enum Cur {
    Addr(Value),
    Parts(Vec<Value>),
}

impl<'g, 'a, 'b> Fl<'g, 'a, 'b> {
    pub fn ty(&self, e: &Expr) -> TypeId {
        match self.g.pkg.info.types.get(&e.id) {
            Some(tv) => tv.ty,
            None => panic!(
                "internal compiler error: no type recorded for expression at {}",
                self.g.fset.position(e.pos)
            ),
        }
    }

    pub(crate) fn mode(&self, e: &Expr) -> Option<&'a Mode> {
        let pkg: &'a gorc_types::Program = self.g.pkg;
        pkg.info.types.get(&e.id).map(|tv| &tv.mode)
    }

    pub fn const_of(&self, e: &Expr) -> Option<&'a ConstValue> {
        match self.mode(e) {
            Some(Mode::Const(c)) => Some(c),
            _ => None,
        }
    }

    pub(crate) fn num(&self, ty: TypeId) -> Num {
        use BasicKind::*;
        match self.g.under(ty) {
            Type::Basic(k) => match k {
                Int | Int8 | Int16 | Int32 | Int64 | UntypedInt | UntypedRune => Num::Signed,
                Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr => Num::Unsigned,
                Float32 | Float64 | UntypedFloat => Num::Float,
                Complex64 | Complex128 | UntypedComplex => Num::Complex,
                String | UntypedString => Num::Str,
                Bool | UntypedBool => Num::Bool,
                _ => Num::Other,
            },
            _ => Num::Other,
        }
    }

    pub(crate) fn cl_type(&mut self, ty: TypeId) -> ir::Type {
        let l = self.g.layout(ty);
        l.parts.first().map(|p| p.ty).unwrap_or(types::I64)
    }

    pub(crate) fn is_nil_type(&self, ty: TypeId) -> bool {
        matches!(self.g.pkg.types.get(ty), Type::Basic(BasicKind::UntypedNil))
    }

    /// Evaluates an expression for its effects only.
    pub fn expr_discard(&mut self, e: &Expr) -> Result<()> {
        if let ExprKind::Call { .. } = &e.kind {
            self.call_expr(e)?;
            return Ok(());
        }
        if let ExprKind::Paren(x) = &e.kind {
            return self.expr_discard(x);
        }
        self.expr(e)?;
        Ok(())
    }

    /// The types of the values `expr_multi` gives: a call's results, or a comma-ok form's value
    /// and its boolean.
    pub fn multi_types(&self, e: &Expr) -> Vec<TypeId> {
        match self.g.pkg.types.get(self.ty(e)) {
            Type::Tuple(ts) => ts.clone(),
            _ => vec![self.ty(e), gorc_types::table::basic(BasicKind::Bool)],
        }
    }

    /// The values of a multi-valued expression (a call with several results).
    pub fn expr_multi(&mut self, e: &Expr) -> Result<Vec<Val>> {
        match &e.kind {
            ExprKind::Paren(x) => self.expr_multi(x),
            ExprKind::Call { .. } => self.call_expr(e),
            _ => {
                if let Some((x, t)) = crate::iface::as_type_assert(e) {
                    let t = self.ty(t);
                    return self.type_assert(e, x, t, true);
                }
                if let Some((m, k)) = crate::map::as_map_index(self, e) {
                    return self.map_index2(m, k);
                }
                if let ExprKind::Unary(UnaryOp::Recv, ch) = &e.kind {
                    return self.recv_expr(e, ch, true);
                }
                ice(e.pos, "comma-ok forms are not supported yet")
            }
        }
    }

    /// The value of `e` where a value of type `to` is expected (assignment, argument, result,
    /// element): untyped `nil` becomes the zero value of `to`.
    pub fn expr_to(&mut self, e: &Expr, to: Option<TypeId>) -> Result<Val> {
        let from = self.ty(e);
        match to {
            Some(t) if self.is_nil_type(from) && !self.is_nil_type(t) => {
                Ok(Val::Parts(self.zero_parts(t)))
            }
            Some(t) if self.g.is_iface(t) && from != t => {
                let v = self.expr(e)?;
                Ok(Val::Parts(self.to_iface(v, from, t)?))
            }
            _ => self.expr(e),
        }
    }

    pub fn expr(&mut self, e: &Expr) -> Result<Val> {
        let ty = self.ty(e);
        if let Some(c) = self.const_of(e) {
            return self.const_val(c, ty, e.pos);
        }
        match &e.kind {
            ExprKind::Paren(x) => self.expr(x),
            ExprKind::Selector(..) if self.is_qualified_ident(e) => self.ident_value(e, ty),
            ExprKind::Ident(_) => self.ident_value(e, ty),
            ExprKind::Binary(op @ (BinaryOp::LAnd | BinaryOp::LOr), _, _) => {
                let t = self.b.create_block();
                let f = self.b.create_block();
                let end = self.b.create_block();
                self.b.append_block_param(end, types::I8);
                self.cond(e, t, f)?;
                let _ = op;
                self.b.switch_to_block(t);
                let one = self.b.ins().iconst(types::I8, 1);
                self.b.ins().jump(end, &[one.into()]);
                self.b.switch_to_block(f);
                let zero = self.b.ins().iconst(types::I8, 0);
                self.b.ins().jump(end, &[zero.into()]);
                self.b.switch_to_block(end);
                Ok(Val::Parts(vec![self.b.block_params(end)[0]]))
            }
            ExprKind::Binary(op, x, y) => {
                let (xt, yt) = (self.ty(x), self.ty(y));
                let xv = self.expr(x)?;
                let yv = self.expr(y)?;
                self.binary_vals(*op, xt, xv, yt, yv, e.pos)
            }
            ExprKind::Unary(UnaryOp::Recv, x) => Ok(self.recv_expr(e, x, false)?.remove(0)),
            ExprKind::Unary(op, x) => self.unary(*op, x, ty, e.pos),
            ExprKind::Star(x) => {
                let xt = self.ty(x);
                let p = self.expr(x)?;
                let p = self.parts(p, xt)[0];
                self.nil_check(p, ty);
                Ok(self.load(p, ty))
            }
            ExprKind::Call { .. } => {
                let mut vs = self.call_expr(e)?;
                if vs.len() != 1 {
                    return ice(e.pos, "call used as a value does not have one result");
                }
                Ok(vs.pop().unwrap())
            }
            ExprKind::Index(x, i) => self.index_expr(e, x, i, ty),
            ExprKind::Slice { x, lo, hi, max, .. } => {
                self.slice_expr(x, lo.as_deref(), hi.as_deref(), max.as_deref(), ty, e.pos)
            }
            ExprKind::Selector(x, _) => self.selector(e, x, ty),
            ExprKind::CompositeLit { .. } => self.composite(e, ty),
            ExprKind::FuncLit { .. } => self.func_lit(e),
            ExprKind::TypeAssert(x, Some(t)) => {
                let t = self.ty(t);
                let mut vs = self.type_assert(e, x, t, false)?;
                Ok(vs.remove(0))
            }
            _ => ice(e.pos, "this expression is not supported yet"),
        }
    }

    // ----- constants -----

    pub fn const_val(&mut self, c: &ConstValue, ty: TypeId, pos: Pos) -> Result<Val> {
        let l = self.g.layout(ty);
        match c {
            ConstValue::Bool(b) => Ok(Val::Parts(vec![self.b.ins().iconst(types::I8, *b as i64)])),
            ConstValue::String(s) => {
                if s.is_empty() {
                    let z = self.b.ins().iconst(types::I64, 0);
                    return Ok(Val::Parts(vec![z, z]));
                }
                let id = self.g.string_data(s);
                let p = self.data_addr(id);
                let n = self.b.ins().iconst(types::I64, s.len() as i64);
                Ok(Val::Parts(vec![p, n]))
            }
            ConstValue::Int(_) | ConstValue::Float(_) | ConstValue::Complex(..) => {
                let (re, im) = match c {
                    ConstValue::Int(i) => {
                        (num_rational::BigRational::from_integer(i.clone()), None)
                    }
                    ConstValue::Float(f) => (f.clone(), None),
                    ConstValue::Complex(r, i) => (r.clone(), Some(i.clone())),
                    _ => unreachable!(),
                };
                let Some(part) = l.parts.first().copied() else {
                    return ice(pos, "numeric constant of a type without parts");
                };
                let scalar = |fl: &mut Self, v: &num_rational::BigRational, t: ir::Type| -> Value {
                    if t == types::F64 {
                        fl.b.ins().f64const(gorc_types::float::rat_to_f64(v))
                    } else if t == types::F32 {
                        fl.b.ins().f32const(gorc_types::float::rat_to_f32(v))
                    } else {
                        let i = v.to_integer();
                        // Two's complement truncated to the width, zero-extended as Cranelift
                        // wants its immediates.
                        let bits = t.bits();
                        let m: num_bigint::BigInt = (num_bigint::BigInt::from(1) << bits) - 1;
                        let u: u64 = (i & m).to_u64().unwrap_or(0);
                        fl.b.ins().iconst(t, u as i64)
                    }
                };
                let mut parts = vec![scalar(self, &re, part.ty)];
                if l.parts.len() == 2 {
                    let z = num_rational::BigRational::from_integer(0.into());
                    let im = im.unwrap_or(z);
                    parts.push(scalar(self, &im, l.parts[1].ty));
                }
                Ok(Val::Parts(parts))
            }
        }
    }

    pub fn one(&mut self, ty: TypeId) -> Vec<Value> {
        let l = self.g.layout(ty);
        let t = l.parts[0].ty;
        let mut v = vec![if t == types::F64 {
            self.b.ins().f64const(1.0)
        } else if t == types::F32 {
            self.b.ins().f32const(1.0)
        } else {
            self.b.ins().iconst(t, 1)
        }];
        if l.parts.len() == 2 {
            let z = self.zero_scalar(l.parts[1].ty);
            v.push(z);
        }
        v
    }

    // ----- operators -----

    pub(crate) fn unary(&mut self, op: UnaryOp, x: &Expr, ty: TypeId, pos: Pos) -> Result<Val> {
        if op == UnaryOp::Addr {
            return Ok(Val::Parts(vec![self.address_of(x)?]));
        }

        let xt = self.ty(x);
        let v = self.expr(x)?;
        let v = self.parts(v, xt);
        let out = match (op, self.num(ty)) {
            (UnaryOp::Plus, _) => v,
            (UnaryOp::Neg, Num::Float) => vec![self.b.ins().fneg(v[0])],
            (UnaryOp::Neg, Num::Complex) => vec![self.b.ins().fneg(v[0]), self.b.ins().fneg(v[1])],
            (UnaryOp::Neg, _) => vec![self.b.ins().ineg(v[0])],
            (UnaryOp::Xor, _) => vec![self.b.ins().bnot(v[0])],
            (UnaryOp::Not, _) => vec![self.b.ins().bxor_imm_s(v[0], 1)],
            _ => return ice(pos, "unsupported unary operator"),
        };
        Ok(Val::Parts(out))
    }

    /// `&x`: the address of an addressable expression, or of a new object for `&T{...}`.
    pub(crate) fn address_of(&mut self, x: &Expr) -> Result<Value> {
        match &x.kind {
            ExprKind::Paren(inner) => self.address_of(inner),
            ExprKind::CompositeLit { .. } => {
                let ty = self.ty(x);
                let p = self.alloc(ty);
                let v = self.composite(x, ty)?;
                self.store(p, ty, v)?;
                Ok(p)
            }
            _ => match self.place(x)? {
                Place::Mem(a) => {
                    // `&*p` and `&p.f` check p even though nothing is loaded, as in gc.
                    if self.through_pointer(x) {
                        self.explicit_nil_check(a);
                    }
                    Ok(a)
                }
                _ => ice(x.pos, "address of a variable kept in registers"),
            },
        }
    }

    /// `x` denotes memory reached through a pointer: `*p`, or a field selected through one.
    pub(crate) fn through_pointer(&self, x: &Expr) -> bool {
        match &x.kind {
            ExprKind::Paren(inner) => self.through_pointer(inner),
            ExprKind::Star(_) => true,
            ExprKind::Selector(inner, _) => match self.g.pkg.info.selections.get(&x.id) {
                Some(sel) if sel.kind == SelectionKind::FieldVal => {
                    sel.indirect || self.through_pointer(inner)
                }
                _ => false,
            },
            ExprKind::Index(inner, _) => {
                matches!(self.g.under(self.ty(inner)), Type::Array(..))
                    && self.through_pointer(inner)
            }
            _ => false,
        }
    }

    pub fn binary_vals(
        &mut self,
        op: BinaryOp,
        xt: TypeId,
        xv: Val,
        yt: TypeId,
        yv: Val,
        pos: Pos,
    ) -> Result<Val> {
        if op.is_comparison() {
            let r = match op {
                BinaryOp::Eq => self.equal(xt, xv, yt, yv)?,
                BinaryOp::Ne => {
                    let e = self.equal(xt, xv, yt, yv)?;
                    self.b.ins().bxor_imm_s(e, 1)
                }
                _ => self.order(op, xt, xv, yv)?,
            };
            return Ok(Val::Parts(vec![r]));
        }
        if op.is_shift() {
            let x = self.parts(xv, xt);
            let y = self.parts(yv, yt);
            return Ok(Val::Parts(vec![self.shift(op, xt, x[0], yt, y[0])]));
        }
        if self.num(xt) == Num::Str && op == BinaryOp::Add {
            let x = self.parts(xv, xt);
            let y = self.parts(yv, yt);
            return Ok(Val::Parts(self.concat(&[x, y])));
        }
        let x = self.parts(xv, xt);
        let y = self.parts(yv, yt);
        Ok(Val::Parts(self.arith(op, xt, &x, &y, pos)?))
    }

    /// Concatenates strings through the runtime (one call for the whole list).
    pub(crate) fn concat(&mut self, parts: &[Vec<Value>]) -> Vec<Value> {
        let string = self.string_type();
        let _ = string;
        let n = parts.len();
        let ss = self.b.create_sized_stack_slot(ir::StackSlotData::new(
            ir::StackSlotKind::ExplicitSlot,
            16 * n as u32,
            3,
        ));
        let base = self.b.ins().stack_addr(types::I64, ss, 0);
        for (i, p) in parts.iter().enumerate() {
            self.b
                .ins()
                .store(MemFlagsData::trusted(), p[0], base, 16 * i as i32);
            self.b
                .ins()
                .store(MemFlagsData::trusted(), p[1], base, 16 * i as i32 + 8);
        }
        let cnt = self.b.ins().iconst(types::I64, n as i64);
        self.call(self.g.rt.concatstrings, &[base, cnt])
    }

    pub(crate) fn string_type(&self) -> Option<TypeId> {
        self.g
            .pkg
            .types
            .intern
            .get(&Type::Basic(BasicKind::String))
            .copied()
    }

    pub fn arith(
        &mut self,
        op: BinaryOp,
        ty: TypeId,
        x: &[Value],
        y: &[Value],
        pos: Pos,
    ) -> Result<Vec<Value>> {
        let num = self.num(ty);
        Ok(match num {
            Num::Signed | Num::Unsigned => {
                let (a, b) = (x[0], y[0]);
                vec![match op {
                    BinaryOp::Add => self.b.ins().iadd(a, b),
                    BinaryOp::Sub => self.b.ins().isub(a, b),
                    BinaryOp::Mul => self.b.ins().imul(a, b),
                    BinaryOp::And => self.b.ins().band(a, b),
                    BinaryOp::Or => self.b.ins().bor(a, b),
                    BinaryOp::Xor => self.b.ins().bxor(a, b),
                    BinaryOp::AndNot => self.b.ins().band_not(a, b),
                    BinaryOp::Div | BinaryOp::Rem => self.divide(op, num == Num::Signed, a, b),
                    _ => return ice(pos, format!("operator {} on integers", op.as_str())),
                }]
            }
            Num::Float => {
                let (a, b) = (x[0], y[0]);
                vec![match op {
                    BinaryOp::Add => self.b.ins().fadd(a, b),
                    BinaryOp::Sub => self.b.ins().fsub(a, b),
                    BinaryOp::Mul => self.b.ins().fmul(a, b),
                    BinaryOp::Div => self.b.ins().fdiv(a, b),
                    _ => return ice(pos, format!("operator {} on floats", op.as_str())),
                }]
            }
            Num::Complex => {
                let (a, b, c, d) = (x[0], x[1], y[0], y[1]);
                match op {
                    BinaryOp::Add => vec![self.b.ins().fadd(a, c), self.b.ins().fadd(b, d)],
                    BinaryOp::Sub => vec![self.b.ins().fsub(a, c), self.b.ins().fsub(b, d)],
                    BinaryOp::Mul => {
                        let ac = self.b.ins().fmul(a, c);
                        let bd = self.b.ins().fmul(b, d);
                        let ad = self.b.ins().fmul(a, d);
                        let bc = self.b.ins().fmul(b, c);
                        vec![self.b.ins().fsub(ac, bd), self.b.ins().fadd(ad, bc)]
                    }
                    BinaryOp::Div => {
                        // (a+bi)/(c+di) = ((ac+bd) + (bc-ad)i) / (c²+d²)
                        let cc = self.b.ins().fmul(c, c);
                        let dd = self.b.ins().fmul(d, d);
                        let den = self.b.ins().fadd(cc, dd);
                        let ac = self.b.ins().fmul(a, c);
                        let bd = self.b.ins().fmul(b, d);
                        let bc = self.b.ins().fmul(b, c);
                        let ad = self.b.ins().fmul(a, d);
                        let re = self.b.ins().fadd(ac, bd);
                        let im = self.b.ins().fsub(bc, ad);
                        vec![self.b.ins().fdiv(re, den), self.b.ins().fdiv(im, den)]
                    }
                    _ => return ice(pos, "operator on complex numbers"),
                }
            }
            Num::Str if op == BinaryOp::Add => self.concat(&[x.to_vec(), y.to_vec()]),
            _ => return ice(pos, format!("operator {} on this type", op.as_str())),
        })
    }

    /// Integer division and remainder with Go's rules: division by zero panics, and
    /// `MinInt / -1` wraps instead of trapping.
    pub(crate) fn divide(&mut self, op: BinaryOp, signed: bool, a: Value, b: Value) -> Value {
        let ty = self.b.func.dfg.value_type(b);
        let ok = self.b.create_block();
        let fail = self.b.create_block();
        self.b.set_cold_block(fail);
        self.b.ins().brif(b, ok, &[], fail, &[]);
        self.b.switch_to_block(fail);
        self.call_noreturn(self.g.rt.panic_divide, &[]);
        self.b.switch_to_block(ok);
        if signed {
            let minus1 = self.b.ins().icmp_imm_s(IntCC::Equal, b, -1);
            let one = self.b.ins().iconst(ty, 1);
            let safe_b = self.b.ins().select(minus1, one, b);
            if op == BinaryOp::Div {
                let q = self.b.ins().sdiv(a, safe_b);
                let neg = self.b.ins().ineg(a);
                self.b.ins().select(minus1, neg, q)
            } else {
                let r = self.b.ins().srem(a, safe_b);
                let zero = self.b.ins().iconst(ty, 0);
                self.b.ins().select(minus1, zero, r)
            }
        } else if op == BinaryOp::Div {
            self.b.ins().udiv(a, b)
        } else {
            self.b.ins().urem(a, b)
        }
    }

    /// `x << y`, `x >> y` with Go's rules: counts at or beyond the width give 0 (or -1 for
    /// negative signed values shifted right); negative signed counts panic.
    pub(crate) fn shift(
        &mut self,
        op: BinaryOp,
        xt: TypeId,
        x: Value,
        yt: TypeId,
        y: Value,
    ) -> Value {
        let xty = self.b.func.dfg.value_type(x);
        let width = xty.bits() as i64;
        let y_signed = self.num(yt) == Num::Signed;
        let yty = self.b.func.dfg.value_type(y);
        let y64 = if yty == types::I64 {
            y
        } else if y_signed {
            self.b.ins().sextend(types::I64, y)
        } else {
            self.b.ins().uextend(types::I64, y)
        };
        if y_signed {
            let neg = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, y64, 0);
            let ok = self.b.create_block();
            let fail = self.b.create_block();
            self.b.set_cold_block(fail);
            self.b.ins().brif(neg, fail, &[], ok, &[]);
            self.b.switch_to_block(fail);
            self.call_noreturn(self.g.rt.panic_shift, &[]);
            self.b.switch_to_block(ok);
        }
        let big = self
            .b
            .ins()
            .icmp_imm_s(IntCC::UnsignedGreaterThanOrEqual, y64, width);
        let cnt = if xty == types::I64 {
            y64
        } else {
            self.b.ins().ireduce(xty, y64)
        };
        let signed = self.num(xt) == Num::Signed;
        match op {
            BinaryOp::Shl => {
                let s = self.b.ins().ishl(x, cnt);
                let z = self.b.ins().iconst(xty, 0);
                self.b.ins().select(big, z, s)
            }
            _ if signed => {
                let maxc = self.b.ins().iconst(xty, width - 1);
                let c = self.b.ins().select(big, maxc, cnt);
                self.b.ins().sshr(x, c)
            }
            _ => {
                let s = self.b.ins().ushr(x, cnt);
                let z = self.b.ins().iconst(xty, 0);
                self.b.ins().select(big, z, s)
            }
        }
    }

    /// `x == y` as an I8.
    pub fn equal(&mut self, xt: TypeId, xv: Val, yt: TypeId, yv: Val) -> Result<Value> {
        // Comparison with nil: look at the first word (pointer, slice data, map, chan, func).
        if self.is_nil_type(yt) || self.is_nil_type(xt) {
            let (t, v) = if self.is_nil_type(yt) {
                (xt, xv)
            } else {
                (yt, yv)
            };
            let p = self.parts(v, t)[0];
            return Ok(self.b.ins().icmp_imm_s(IntCC::Equal, p, 0));
        }
        if self.g.is_iface(xt) || self.g.is_iface(yt) {
            return self.iface_equal(xt, xv, yt, yv);
        }
        let ty = xt;
        match self.g.under(ty).clone() {
            Type::Basic(_) => match self.num(ty) {
                Num::Float => {
                    let (x, y) = (self.parts(xv, xt)[0], self.parts(yv, yt)[0]);
                    Ok(self.b.ins().fcmp(FloatCC::Equal, x, y))
                }
                Num::Complex => {
                    let (x, y) = (self.parts(xv, xt), self.parts(yv, yt));
                    let re = self.b.ins().fcmp(FloatCC::Equal, x[0], y[0]);
                    let im = self.b.ins().fcmp(FloatCC::Equal, x[1], y[1]);
                    Ok(self.b.ins().band(re, im))
                }
                Num::Str => {
                    let (x, y) = (self.parts(xv, xt), self.parts(yv, yt));
                    Ok(self.string_eq(&x, &y))
                }
                _ => {
                    let (x, y) = (self.parts(xv, xt)[0], self.parts(yv, yt)[0]);
                    Ok(self.b.ins().icmp(IntCC::Equal, x, y))
                }
            },
            Type::Pointer(_) | Type::Chan(..) | Type::Map(..) | Type::Func(_) => {
                let (x, y) = (self.parts(xv, xt)[0], self.parts(yv, yt)[0]);
                Ok(self.b.ins().icmp(IntCC::Equal, x, y))
            }
            Type::Struct(fields) => {
                let mut acc = self.b.ins().iconst(types::I8, 1);
                for (i, f) in fields.iter().enumerate() {
                    if f.name == "_" {
                        continue;
                    }
                    let fx = self.field_of(&xv, ty, i);
                    let fy = self.field_of(&yv, ty, i);
                    let e = self.equal(f.ty, fx, f.ty, fy)?;
                    acc = self.b.ins().band(acc, e);
                }
                Ok(acc)
            }
            Type::Array(n, elem) => {
                let (Val::Mem(xa), Val::Mem(ya)) = (xv, yv) else {
                    if n == 0 {
                        return Ok(self.b.ins().iconst(types::I8, 1));
                    }
                    return ice(Pos::NONE, "array value in registers");
                };
                let esize = self.g.layout(elem).size as i64;
                if n <= 8 {
                    let mut acc = self.b.ins().iconst(types::I8, 1);
                    for i in 0..n as i64 {
                        let xe = self.b.ins().iadd_imm_s(xa, i * esize);
                        let ye = self.b.ins().iadd_imm_s(ya, i * esize);
                        let xv = self.load(xe, elem);
                        let yv = self.load(ye, elem);
                        let e = self.equal(elem, xv, elem, yv)?;
                        acc = self.b.ins().band(acc, e);
                    }
                    return Ok(acc);
                }
                // A loop over the elements, stopping at the first difference.
                let head = self.b.create_block();
                let body = self.b.create_block();
                let next = self.b.create_block();
                let end = self.b.create_block();
                self.b.append_block_param(head, types::I64);
                self.b.append_block_param(end, types::I8);
                let zero = self.b.ins().iconst(types::I64, 0);
                self.b.ins().jump(head, &[zero.into()]);
                self.b.switch_to_block(head);
                let i = self.b.block_params(head)[0];
                let more = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, i, n as i64);
                let t = self.b.ins().iconst(types::I8, 1);
                self.b.ins().brif(more, body, &[], end, &[t.into()]);
                self.b.switch_to_block(body);
                let off = self.b.ins().imul_imm_s(i, esize);
                let xe = self.b.ins().iadd(xa, off);
                let ye = self.b.ins().iadd(ya, off);
                let xv = self.load(xe, elem);
                let yv = self.load(ye, elem);
                let e = self.equal(elem, xv, elem, yv)?;
                let f = self.b.ins().iconst(types::I8, 0);
                self.b.ins().brif(e, next, &[], end, &[f.into()]);
                self.b.switch_to_block(next);
                let i1 = self.b.ins().iadd_imm_s(i, 1);
                self.b.ins().jump(head, &[i1.into()]);
                self.b.switch_to_block(end);
                Ok(self.b.block_params(end)[0])
            }
            _ => ice(Pos::NONE, "comparison of this type is not supported yet"),
        }
    }

    /// Field `i` of a struct value.
    pub(crate) fn field_of(&mut self, v: &Val, ty: TypeId, i: usize) -> Val {
        let Type::Struct(fields) = self.g.under(ty) else {
            unreachable!()
        };
        let fty = fields[i].ty;
        match v {
            Val::Mem(a) => {
                let off = self.g.layouts.field_offset(self.g.pkg, ty, i);
                let fa = self.b.ins().iadd_imm_s(*a, off as i64);
                self.load(fa, fty)
            }
            Val::Parts(ps) => {
                let r = self.g.layouts.field_parts(self.g.pkg, ty, i);
                Val::Parts(ps[r].to_vec())
            }
        }
    }

    pub(crate) fn string_eq(&mut self, x: &[Value], y: &[Value]) -> Value {
        let same_len = self.b.ins().icmp(IntCC::Equal, x[1], y[1]);
        let cmp = self.b.create_block();
        let end = self.b.create_block();
        self.b.append_block_param(end, types::I8);
        let f = self.b.ins().iconst(types::I8, 0);
        self.b.ins().brif(same_len, cmp, &[], end, &[f.into()]);
        self.b.switch_to_block(cmp);
        let r = self.call(self.g.rt.memcmp, &[x[0], y[0], x[1]])[0];
        let eq = self.b.ins().icmp_imm_s(IntCC::Equal, r, 0);
        self.b.ins().jump(end, &[eq.into()]);
        self.b.switch_to_block(end);
        self.b.block_params(end)[0]
    }

    /// `<`, `<=`, `>`, `>=`.
    pub(crate) fn order(&mut self, op: BinaryOp, ty: TypeId, xv: Val, yv: Val) -> Result<Value> {
        let num = self.num(ty);
        let x = self.parts(xv, ty);
        let y = self.parts(yv, ty);
        Ok(match num {
            Num::Float => {
                let cc = match op {
                    BinaryOp::Lt => FloatCC::LessThan,
                    BinaryOp::Le => FloatCC::LessThanOrEqual,
                    BinaryOp::Gt => FloatCC::GreaterThan,
                    _ => FloatCC::GreaterThanOrEqual,
                };
                self.b.ins().fcmp(cc, x[0], y[0])
            }
            Num::Str => {
                let c = self.call(self.g.rt.cmpstring, &[x[0], x[1], y[0], y[1]])[0];
                let cc = int_cc(op, true);
                self.b.ins().icmp_imm_s(cc, c, 0)
            }
            _ => {
                let cc = int_cc(op, num != Num::Unsigned);
                self.b.ins().icmp(cc, x[0], y[0])
            }
        })
    }

    /// The value of an identifier or a qualified identifier (`pkg.V`, `pkg.F`).
    pub(crate) fn ident_value(&mut self, e: &Expr, ty: TypeId) -> Result<Val> {
        let Some(&obj) = self.g.pkg.info.uses.get(&e.id) else {
            return ice(e.pos, "unresolved identifier");
        };
        match &self.g.pkg.obj(obj).kind {
            ObjKind::Var(v) => {
                let vty = v.ty;
                if self.locals.contains_key(&obj) {
                    self.read_local(obj, vty)
                } else if self.g.globals.contains_key(&obj) {
                    let a = self.global_addr(obj);
                    Ok(self.load(a, vty))
                } else {
                    ice(e.pos, "variable without storage")
                }
            }
            ObjKind::Nil => Ok(Val::Parts(self.zero_parts(ty))),
            ObjKind::Func(_) => self.func_value(obj, e.pos),
            _ => ice(e.pos, "this identifier is not a value"),
        }
    }

    /// `pkg.Name`: a selector the checker resolved to an object rather than a selection.
    pub(crate) fn is_qualified_ident(&self, e: &Expr) -> bool {
        matches!(e.kind, ExprKind::Selector(..))
            && !self.g.pkg.info.selections.contains_key(&e.id)
            && self.g.pkg.info.uses.contains_key(&e.id)
    }

    /// A float-to-integer conversion with gc's amd64 results where Go leaves them to the
    /// implementation (NaN, out of range): CVTTSD2SQ/CVTTSD2SL give the minimum integer;
    /// the 8- and 16-bit types and int32 go through the 32-bit form, uint32 and the 64-bit
    /// types through the 64-bit one (uint64 from 2^63 up subtracts 2^63 first and sets the
    /// top bit back).
    pub(crate) fn float_to_int_as_gc(
        &mut self,
        x: Value,
        ft: ir::Type,
        signed: bool,
        tt: ir::Type,
    ) -> Value {
        // x86's truncating conversion to `bits` bits: saturating, then MIN where x is NaN or
        // not below 2^(bits-1) (below the range, saturation already gives MIN).
        let cvtt = |fl: &mut Self, x: Value, bits: u32| -> Value {
            let it = if bits == 32 { types::I32 } else { types::I64 };
            let r = fl.b.ins().fcvt_to_sint_sat(it, x);
            let limit = 2f64.powi(bits as i32 - 1);
            let lim = if ft == types::F32 {
                fl.b.ins().f32const(limit as f32)
            } else {
                fl.b.ins().f64const(limit)
            };
            let inside = fl.b.ins().fcmp(FloatCC::LessThan, x, lim);
            let min = fl.b.ins().iconst(
                it,
                if bits == 32 {
                    i32::MIN as i64
                } else {
                    i64::MIN
                },
            );
            fl.b.ins().select(inside, r, min)
        };
        if tt == types::I8 || tt == types::I16 || (signed && tt == types::I32) {
            let r32 = cvtt(self, x, 32);
            return self.resize_int(r32, true, tt);
        }
        if signed || tt != types::I64 {
            let r64 = cvtt(self, x, 64);
            return self.resize_int(r64, true, tt);
        }
        // uint64: below 2^63 as int64; from 2^63 (and NaN) via x - 2^63 with the top bit set.
        let two63 = if ft == types::F32 {
            self.b.ins().f32const(2f32.powi(63))
        } else {
            self.b.ins().f64const(2f64.powi(63))
        };
        let low = self.b.ins().fcmp(FloatCC::LessThan, x, two63);
        let direct = cvtt(self, x, 64);
        let shifted = self.b.ins().fsub(x, two63);
        let high = cvtt(self, shifted, 64);
        let high = self.b.ins().bor_imm_s(high, i64::MIN);
        self.b.ins().select(low, direct, high)
    }

    /// The operands of a builtin call with their types: its arguments, or the results of its
    /// one multi-valued argument (`complex(f())`, `append(f())`).
    pub(crate) fn builtin_operands(&mut self, args: &[Expr]) -> Result<(Vec<Val>, Vec<TypeId>)> {
        if args.len() == 1 {
            if let Type::Tuple(ts) = self.g.pkg.types.get(self.ty(&args[0])).clone() {
                return Ok((self.expr_multi(&args[0])?, ts));
            }
        }
        let mut vals = Vec::new();
        let mut tys = Vec::new();
        for a in args {
            let t = self.ty(a);
            let v = self.expr(a)?;
            vals.push(self.materialize(v, t));
            tys.push(t);
        }
        Ok((vals, tys))
    }

    pub(crate) fn is_tuple(&self, t: TypeId) -> bool {
        matches!(self.g.pkg.types.get(t), Type::Tuple(_))
    }

    /// `copy(d, s)` given the parts of the destination slice (of type `dt`) and of the source
    /// (a slice or a string: data and length first); returns the count copied.
    pub(crate) fn copy_slice(&mut self, dt: TypeId, d: &[Value], s: &[Value]) -> Result<Value> {
        let Type::Slice(elem) = self.g.under(dt).clone() else {
            return ice(Pos::NONE, "copy into a non-slice");
        };
        let lt = self.b.ins().icmp(IntCC::SignedLessThan, d[1], s[1]);
        let n = self.b.ins().select(lt, d[1], s[1]);
        let esize = self.g.layout(elem).size as i64;
        let bytes = self.b.ins().imul_imm_s(n, esize);
        self.call(self.g.rt.memmove, &[d[0], s[0], bytes]);
        Ok(n)
    }

    // ----- places and addresses -----

    /// The location an addressable (or assignable) expression denotes.
    pub fn place(&mut self, e: &Expr) -> Result<Place> {
        match &e.kind {
            ExprKind::Paren(x) => self.place(x),
            ExprKind::Ident(n) if n == "_" => Ok(Place::Blank),
            ExprKind::Selector(..) if self.is_qualified_ident(e) => {
                let obj = self.g.pkg.info.uses[&e.id];
                self.var_place(obj)
            }
            ExprKind::Ident(_) => {
                let obj = match self
                    .g
                    .pkg
                    .info
                    .uses
                    .get(&e.id)
                    .or_else(|| self.g.pkg.info.defs.get(&e.id))
                {
                    Some(&o) => o,
                    None => return ice(e.pos, "unresolved identifier"),
                };
                self.var_place(obj)
            }
            ExprKind::Star(x) => {
                let xt = self.ty(x);
                let p = self.expr(x)?;
                let p = self.parts(p, xt)[0];
                let ty = self.ty(e);
                self.nil_check(p, ty);
                Ok(Place::Mem(p))
            }
            ExprKind::Index(x, i) => {
                let xt = self.ty(x);
                match self.g.under(xt).clone() {
                    Type::Slice(elem) => {
                        let s = self.expr(x)?;
                        let s = self.parts(s, xt);
                        let idx = self.index_value(i)?;
                        self.bounds_check(idx, s[1], self.index_signed(i), bounds::INDEX);
                        Ok(Place::Mem(self.elem_addr(s[0], idx, elem)))
                    }
                    Type::Array(n, elem) => {
                        let base = match self.place(x)? {
                            Place::Mem(a) => a,
                            _ => return ice(e.pos, "array in registers"),
                        };
                        if self.g.layout(xt).size >= 4096 && self.through_pointer(x) {
                            self.explicit_nil_check(base);
                        }
                        let idx = self.index_value(i)?;
                        let len = self.b.ins().iconst(types::I64, n as i64);
                        if self.const_of(i).is_none() {
                            self.bounds_check(idx, len, self.index_signed(i), bounds::INDEX);
                        }
                        Ok(Place::Mem(self.elem_addr(base, idx, elem)))
                    }
                    Type::Pointer(arr) => {
                        let Type::Array(n, elem) = self.g.under(arr).clone() else {
                            return ice(e.pos, "index of a pointer to a non-array");
                        };
                        let p = self.expr(x)?;
                        let p = self.parts(p, xt)[0];
                        self.explicit_nil_check(p);
                        let idx = self.index_value(i)?;
                        let len = self.b.ins().iconst(types::I64, n as i64);
                        self.bounds_check(idx, len, self.index_signed(i), bounds::INDEX);
                        Ok(Place::Mem(self.elem_addr(p, idx, elem)))
                    }
                    Type::Map(..) => self.map_place(x, i),
                    _ => ice(
                        e.pos,
                        "assignment to this index expression is not supported yet",
                    ),
                }
            }
            ExprKind::Selector(x, _) => {
                let Some(sel) = self.g.pkg.info.selections.get(&e.id).cloned() else {
                    return ice(e.pos, "qualified identifiers are not supported yet");
                };
                if sel.kind != SelectionKind::FieldVal {
                    return ice(e.pos, "assignment to a method");
                }
                let xt = self.ty(x);
                // Start from a pointer, or from the place of x.
                let (mut cur, mut cur_ty) = match self.g.under(xt).clone() {
                    Type::Pointer(elem) => {
                        let p = self.expr(x)?;
                        let p = self.parts(p, xt)[0];
                        (Place::Mem(p), elem)
                    }
                    _ => (self.place(x)?, xt),
                };
                for (k, &i) in sel.index.iter().enumerate() {
                    let Type::Struct(fields) = self.g.under(cur_ty).clone() else {
                        return ice(e.pos, "field of a non-struct");
                    };
                    let fty = fields[i].ty;
                    cur = match cur {
                        Place::Mem(a) => {
                            let off = self.g.layouts.field_offset(self.g.pkg, cur_ty, i);
                            if off >= 4096 {
                                self.explicit_nil_check(a);
                            }
                            Place::Mem(self.b.ins().iadd_imm_s(a, off as i64))
                        }
                        Place::Ssa(vars) => {
                            let r = self.g.layouts.field_parts(self.g.pkg, cur_ty, i);
                            Place::Ssa(vars[r].to_vec())
                        }
                        Place::Blank => Place::Blank,
                        p @ Place::MapElem(..) => p,
                    };
                    cur_ty = fty;
                    if k + 1 < sel.index.len() {
                        if let Type::Pointer(elem) = self.g.under(fty).clone() {
                            let pv = self.read_place(&cur, fty)?;
                            let p = self.parts(pv, fty)[0];
                            cur = Place::Mem(p);
                            cur_ty = elem;
                        }
                    }
                }
                Ok(cur)
            }
            ExprKind::CompositeLit { .. } => {
                // Addressable only through &T{}; give it a temporary home.
                let ty = self.ty(e);
                let v = self.composite(e, ty)?;
                let t = self.temp(ty);
                self.store(t, ty, v)?;
                Ok(Place::Mem(t))
            }
            _ => ice(e.pos, "not an addressable expression"),
        }
    }

    /// Faults (and so panics with a nil dereference) if `p` is nil, for accesses of type `ty`
    /// through `p` that would not fault by themselves: scalar loads and stores at small
    /// offsets hit the unmapped first page, but memory-class copies go through memmove (not
    /// Go code) and zero-size types are never touched.
    pub fn nil_check(&mut self, p: Value, ty: TypeId) {
        let l = self.g.layout(ty);
        if l.mem || l.size == 0 {
            self.explicit_nil_check(p);
        }
    }

    pub fn explicit_nil_check(&mut self, p: Value) {
        self.b.ins().load(types::I8, MemFlagsData::new(), p, 0);
    }

    pub(crate) fn index_signed(&self, i: &Expr) -> bool {
        self.num(self.ty(i)) != Num::Unsigned
    }

    /// An index operand as an I64.
    pub(crate) fn index_value(&mut self, i: &Expr) -> Result<Value> {
        let it = self.ty(i);
        let v = self.expr(i)?;
        let v = self.parts(v, it)[0];
        let t = self.b.func.dfg.value_type(v);
        Ok(if t == types::I64 {
            v
        } else if self.num(it) == Num::Unsigned {
            self.b.ins().uextend(types::I64, v)
        } else {
            self.b.ins().sextend(types::I64, v)
        })
    }

    /// Panics unless `0 <= i < len` (one unsigned comparison).
    pub(crate) fn bounds_check(&mut self, i: Value, len: Value, signed: bool, code: i64) {
        let ok = self.b.ins().icmp(IntCC::UnsignedLessThan, i, len);
        self.bounds_branch(ok, i, len, signed, code);
    }

    pub(crate) fn bounds_branch(&mut self, ok: Value, x: Value, y: Value, signed: bool, code: i64) {
        let good = self.b.create_block();
        let bad = self.b.create_block();
        self.b.set_cold_block(bad);
        self.b.ins().brif(ok, good, &[], bad, &[]);
        self.b.switch_to_block(bad);
        let c = self.b.ins().iconst(types::I32, code);
        let s = self.b.ins().iconst(types::I8, signed as i64);
        self.call_noreturn(self.g.rt.panic_bounds, &[c, x, y, s]);
        self.b.switch_to_block(good);
    }

    pub(crate) fn elem_addr(&mut self, base: Value, idx: Value, elem: TypeId) -> Value {
        let esize = self.g.layout(elem).size as i64;
        let off = self.b.ins().imul_imm_s(idx, esize);
        self.b.ins().iadd(base, off)
    }

    pub(crate) fn index_expr(&mut self, e: &Expr, x: &Expr, i: &Expr, ty: TypeId) -> Result<Val> {
        let pos = e.pos;
        let xt = self.ty(x);
        match self.g.under(xt).clone() {
            Type::Basic(_) => {
                let s = self.expr(x)?;
                let s = self.parts(s, xt);
                let idx = self.index_value(i)?;
                self.bounds_check(idx, s[1], self.index_signed(i), bounds::INDEX);
                let a = self.b.ins().iadd(s[0], idx);
                Ok(Val::Parts(vec![self.b.ins().load(
                    types::I8,
                    MemFlagsData::new(),
                    a,
                    0,
                )]))
            }
            Type::Array(n, elem) => {
                // An addressable array is indexed in place (never copied first).
                let addressable = matches!(
                    self.g.pkg.info.types.get(&x.id).map(|tv| &tv.mode),
                    Some(Mode::Variable)
                );
                let base = if addressable {
                    match self.place(x)? {
                        Place::Mem(a) => a,
                        _ => return ice(pos, "array in registers"),
                    }
                } else {
                    let Val::Mem(base) = self.expr(x)? else {
                        return ice(pos, "array in registers");
                    };
                    base
                };
                if addressable && self.g.layout(xt).size >= 4096 && self.through_pointer(x) {
                    // An element far from a nil base would not fault as a nil dereference.
                    self.explicit_nil_check(base);
                }
                let idx = self.index_value(i)?;
                if self.const_of(i).is_none() {
                    let len = self.b.ins().iconst(types::I64, n as i64);
                    self.bounds_check(idx, len, self.index_signed(i), bounds::INDEX);
                }
                let addr = self.elem_addr(base, idx, elem);
                let v = self.load(addr, elem);
                Ok(self.materialize(v, ty))
            }
            Type::Slice(_) | Type::Pointer(_) => match self.place(e)? {
                Place::Mem(a) => {
                    let v = self.load(a, ty);
                    Ok(self.materialize(v, ty))
                }
                _ => ice(pos, "element not in memory"),
            },
            Type::Map(..) => self.map_index(x, i),
            _ => ice(pos, "indexing this type is not supported yet"),
        }
    }

    pub(crate) fn slice_expr(
        &mut self,
        x: &Expr,
        lo: Option<&Expr>,
        hi: Option<&Expr>,
        max: Option<&Expr>,
        ty: TypeId,
        pos: Pos,
    ) -> Result<Val> {
        let xt = self.ty(x);
        let is_string = self.num(xt) == Num::Str;
        // Base pointer, length and capacity of what is sliced.
        let (base, len, cap, elem_size) = match self.g.under(xt).clone() {
            Type::Basic(_) => {
                let s = self.expr(x)?;
                let s = self.parts(s, xt);
                (s[0], s[1], s[1], 1)
            }
            Type::Slice(elem) => {
                let s = self.expr(x)?;
                let s = self.parts(s, xt);
                let es = self.g.layout(elem).size as i64;
                (s[0], s[1], s[2], es)
            }
            Type::Array(n, elem) => {
                let a = match self.place(x)? {
                    Place::Mem(a) => a,
                    _ => return ice(pos, "slice of an array in registers"),
                };
                let l = self.b.ins().iconst(types::I64, n as i64);
                let es = self.g.layout(elem).size as i64;
                (a, l, l, es)
            }
            Type::Pointer(arr) => {
                let Type::Array(n, elem) = self.g.under(arr).clone() else {
                    return ice(pos, "slice of a pointer to a non-array");
                };
                let p = self.expr(x)?;
                let p = self.parts(p, xt)[0];
                self.explicit_nil_check(p);
                let l = self.b.ins().iconst(types::I64, n as i64);
                let es = self.g.layout(elem).size as i64;
                (p, l, l, es)
            }
            _ => return ice(pos, "slicing this type is not supported"),
        };
        let lo_v = match lo {
            Some(e) => Some((self.index_value(e)?, self.index_signed(e))),
            None => None,
        };
        let hi_v = match hi {
            Some(e) => Some((self.index_value(e)?, self.index_signed(e))),
            None => None,
        };
        let max_v = match max {
            Some(e) => Some((self.index_value(e)?, self.index_signed(e))),
            None => None,
        };
        let zero = self.b.ins().iconst(types::I64, 0);
        let (l, lsigned) = lo_v.unwrap_or((zero, true));
        let (h, m);
        if let Some((mv, msigned)) = max_v {
            // s[l:h:m]: m <= cap, h <= m, l <= h.
            let ok = self.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, mv, cap);
            let code = if matches!(self.g.under(xt), Type::Array(..) | Type::Pointer(_)) {
                bounds::SLICE3_ALEN
            } else {
                bounds::SLICE3_ACAP
            };
            self.bounds_branch(ok, mv, cap, msigned, code);
            let (hv, hsigned) = hi_v.expect("3-index slice has a high bound");
            let ok = self.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, hv, mv);
            self.bounds_branch(ok, hv, mv, hsigned, bounds::SLICE3_B);
            h = hv;
            m = mv;
        } else {
            match hi_v {
                Some((hv, hsigned)) => {
                    let limit = if is_string { len } else { cap };
                    let code = if is_string
                        || matches!(self.g.under(xt), Type::Array(..) | Type::Pointer(_))
                    {
                        bounds::SLICE_ALEN
                    } else {
                        bounds::SLICE_ACAP
                    };
                    let ok = self.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, hv, limit);
                    self.bounds_branch(ok, hv, limit, hsigned, code);
                    h = hv;
                }
                None => h = len,
            }
            m = cap;
        }
        let code = if max_v.is_some() {
            bounds::SLICE3_C
        } else {
            bounds::SLICE_B
        };
        let ok = self.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, l, h);
        self.bounds_branch(ok, l, h, lsigned, code);
        let new_len = self.b.ins().isub(h, l);
        let new_cap = self.b.ins().isub(m, l);
        // Do not advance the pointer past the end when the result is empty at capacity: the
        // pointer would point outside the object.
        let off = self.b.ins().imul_imm_s(l, elem_size);
        let zero_cap = self.b.ins().icmp_imm_s(IntCC::Equal, new_cap, 0);
        let off = self.b.ins().select(zero_cap, zero, off);
        let p = self.b.ins().iadd(base, off);
        if self.num(ty) == Num::Str {
            Ok(Val::Parts(vec![p, new_len]))
        } else {
            Ok(Val::Parts(vec![p, new_len, new_cap]))
        }
    }

    // ----- selectors -----

    pub(crate) fn selector(&mut self, e: &Expr, x: &Expr, ty: TypeId) -> Result<Val> {
        let Some(sel) = self.g.pkg.info.selections.get(&e.id).cloned() else {
            return ice(e.pos, "qualified identifiers are not supported yet");
        };
        if sel.kind != SelectionKind::FieldVal {
            return self.method_value(e, x, &sel);
        }
        let (cur, cur_ty) = self.walk_fields(x, &sel.index)?;
        match cur {
            Cur::Addr(a) => {
                // A memory-class field is copied by the runtime and a zero-size one is not
                // loaded at all: check the pointer here, where a fault is the nil-dereference
                // panic.
                if sel.indirect {
                    self.nil_check(a, cur_ty);
                }
                let v = self.load(a, cur_ty);
                Ok(self.materialize(v, ty))
            }
            Cur::Parts(p) => Ok(Val::Parts(p)),
        }
    }

    /// Follows a path of field indices from `x`, through embedded pointers.
    pub(crate) fn walk_fields(&mut self, x: &Expr, path: &[usize]) -> Result<(Cur, TypeId)> {
        let xt = self.ty(x);
        let (mut cur, mut cur_ty) = match self.g.under(xt).clone() {
            Type::Pointer(elem) => {
                let p = self.expr(x)?;
                (Cur::Addr(self.parts(p, xt)[0]), elem)
            }
            _ => match self.expr(x)? {
                Val::Mem(a) => (Cur::Addr(a), xt),
                Val::Parts(p) => (Cur::Parts(p), xt),
            },
        };
        for (k, &i) in path.iter().enumerate() {
            let Type::Struct(fields) = self.g.under(cur_ty).clone() else {
                return ice(x.pos, "field of a non-struct");
            };
            let fty = fields[i].ty;
            cur = match cur {
                Cur::Addr(a) => {
                    let off = self.g.layouts.field_offset(self.g.pkg, cur_ty, i);
                    if off >= 4096 {
                        self.explicit_nil_check(a);
                    }
                    Cur::Addr(self.b.ins().iadd_imm_s(a, off as i64))
                }
                Cur::Parts(ps) => {
                    let r = self.g.layouts.field_parts(self.g.pkg, cur_ty, i);
                    Cur::Parts(ps[r].to_vec())
                }
            };
            cur_ty = fty;
            if k + 1 < path.len() {
                if let Type::Pointer(elem) = self.g.under(fty).clone() {
                    let p = match cur {
                        Cur::Addr(a) => self.b.ins().load(types::I64, MemFlagsData::new(), a, 0),
                        Cur::Parts(ps) => ps[0],
                    };
                    cur = Cur::Addr(p);
                    cur_ty = elem;
                }
            }
        }
        Ok((cur, cur_ty))
    }

    // ----- calls -----

    pub fn convert(&mut self, v: Val, from: TypeId, to: TypeId, pos: Pos) -> Result<Val> {
        let (fu, tu) = (self.g.under(from).clone(), self.g.under(to).clone());
        let (fnum, tnum) = (self.num(from), self.num(to));
        if self.is_nil_type(from) {
            return Ok(Val::Parts(self.zero_parts(to)));
        }
        if self.g.layout(to).mem {
            return Ok(v);
        }
        match (&fu, &tu) {
            (Type::Basic(_), Type::Basic(_)) => {
                let x = self.parts(v, from);
                let ft = self.cl_type(from);
                let tt = self.cl_type(to);
                let r = match (fnum, tnum) {
                    (Num::Signed | Num::Unsigned, Num::Signed | Num::Unsigned) => {
                        vec![self.resize_int(x[0], fnum == Num::Signed, tt)]
                    }
                    (Num::Signed | Num::Unsigned, Num::Float) => {
                        vec![if fnum == Num::Signed {
                            self.b.ins().fcvt_from_sint(tt, x[0])
                        } else {
                            self.b.ins().fcvt_from_uint(tt, x[0])
                        }]
                    }
                    (Num::Float, Num::Signed | Num::Unsigned) => {
                        vec![self.float_to_int_as_gc(x[0], ft, tnum == Num::Signed, tt)]
                    }
                    (Num::Float, Num::Float) => vec![self.resize_float(x[0], ft, tt)],
                    (Num::Complex, Num::Complex) => {
                        let tp = self.g.layout(to).parts[0].ty;
                        let fp = self.g.layout(from).parts[0].ty;
                        vec![
                            self.resize_float(x[0], fp, tp),
                            self.resize_float(x[1], fp, tp),
                        ]
                    }
                    (Num::Signed | Num::Unsigned, Num::Str) => {
                        let wide = self.resize_int(x[0], fnum == Num::Signed, types::I64);
                        self.call(self.g.rt.intstring, &[wide])
                    }
                    _ => x,
                };
                Ok(Val::Parts(r))
            }
            (Type::Slice(_), Type::Pointer(arr)) => {
                // `(*[N]T)(s)`: the slice's array, once its length is checked.
                let Type::Array(n, _) = self.g.under(*arr).clone() else {
                    return ice(pos, "conversion of a slice to a non-array pointer");
                };
                let x = self.parts(v, from);
                let nv = self.b.ins().iconst(types::I64, n as i64);
                let ok = self.b.ins().icmp(IntCC::SignedGreaterThanOrEqual, x[1], nv);
                self.bounds_branch(ok, nv, x[1], true, bounds::CONVERT);
                Ok(Val::Parts(vec![x[0]]))
            }
            (Type::Basic(_), Type::Slice(elem)) if fnum == Num::Str => {
                let x = self.parts(v, from);
                let rune = self.g.layout(*elem).size == 4;
                let f = if rune {
                    self.g.rt.stringtoslicerune
                } else {
                    self.g.rt.stringtoslicebyte
                };
                let r = self.call(f, &[x[0], x[1]]);
                if rune {
                    Ok(Val::Parts(vec![r[0], r[1], r[1]]))
                } else {
                    Ok(Val::Parts(vec![r[0], x[1], r[1]]))
                }
            }
            (Type::Slice(elem), Type::Basic(_)) if tnum == Num::Str => {
                let x = self.parts(v, from);
                let rune = self.g.layout(*elem).size == 4;
                let f = if rune {
                    self.g.rt.slicerunetostring
                } else {
                    self.g.rt.slicebytetostring
                };
                Ok(Val::Parts(self.call(f, &[x[0], x[1]])))
            }
            (_, Type::Interface(_)) => {
                let _ = pos;
                Ok(Val::Parts(self.to_iface(v, from, to)?))
            }
            _ => Ok(v),
        }
    }

    pub(crate) fn resize_int(&mut self, v: Value, signed: bool, to: ir::Type) -> Value {
        let from = self.b.func.dfg.value_type(v);
        if from == to {
            v
        } else if from.bits() > to.bits() {
            self.b.ins().ireduce(to, v)
        } else if signed {
            self.b.ins().sextend(to, v)
        } else {
            self.b.ins().uextend(to, v)
        }
    }

    pub(crate) fn resize_float(&mut self, v: Value, from: ir::Type, to: ir::Type) -> Value {
        if from == to {
            v
        } else if to == types::F64 {
            self.b.ins().fpromote(types::F64, v)
        } else {
            self.b.ins().fdemote(types::F32, v)
        }
    }

    // ----- builtins -----

    pub fn composite(&mut self, e: &Expr, ty: TypeId) -> Result<Val> {
        let ExprKind::CompositeLit { elts, .. } = &e.kind else {
            return ice(e.pos, "composite literal expected");
        };
        match self.g.under(ty).clone() {
            Type::Pointer(base) => {
                // An elided `&T` in a nested literal.
                let p = self.alloc(base);
                let v = self.composite(e, base)?;
                self.store(p, base, v)?;
                Ok(Val::Parts(vec![p]))
            }
            Type::Struct(fields) => {
                let l = self.g.layout(ty);
                let mut vals: Vec<Option<Val>> = vec![None; fields.len()];
                for (k, el) in elts.iter().enumerate() {
                    let i = match &el.key {
                        Some(Expr {
                            kind: ExprKind::Ident(name),
                            ..
                        }) => match fields.iter().position(|f| &f.name == name) {
                            Some(i) => i,
                            None => return ice(el.value.pos, "unknown field in literal"),
                        },
                        _ => k,
                    };
                    let v = self.elem_value(&el.value, fields[i].ty)?;
                    vals[i] = Some(v);
                }
                if l.mem {
                    let t = self.temp(ty);
                    self.zero_mem(t, l.size);
                    for (i, v) in vals.into_iter().enumerate() {
                        if let Some(v) = v {
                            let off = self.g.layouts.field_offset(self.g.pkg, ty, i);
                            let a = self.b.ins().iadd_imm_s(t, off as i64);
                            self.store(a, fields[i].ty, v)?;
                        }
                    }
                    Ok(Val::Mem(t))
                } else {
                    let mut parts = Vec::new();
                    for (i, v) in vals.into_iter().enumerate() {
                        let fty = fields[i].ty;
                        match v {
                            Some(v) => {
                                let ps = self.parts(v, fty);
                                parts.extend(ps);
                            }
                            None => {
                                let z = self.zero_parts(fty);
                                parts.extend(z);
                            }
                        }
                    }
                    Ok(Val::Parts(parts))
                }
            }
            Type::Array(n, elem) => {
                let size = self.g.layout(ty).size;
                let t = self.temp(ty);
                self.zero_mem(t, size);
                let _ = n;
                self.fill_elems(t, elem, elts)?;
                Ok(Val::Mem(t))
            }
            Type::Slice(elem) => {
                let n = self.literal_len(elts);
                if n == 0 {
                    // []T{} is not nil: it points at a zero-size allocation.
                    let td = self.g.typedesc(elem);
                    let tdv = self.data_addr(td);
                    let z = self.b.ins().iconst(types::I64, 0);
                    let p = self.call(self.g.rt.makeslice, &[tdv, z, z])[0];
                    return Ok(Val::Parts(vec![p, z, z]));
                }
                let td = self.g.typedesc(elem);
                let tdv = self.data_addr(td);
                let nv = self.b.ins().iconst(types::I64, n as i64);
                let p = self.call(self.g.rt.makeslice, &[tdv, nv, nv])[0];
                self.fill_elems(p, elem, elts)?;
                Ok(Val::Parts(vec![p, nv, nv]))
            }
            Type::Map(..) => self.map_literal(ty, elts),
            _ => ice(
                e.pos,
                "composite literals of this type are not supported yet",
            ),
        }
    }

    /// A literal element's value; elided nested literals take the element type.
    pub(crate) fn elem_value(&mut self, v: &Expr, elem: TypeId) -> Result<Val> {
        let val = self.expr_to(v, Some(elem))?;
        Ok(self.materialize(val, elem))
    }

    pub(crate) fn literal_len(&self, elts: &[ast::Element]) -> u64 {
        let mut i = 0u64;
        let mut max = 0u64;
        for el in elts {
            if let Some(k) = &el.key {
                if let Some(ConstValue::Int(v)) = self.const_of(k) {
                    i = v.to_u64().unwrap_or(0);
                }
            }
            i += 1;
            max = max.max(i);
        }
        max
    }

    pub(crate) fn fill_elems(
        &mut self,
        base: Value,
        elem: TypeId,
        elts: &[ast::Element],
    ) -> Result<()> {
        let esize = self.g.layout(elem).size as i64;
        let mut i = 0i64;
        for el in elts {
            if let Some(k) = &el.key {
                if let Some(ConstValue::Int(v)) = self.const_of(k) {
                    i = v.to_i64().unwrap_or(0);
                }
            }
            let v = self.elem_value(&el.value, elem)?;
            let a = self.b.ins().iadd_imm_s(base, i * esize);
            self.store(a, elem, v)?;
            i += 1;
        }
        Ok(())
    }

    #[allow(dead_code)]
    pub(crate) fn local_kind(&self, obj: gorc_types::ObjId) -> Option<&Local> {
        self.locals.get(&obj)
    }
}

pub(crate) fn int_cc(op: BinaryOp, signed: bool) -> IntCC {
    match (op, signed) {
        (BinaryOp::Lt, true) => IntCC::SignedLessThan,
        (BinaryOp::Le, true) => IntCC::SignedLessThanOrEqual,
        (BinaryOp::Gt, true) => IntCC::SignedGreaterThan,
        (BinaryOp::Ge, true) => IntCC::SignedGreaterThanOrEqual,
        (BinaryOp::Lt, false) => IntCC::UnsignedLessThan,
        (BinaryOp::Le, false) => IntCC::UnsignedLessThanOrEqual,
        (BinaryOp::Gt, false) => IntCC::UnsignedGreaterThan,
        _ => IntCC::UnsignedGreaterThanOrEqual,
    }
}

pub(crate) fn ellipsis_present(e: &Expr) -> bool {
    matches!(
        &e.kind,
        ExprKind::Call {
            ellipsis: Some(_),
            ..
        }
    )
}
