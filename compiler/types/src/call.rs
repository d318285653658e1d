//! Calls (functions, methods, conversions), builtins, composite literals and function
//! literal bodies.

use crate::check::{Checker, FuncCtx, OMode, Operand};
use crate::table::{basic, INVALID};
use crate::universe::builtin_name;
use crate::{BasicKind, Builtin, ConstValue, ObjId, Type, TypeId};
use gorc_syntax::ast::{self, Element, Expr, ExprKind};
use gorc_syntax::Pos;
use num_traits::ToPrimitive;

impl<'a> Checker<'a> {
    pub(crate) fn call(
        &mut self,
        e: &'a Expr,
        fe: &'a Expr,
        args: &'a [Expr],
        ellipsis: Option<Pos>,
        rparen: Pos,
    ) -> Operand<'a> {
        let inv = Operand::invalid(Some(e));
        let f = self.expr_or_type(fe);
        match f.mode.clone() {
            OMode::Invalid => {
                self.use_exprs(args);
                return inv;
            }
            OMode::Type => {
                let t = f.ty;
                if args.len() != 1 {
                    if args.is_empty() {
                        self.error(
                            rparen,
                            format!("missing argument in conversion to {}", self.ts(t)),
                        );
                    } else {
                        self.error(
                            crate::exprstr::start_pos(&args[1]),
                            format!("too many arguments in conversion to {}", self.ts(t)),
                        );
                        self.use_exprs(args);
                    }
                    return inv;
                }
                if let Some(p) = ellipsis {
                    self.error(
                        p,
                        format!("invalid use of ... in conversion to {}", self.ts(t)),
                    );
                    return inv;
                }
                let mut x = self.expr_hint(&args[0], Some(t));
                if x.is_invalid() {
                    return inv;
                }
                let n = self.push_spelling(Some(fe));
                self.conversion(&mut x, t, e);
                self.spell_override.truncate(n);
                return x;
            }
            OMode::Builtin(b) => return self.builtin(e, b, args, ellipsis, rparen),
            _ => {}
        }
        let Some(sig) = self.tt.sig(f.ty).cloned() else {
            let s = self.op_string(&f);
            self.error(
                f.pos(),
                format!("invalid operation: cannot call non-function {}", s),
            );
            self.use_exprs(args);
            return inv;
        };
        // arguments
        let mut xs: Vec<Operand<'a>> = vec![];
        let mut tuple_arg = false;
        if args.len() == 1 && ellipsis.is_none() {
            let v = self.multi_expr(&args[0]);
            tuple_arg = v.len() > 1;
            xs = v;
        } else {
            for (i, a) in args.iter().enumerate() {
                let hint = param_type(&sig, i, &self.tt, ellipsis.is_some());
                let x = self.expr_hint(a, hint);
                xs.push(x);
            }
        }
        let fname = crate::exprstr::expr_string(fe);
        self.arguments(
            &sig,
            &mut xs,
            args,
            ellipsis,
            rparen,
            &fname,
            tuple_arg,
            crate::exprstr::start_pos(e),
        );
        let (mode, ty) = match sig.results.len() {
            0 => (OMode::NoValue, self.tt.tuple(vec![])),
            1 => (OMode::Value, sig.results[0]),
            _ => (OMode::Value, self.tt.tuple(sig.results.clone())),
        };
        Operand {
            mode,
            ty,
            expr: Some(e),
        }
    }

    fn arguments(
        &mut self,
        sig: &crate::Signature,
        xs: &mut Vec<Operand<'a>>,
        args: &'a [Expr],
        ellipsis: Option<Pos>,
        rparen: Pos,
        fname: &str,
        tuple_arg: bool,
        call_pos: Pos,
    ) {
        let _ = rparen;
        if xs.iter().any(|x| x.is_invalid()) {
            return;
        }
        let np = sig.params.len();
        let na = xs.len();
        if let Some(p) = ellipsis {
            if !sig.variadic {
                self.error(
                    p,
                    format!("have (...) but function is not variadic: {}", fname),
                );
                let _ = p;
                return;
            }
            if tuple_arg {
                self.error(p, format!("cannot use ... with multi-valued expression"));
                return;
            }
        }
        let ok_count = if sig.variadic && ellipsis.is_none() {
            na >= np - 1
        } else {
            na == np
        };
        if !ok_count {
            let too_many = na > np;
            let at = if too_many {
                if tuple_arg {
                    crate::exprstr::start_pos(&args[0])
                } else {
                    xs[np].pos()
                }
            } else if na > 0 {
                xs[na - 1].pos()
            } else {
                call_pos
            };
            let have: Vec<TypeId> = xs.iter().map(|x| x.ty).collect();
            let msg = format!(
                "{} arguments in call to {}\n\thave {}\n\twant {}",
                if too_many { "too many" } else { "not enough" },
                fname,
                self.types_summary(&have, false),
                self.types_summary(&sig.params, sig.variadic)
            );
            self.error(at, msg);
            return;
        }
        let ctx = format!("argument to {}", fname);
        for (i, x) in xs.iter_mut().enumerate() {
            let t = if sig.variadic && i >= np - 1 {
                if ellipsis.is_some() {
                    sig.params[np - 1]
                } else {
                    match self.tt.get(sig.params[np - 1]) {
                        Type::Slice(e) => *e,
                        _ => INVALID,
                    }
                }
            } else {
                sig.params[i]
            };
            self.assignment(x, Some(t), &ctx);
        }
    }

    pub(crate) fn types_summary(&self, ts: &[TypeId], variadic: bool) -> String {
        let mut v = vec![];
        for (i, &t) in ts.iter().enumerate() {
            let s = if t == INVALID {
                "<T>".to_string()
            } else if self.tt.is_untyped(t) {
                if self.tt.is_numeric(t) {
                    "number".into()
                } else {
                    self.ts(t).replace("untyped ", "")
                }
            } else if variadic && i == ts.len() - 1 {
                match self.tt.get(t) {
                    Type::Slice(e) => format!("...{}", self.ts(*e)),
                    _ => self.ts(t),
                }
            } else {
                self.ts(t)
            };
            v.push(s);
        }
        format!("({})", v.join(", "))
    }

    fn builtin(
        &mut self,
        e: &'a Expr,
        b: Builtin,
        args: &'a [Expr],
        ellipsis: Option<Pos>,
        rparen: Pos,
    ) -> Operand<'a> {
        let inv = Operand::invalid(Some(e));
        let name = builtin_name(b);
        let (min, max): (usize, Option<usize>) = match b {
            Builtin::Append => (1, None),
            Builtin::Cap
            | Builtin::Len
            | Builtin::Close
            | Builtin::Imag
            | Builtin::Real
            | Builtin::New => (1, Some(1)),
            Builtin::Complex | Builtin::Copy | Builtin::Delete => (2, Some(2)),
            Builtin::Make => (1, Some(3)),
            Builtin::Panic => (1, Some(1)),
            Builtin::Print | Builtin::Println => (0, None),
            Builtin::Recover => (0, Some(0)),
            Builtin::Alignof | Builtin::Offsetof | Builtin::Sizeof => (1, Some(1)),
            Builtin::Add | Builtin::Slice => (2, Some(2)),
        };
        if ellipsis.is_some() && b != Builtin::Append {
            self.error(
                ellipsis.unwrap(),
                format!(
                    "invalid operation: invalid use of ... with built-in {}",
                    name
                ),
            );
            self.use_exprs(args);
            return inv;
        }
        // most builtins take their arguments as a list of values, where a single multi-value
        // call is spread (go/types' exprList)
        let special = matches!(
            b,
            Builtin::Make | Builtin::New | Builtin::Offsetof | Builtin::Add | Builtin::Slice
        );
        let mut ops: Vec<Operand<'a>> = vec![];
        if !special {
            if args.len() == 1 && ellipsis.is_none() {
                ops = self.multi_expr(&args[0]);
                if ops.len() == 1 {
                    self.single_value(&mut ops[0]);
                }
            } else {
                for a in args {
                    let x = self.expr(a);
                    ops.push(x);
                }
            }
            if ops.iter().any(|x| x.is_invalid()) {
                return inv;
            }
        }
        let n = if special { args.len() } else { ops.len() };
        if n < min || max.map_or(false, |m| n > m) {
            let (msg, at) = if n < min {
                ("not enough", rparen)
            } else if special || args.len() > max.unwrap() {
                ("too many", crate::exprstr::start_pos(&args[max.unwrap()]))
            } else {
                ("too many", crate::exprstr::start_pos(&args[0]))
            };
            let cs = crate::exprstr::expr_string(e);
            self.error(
                at,
                format!(
                    "{} arguments for {} (expected {}, found {})",
                    msg, cs, min, n
                ),
            );
            self.use_exprs(args);
            return inv;
        }
        let int_t = basic(BasicKind::Int);
        match b {
            Builtin::Len | Builtin::Cap => {
                let mut x = ops[0].clone();
                if x.is_invalid() {
                    return inv;
                }
                let mut t = self.tt.underlying(x.ty);
                if let Some(p) = self.tt.pointer_elem(t) {
                    if matches!(self.tt.get(self.tt.underlying(p)), Type::Array(..)) {
                        t = self.tt.underlying(p);
                    }
                }
                let mut val = None;
                let ok = match self.tt.get(t).clone() {
                    Type::Basic(k) if k.is_string() && b == Builtin::Len => {
                        if let Some(ConstValue::String(s)) = x.val() {
                            val = Some(ConstValue::int(s.len() as i64));
                        } else if self.tt.is_untyped(x.ty) {
                            self.convert_untyped(&mut x, basic(BasicKind::String));
                        }
                        true
                    }
                    Type::Array(n, _) => {
                        if !contains_call_or_recv(&args[0]) {
                            val = Some(ConstValue::int(n as i64));
                        }
                        true
                    }
                    Type::Slice(_) | Type::Chan(..) => true,
                    Type::Map(..) => b == Builtin::Len,
                    _ => false,
                };
                if !ok {
                    let s = self.op_string(&x);
                    self.error(x.pos(), format!("invalid argument: {} for {}", s, name));
                    return inv;
                }
                match val {
                    Some(v) => Operand {
                        mode: OMode::Const(v),
                        ty: int_t,
                        expr: Some(e),
                    },
                    None => Operand {
                        mode: OMode::Value,
                        ty: int_t,
                        expr: Some(e),
                    },
                }
            }
            Builtin::Append => {
                let s = ops[0].clone();
                if s.is_invalid() {
                    self.use_exprs(&args[1..]);
                    return inv;
                }
                let st = s.ty;
                let Type::Slice(el) = self.tt.get(self.tt.underlying(st)).clone() else {
                    if s.ty == self.untyped_nil() {
                        self.error(
                            s.pos(),
                            "first argument to append must be a typed slice; found untyped nil",
                        );
                    } else {
                        let ss = self.op_string(&s);
                        self.error(
                            s.pos(),
                            format!("first argument to append must be a slice; have {}", ss),
                        );
                    }
                    self.use_exprs(&args[1..]);
                    return inv;
                };
                if ellipsis.is_some() {
                    if n != 2 {
                        self.error(e.pos, "can only use ... with final argument in list");
                        return inv;
                    }
                    let mut x = ops[1].clone();
                    if x.is_invalid() {
                        return inv;
                    }
                    // append([]byte, string...) is allowed
                    if self.tt.basic_kind(el) == Some(BasicKind::Uint8) && self.tt.is_string(x.ty) {
                        if self.tt.is_untyped(x.ty) {
                            self.convert_untyped(&mut x, basic(BasicKind::String));
                        }
                    } else {
                        let us = self.tt.slice(el);
                        self.assignment(&mut x, Some(us), "argument to append");
                    }
                } else {
                    for x0 in ops[1..].to_vec() {
                        let mut x = x0;
                        self.assignment(&mut x, Some(el), "argument to append");
                    }
                }
                Operand {
                    mode: OMode::Value,
                    ty: st,
                    expr: Some(e),
                }
            }
            Builtin::Close => {
                let x = ops[0].clone();
                if x.is_invalid() {
                    return inv;
                }
                match self.tt.chan_dir(x.ty) {
                    None => {
                        let s = self.op_string(&x);
                        self.error(
                            x.pos(),
                            format!("invalid operation: cannot close non-channel {}", s),
                        );
                        return inv;
                    }
                    Some((crate::ChanDir::Recv, _)) => {
                        let s = self.op_string(&x);
                        self.error(
                            x.pos(),
                            format!("invalid operation: cannot close receive-only channel {}", s),
                        );
                        return inv;
                    }
                    _ => {}
                }
                self.novalue(e)
            }
            Builtin::Complex => {
                let mut x = ops[0].clone();
                let mut y = ops[1].clone();
                if x.is_invalid() || y.is_invalid() {
                    return inv;
                }
                // untyped args take each other's type; default to float64
                if self.tt.is_untyped(x.ty) && !self.tt.is_untyped(y.ty) {
                    let t = y.ty;
                    self.convert_untyped(&mut x, t);
                } else if self.tt.is_untyped(y.ty) && !self.tt.is_untyped(x.ty) {
                    let t = x.ty;
                    self.convert_untyped(&mut y, t);
                }
                if x.is_invalid() || y.is_invalid() {
                    return inv;
                }
                if let (Some(a), Some(bv)) = (x.val().cloned(), y.val().cloned()) {
                    if self.tt.is_untyped(x.ty) && self.tt.is_untyped(y.ty) {
                        let (Some(re), Some(im)) = (a.to_float(), bv.to_float()) else {
                            self.error(
                                x.pos(),
                                "invalid operation: complex arguments must be real",
                            );
                            return inv;
                        };
                        return Operand {
                            mode: OMode::Const(ConstValue::Complex(re, im)),
                            ty: basic(BasicKind::UntypedComplex),
                            expr: Some(e),
                        };
                    }
                }
                if self.tt.is_untyped(x.ty) {
                    self.convert_untyped(&mut x, basic(BasicKind::Float64));
                    self.convert_untyped(&mut y, basic(BasicKind::Float64));
                }
                if x.ty != y.ty {
                    let m = format!(
                        "invalid operation: {} (mismatched types {} and {})",
                        crate::exprstr::expr_string(e),
                        self.ts(x.ty),
                        self.ts(y.ty)
                    );
                    self.error(x.pos(), m);
                    return inv;
                }
                let rt = match self.tt.basic_kind(x.ty) {
                    Some(BasicKind::Float32) => basic(BasicKind::Complex64),
                    Some(BasicKind::Float64) => basic(BasicKind::Complex128),
                    _ => {
                        let s = self.op_string(&x);
                        self.error(
                            x.pos(),
                            format!(
                                "invalid argument: arguments have type {}, expected floating-point",
                                self.ts(x.ty)
                            ),
                        );
                        let _ = s;
                        return inv;
                    }
                };
                if let (Some(a), Some(bv)) = (x.val(), y.val()) {
                    let v = ConstValue::Complex(a.to_float().unwrap(), bv.to_float().unwrap());
                    return Operand {
                        mode: OMode::Const(v),
                        ty: rt,
                        expr: Some(e),
                    };
                }
                Operand {
                    mode: OMode::Value,
                    ty: rt,
                    expr: Some(e),
                }
            }
            Builtin::Real | Builtin::Imag => {
                let mut x = ops[0].clone();
                if x.is_invalid() {
                    return inv;
                }
                if self.tt.is_untyped(x.ty) {
                    if let Some(v) = x.val().cloned() {
                        let Some((re, im)) = v.to_complex() else {
                            return inv;
                        };
                        let r = if b == Builtin::Real { re } else { im };
                        return Operand {
                            mode: OMode::Const(ConstValue::Float(r)),
                            ty: basic(BasicKind::UntypedFloat),
                            expr: Some(e),
                        };
                    }
                    self.convert_untyped(&mut x, basic(BasicKind::Complex128));
                }
                let rt = match self.tt.basic_kind(x.ty) {
                    Some(BasicKind::Complex64) => basic(BasicKind::Float32),
                    Some(BasicKind::Complex128) => basic(BasicKind::Float64),
                    _ => {
                        let s = self.op_string(&x);
                        self.error(
                            x.pos(),
                            format!("invalid argument: {} must be of complex type", s),
                        );
                        return inv;
                    }
                };
                if let Some(v) = x.val() {
                    let (re, im) = v.to_complex().unwrap();
                    let r = if b == Builtin::Real { re } else { im };
                    return Operand {
                        mode: OMode::Const(ConstValue::Float(r)),
                        ty: rt,
                        expr: Some(e),
                    };
                }
                Operand {
                    mode: OMode::Value,
                    ty: rt,
                    expr: Some(e),
                }
            }
            Builtin::Copy => {
                let x = ops[0].clone();
                let y = ops[1].clone();
                if x.is_invalid() || y.is_invalid() {
                    return inv;
                }
                let dst = match self.tt.get(self.tt.underlying(x.ty)) {
                    Type::Slice(e) => Some(*e),
                    _ => None,
                };
                let src = match self.tt.get(self.tt.underlying(y.ty)) {
                    Type::Slice(e) => Some(*e),
                    Type::Basic(k) if k.is_string() => Some(basic(BasicKind::Uint8)),
                    _ => None,
                };
                if dst.is_none() || src.is_none() {
                    let m = format!(
                        "invalid argument: copy expects slice arguments; found {} and {}",
                        self.op_string(&x),
                        self.op_string(&y)
                    );
                    self.error(x.pos(), m);
                    return inv;
                }
                if dst != src {
                    let m = format!(
                        "invalid argument: arguments to copy {} and {} have different element types {} and {}",
                        self.op_string(&x),
                        self.op_string(&y),
                        self.ts(dst.unwrap()),
                        self.ts(src.unwrap())
                    );
                    self.error(x.pos(), m);
                    return inv;
                }
                if self.tt.is_untyped(y.ty) {
                    let mut y = y;
                    self.convert_untyped(&mut y, basic(BasicKind::String));
                }
                Operand {
                    mode: OMode::Value,
                    ty: int_t,
                    expr: Some(e),
                }
            }
            Builtin::Delete => {
                let x = ops[0].clone();
                if x.is_invalid() {
                    self.use_exprs(&args[1..]);
                    return inv;
                }
                let Type::Map(k, _) = self.tt.get(self.tt.underlying(x.ty)).clone() else {
                    let s = self.op_string(&x);
                    self.error(x.pos(), format!("invalid argument: {} is not a map", s));
                    self.use_exprs(&args[1..]);
                    return inv;
                };
                let mut key = ops[1].clone();
                if key.is_invalid() {
                    return inv;
                }
                if !self.assignable_to(&key, k).is_ok() {
                    let m = format!(
                        "invalid argument: cannot use {} as {} value in argument to delete",
                        self.op_string(&key),
                        self.ts(k)
                    );
                    self.error(key.pos(), m);
                    return inv;
                }
                self.assignment(&mut key, Some(k), "argument to delete");
                self.novalue(e)
            }
            Builtin::Make => {
                let t = self.typ(&args[0]);
                if t == INVALID {
                    self.use_exprs(&args[1..]);
                    return inv;
                }
                let min = match self.tt.get(self.tt.underlying(t)) {
                    Type::Slice(_) => 2,
                    Type::Map(..) | Type::Chan(..) => 1,
                    _ => {
                        let s = crate::exprstr::expr_string(&args[0]);
                        self.error(crate::exprstr::start_pos(&args[0]), format!("invalid argument: cannot make {}; type must be slice, map, or channel", s));
                        self.use_exprs(&args[1..]);
                        return inv;
                    }
                };
                if n < min || n > min + 1 {
                    let cs = crate::exprstr::expr_string(e);
                    let m = if n < min {
                        format!(
                            "invalid operation: {} expects {} or {} arguments; found {}",
                            cs,
                            min,
                            min + 1,
                            n
                        )
                    } else {
                        format!(
                            "invalid operation: {} expects {} or {} arguments; found {}",
                            cs,
                            min,
                            min + 1,
                            n
                        )
                    };
                    self.error(e.pos, m);
                    self.use_exprs(&args[1..]);
                    return inv;
                }
                let mut sizes = vec![];
                for a in &args[1..] {
                    let v = self.size_arg(a, false);
                    sizes.push(v);
                }
                if sizes.len() == 2 {
                    if let (Some(Some(Some(l))), Some(Some(Some(c)))) = (sizes.get(0), sizes.get(1))
                    {
                        if l > c {
                            self.error(
                                crate::exprstr::start_pos(&args[1]),
                                format!("invalid argument: length and capacity swapped"),
                            );
                        }
                    }
                }
                Operand {
                    mode: OMode::Value,
                    ty: t,
                    expr: Some(e),
                }
            }
            Builtin::New => {
                let t = self.typ(&args[0]);
                if t == INVALID {
                    return inv;
                }
                let p = self.tt.pointer(t);
                Operand {
                    mode: OMode::Value,
                    ty: p,
                    expr: Some(e),
                }
            }
            Builtin::Panic => {
                let mut x = ops[0].clone();
                let it = self.tt.mk(Type::Interface(vec![]));
                self.assignment(&mut x, Some(it), "argument to panic");
                self.novalue(e)
            }
            Builtin::Print | Builtin::Println => {
                for x0 in ops.clone() {
                    let mut x = x0;
                    self.assignment(&mut x, None, &format!("argument to built-in {}", name));
                }
                self.novalue(e)
            }
            Builtin::Recover => {
                let it = self.tt.mk(Type::Interface(vec![]));
                Operand {
                    mode: OMode::Value,
                    ty: it,
                    expr: Some(e),
                }
            }
            Builtin::Sizeof | Builtin::Alignof => {
                let mut x = ops[0].clone();
                if !self.assignment(&mut x, None, &format!("argument to {}", name)) {
                    return inv;
                }
                let v = if b == Builtin::Sizeof {
                    self.tt.size_of(x.ty)
                } else {
                    self.tt.align_of(x.ty)
                };
                Operand {
                    mode: OMode::Const(ConstValue::int(v as i64)),
                    ty: basic(BasicKind::Uintptr),
                    expr: Some(e),
                }
            }
            Builtin::Offsetof => {
                let a = crate::expr::unparen(&args[0]);
                let ExprKind::Selector(..) = &a.kind else {
                    self.error(
                        a.pos,
                        format!(
                            "invalid argument: {} is not a selector expression",
                            crate::exprstr::expr_string(a)
                        ),
                    );
                    return inv;
                };
                let x = self.expr(a);
                if x.is_invalid() {
                    return inv;
                }
                let Some(sel) = self.info.selections.get(&a.id).cloned() else {
                    return inv;
                };
                if sel.kind != crate::SelectionKind::FieldVal {
                    self.error(
                        a.pos,
                        format!(
                            "invalid argument: {} is a method value",
                            crate::exprstr::expr_string(a)
                        ),
                    );
                    return inv;
                }
                // walk the path; the field must not be embedded through a pointer
                let mut t = sel.recv;
                if let Some(p) = self.tt.pointer_elem(t) {
                    t = p;
                }
                {
                    let mut tt = t;
                    for (k, &i) in sel.index.iter().enumerate() {
                        let Type::Struct(fs) = self.tt.get(self.tt.underlying(tt)).clone() else {
                            break;
                        };
                        if k + 1 < sel.index.len() && self.tt.is_pointer(fs[i].ty) {
                            let ExprKind::Selector(_, fname) = &a.kind else {
                                break;
                            };
                            let m = format!(
                                "invalid argument: field {} is embedded via a pointer in {}",
                                fname.name,
                                self.ts(t)
                            );
                            self.error(a.pos, m);
                            return inv;
                        }
                        tt = fs[i].ty;
                    }
                }
                let mut off = 0u64;
                for &i in &sel.index {
                    let u = self.tt.underlying(t);
                    let offs = self.tt.field_offsets(u);
                    off += offs[i];
                    if let Type::Struct(fs) = self.tt.get(u) {
                        t = fs[i].ty;
                    }
                }
                Operand {
                    mode: OMode::Const(ConstValue::int(off as i64)),
                    ty: basic(BasicKind::Uintptr),
                    expr: Some(e),
                }
            }
            Builtin::Add => {
                let mut x = self.expr(&args[0]);
                self.assignment(
                    &mut x,
                    Some(basic(BasicKind::UnsafePointer)),
                    "argument to unsafe.Add",
                );
                // The offset may be negative.
                self.size_arg(&args[1], true);
                Operand {
                    mode: OMode::Value,
                    ty: basic(BasicKind::UnsafePointer),
                    expr: Some(e),
                }
            }
            Builtin::Slice => {
                let x = self.expr(&args[0]);
                self.size_arg(&args[1], false);
                let Some(el) = self.tt.pointer_elem(x.ty) else {
                    let s = self.op_string(&x);
                    self.error(x.pos(), format!("invalid argument: {} is not a pointer", s));
                    return inv;
                };
                let t = self.tt.slice(el);
                Operand {
                    mode: OMode::Value,
                    ty: t,
                    expr: Some(e),
                }
            }
        }
    }

    fn novalue(&mut self, e: &'a Expr) -> Operand<'a> {
        let t = self.tt.tuple(vec![]);
        Operand {
            mode: OMode::NoValue,
            ty: t,
            expr: Some(e),
        }
    }

    /// A size argument of make (or unsafe.Add/Slice): an integer, non-negative if constant
    /// (unless `allow_negative`, for unsafe.Add).
    fn size_arg(&mut self, a: &'a Expr, allow_negative: bool) -> Option<Option<i64>> {
        let mut x = self.expr(a);
        if x.is_invalid() {
            return None;
        }
        if self.tt.is_untyped(x.ty) {
            if let Some(v) = x.val() {
                if v.to_int().is_none() {
                    let s = self.op_string(&x);
                    self.error(x.pos(), format!("{} truncated to int", s));
                    return None;
                }
            }
            self.convert_untyped(&mut x, basic(BasicKind::Int));
            if x.is_invalid() {
                return None;
            }
        }
        if !self.tt.is_integer(x.ty) {
            let s = self.op_string(&x);
            self.error(x.pos(), format!("cannot convert {} to type int", s));
            return None;
        }
        if let Some(v) = x.val() {
            let i = v.to_int().unwrap();
            if i < 0.into() && !allow_negative {
                let s = self.op_string(&x);
                self.error(
                    x.pos(),
                    format!("invalid argument: index {} must not be negative", s),
                );
                return None;
            }
            return Some(i.to_i64());
        }
        Some(None)
    }

    pub(crate) fn composite_lit(
        &mut self,
        e: &'a Expr,
        ty: Option<&'a Expr>,
        elts: &'a [Element],
        _lbrace: Pos,
        rbrace: Pos,
        hint: Option<TypeId>,
    ) -> Operand<'a> {
        let inv = Operand::invalid(Some(e));
        let typ;
        let mut base;
        match ty {
            Some(te) => {
                // [...]T
                if let ExprKind::ArrayType {
                    len: ast::ArrayLen::Ellipsis,
                    elem,
                } = &te.kind
                {
                    let el = self.typ(elem);
                    if el == INVALID {
                        self.use_elements(elts);
                        return inv;
                    }
                    let n = self.indexed_elts(elts, el, None);
                    typ = self.tt.mk(Type::Array(n as u64, el));
                    self.record(te, &OMode::Type, typ);
                    return Operand {
                        mode: OMode::Value,
                        ty: typ,
                        expr: Some(e),
                    };
                }
                typ = self.typ(te);
                base = typ;
            }
            None => match hint {
                Some(h) => {
                    typ = h;
                    base = h;
                    // *T elided: &T{}
                    if let Some(p) = self.tt.pointer_elem(self.tt.underlying(h)) {
                        base = p;
                    }
                }
                None => {
                    self.error(e.pos, "invalid composite literal type: missing type");
                    self.use_elements(elts);
                    return inv;
                }
            },
        }
        if typ == INVALID {
            self.use_elements(elts);
            return inv;
        }
        let u = self.tt.underlying(base);
        match self.tt.get(u).clone() {
            Type::Struct(fs) => {
                if elts.is_empty() {
                } else if elts[0].key.is_some() {
                    let mut seen = std::collections::HashSet::new();
                    for el in elts {
                        let Some(k) = &el.key else {
                            self.error(
                                crate::exprstr::start_pos(&el.value),
                                "mixture of field:value and value elements in struct literal",
                            );
                            self.use_expr(&el.value);
                            continue;
                        };
                        let ExprKind::Ident(kn) = &k.kind else {
                            self.error(
                                k.pos,
                                format!(
                                    "invalid field name {} in struct literal",
                                    crate::exprstr::expr_string(k)
                                ),
                            );
                            self.use_expr(&el.value);
                            continue;
                        };
                        let Some(i) = fs.iter().position(|f| &f.name == kn && kn != "_") else {
                            self.error(
                                k.pos,
                                format!(
                                    "unknown field '{}' in struct literal of type {}",
                                    kn,
                                    self.ts(base)
                                ),
                            );
                            self.use_expr(&el.value);
                            continue;
                        };
                        let fo = self.field_obj(u, i);
                        self.record_use(k.id, fo);
                        let ft = fs[i].ty;
                        let mut x = self.expr_hint(&el.value, Some(ft));
                        if !seen.insert(i) {
                            let p = self.token_after(k.pos, b':');
                            self.error(p, format!("duplicate field name {} in struct literal", kn));
                            continue;
                        }
                        self.assignment(&mut x, Some(ft), "struct literal");
                    }
                } else {
                    let mut bad = false;
                    for (i, el) in elts.iter().enumerate() {
                        if el.key.is_some() {
                            let p = self.token_after(
                                crate::exprstr::start_pos(el.key.as_ref().unwrap()),
                                b':',
                            );
                            self.error(
                                p,
                                "mixture of field:value and value elements in struct literal",
                            );
                            self.use_expr(&el.value);
                            bad = true;
                            continue;
                        }
                        if i >= fs.len() {
                            let mut x = self.expr(&el.value);
                            let _ = &mut x;
                            if !bad {
                                self.error(
                                    x.pos(),
                                    format!(
                                        "too many values in {}",
                                        crate::exprstr::expr_string(e)
                                    ),
                                );
                            }
                            bad = true;
                            break;
                        }
                        let ft = fs[i].ty;
                        let mut x = self.expr_hint(&el.value, Some(ft));
                        self.assignment(&mut x, Some(ft), "struct literal");
                    }
                    if !bad && elts.len() < fs.len() {
                        self.error(
                            rbrace,
                            format!("too few values in {}", crate::exprstr::expr_string(e)),
                        );
                    }
                }
            }
            Type::Array(n, el) => {
                self.indexed_elts(elts, el, Some(n as i64));
            }
            Type::Slice(el) => {
                self.indexed_elts(elts, el, None);
            }
            Type::Map(k, v) => {
                let mut seen: Vec<(ConstValue, TypeId)> = vec![];
                for el in elts {
                    let Some(ke) = &el.key else {
                        self.error(
                            crate::exprstr::start_pos(&el.value),
                            "missing key in map literal",
                        );
                        self.use_expr(&el.value);
                        continue;
                    };
                    let mut kx = self.expr_hint(ke, Some(k));
                    if self.assignment(&mut kx, Some(k), "map literal") {
                        if let Some(cv) = kx.val() {
                            let key = (cv.clone(), kx.ty);
                            {
                                if seen.contains(&key) {
                                    let s = crate::exprstr::expr_string(ke);
                                    self.error(
                                        kx.pos(),
                                        format!("duplicate key {} in map literal", s),
                                    );
                                } else {
                                    seen.push(key);
                                }
                            }
                        }
                    }
                    let mut vx = self.expr_hint(&el.value, Some(v));
                    self.assignment(&mut vx, Some(v), "map literal");
                }
            }
            _ if u == INVALID => {
                self.use_elements(elts);
                return inv;
            }
            _ => {
                self.error(
                    e.pos,
                    format!("invalid composite literal type {}", self.ts(typ)),
                );
                self.use_elements(elts);
                return inv;
            }
        }
        Operand {
            mode: OMode::Value,
            ty: typ,
            expr: Some(e),
        }
    }

    fn use_elements(&mut self, elts: &'a [Element]) {
        for el in elts {
            self.use_expr(&el.value);
        }
    }

    /// Elements of an array or slice literal; returns the length (max index + 1).
    fn indexed_elts(&mut self, elts: &'a [Element], el: TypeId, length: Option<i64>) -> i64 {
        let mut seen = std::collections::HashSet::new();
        let mut idx: i64 = 0;
        let mut max: i64 = 0;
        for e in elts {
            let mut valid_index = false;
            if let Some(k) = &e.key {
                let mut kx = self.expr(k);
                if !kx.is_invalid() {
                    self.convert_untyped(&mut kx, basic(BasicKind::Int));
                }
                match kx.val() {
                    Some(v) if self.tt.is_integer(kx.ty) => {
                        match v.to_int().and_then(|i| i.to_i64()) {
                            Some(i) if i >= 0 => {
                                idx = i;
                                valid_index = true;
                            }
                            _ => {
                                let s = self.op_string(&kx);
                                self.error(
                                    kx.pos(),
                                    format!("index {} must be non-negative integer constant", s),
                                );
                            }
                        }
                    }
                    _ if !kx.is_invalid() => {
                        let s = crate::exprstr::expr_string(k);
                        self.error(kx.pos(), format!("index {} must be integer constant", s));
                    }
                    _ => {}
                }
            } else if let Some(l) = length {
                if idx >= l {
                    self.error(
                        crate::exprstr::start_pos(&e.value),
                        format!("index {} is out of bounds (>= {})", idx, l),
                    );
                    valid_index = false;
                } else {
                    valid_index = true;
                }
            } else {
                valid_index = true;
            }
            if valid_index {
                if let (Some(l), true) = (length, e.key.is_some()) {
                    if idx >= l {
                        self.error(
                            crate::exprstr::start_pos(e.key.as_ref().unwrap()),
                            format!("index {} is out of bounds (>= {})", idx, l),
                        );
                    }
                }
                if !seen.insert(idx) {
                    let p = match &e.key {
                        Some(k) => self.token_after(crate::exprstr::start_pos(k), b':'),
                        None => crate::exprstr::start_pos(&e.value),
                    };
                    self.error(
                        p,
                        format!("duplicate index {} in array or slice literal", idx),
                    );
                }
            }
            idx += 1;
            max = max.max(idx);
            let mut x = self.expr_hint(&e.value, Some(el));
            self.assignment(&mut x, Some(el), "array or slice literal");
        }
        max
    }

    pub(crate) fn func_lit_body(
        &mut self,
        sig: TypeId,
        ft: &'a ast::FuncType,
        params: Vec<ObjId>,
        results: Vec<ObjId>,
        body: &'a ast::Block,
    ) {
        self.next_func_id += 1;
        let id = self.next_func_id;
        let saved = self.fctx.replace(FuncCtx {
            sig,
            results: results.clone(),
            id,
        });
        let saved_iota = self.iota.clone();
        for &o in params.iter().chain(&results) {
            self.var_owner.insert(o, id);
        }
        self.func_body(ft, params, results, body);
        self.iota = saved_iota;
        self.fctx = saved;
    }
}

fn param_type(
    sig: &crate::Signature,
    i: usize,
    tt: &crate::TypeTable,
    dots: bool,
) -> Option<TypeId> {
    let np = sig.params.len();
    if sig.variadic && i + 1 >= np {
        if dots {
            return sig.params.last().copied();
        }
        return match tt.get(*sig.params.last()?) {
            Type::Slice(e) => Some(*e),
            _ => None,
        };
    }
    sig.params.get(i).copied()
}

fn contains_call_or_recv(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Call { .. } => true,
        ExprKind::Unary(gorc_syntax::ast::UnaryOp::Recv, _) => true,
        ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary(_, x) => contains_call_or_recv(x),
        ExprKind::Selector(x, _) => contains_call_or_recv(x),
        ExprKind::Index(x, i) => contains_call_or_recv(x) || contains_call_or_recv(i),
        ExprKind::Binary(_, l, r) => contains_call_or_recv(l) || contains_call_or_recv(r),
        _ => false,
    }
}
