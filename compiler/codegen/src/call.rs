//! Lowering of calls: direct calls, calls through func values and methods, arguments and
//! results under the Go calling convention, receivers.

use crate::expr::{ellipsis_present, Cur};
use crate::func::{Fl, Val};
use crate::stmt::Place;
use crate::{ice, Abi, Result};
use cranelift_codegen::ir::{types, InstBuilder, MemFlagsData, Value};
use gorc_syntax::ast::{Expr, ExprKind};
use gorc_syntax::Pos;
use gorc_types::{Mode, ObjKind, SelectionKind, Type, TypeId};

impl<'g, 'a, 'b> Fl<'g, 'a, 'b> {
    pub fn call_expr(&mut self, e: &Expr) -> Result<Vec<Val>> {
        let ExprKind::Call {
            func,
            args,
            ellipsis,
            ..
        } = &e.kind
        else {
            unreachable!()
        };
        let mut f: &Expr = func;
        while let ExprKind::Paren(inner) = &f.kind {
            f = inner;
        }
        match self.mode(f) {
            Some(Mode::Type) => {
                let to = self.ty(e);
                let from = self.ty(&args[0]);
                let v = self.expr(&args[0])?;
                return Ok(vec![self.convert(v, from, to, e.pos)?]);
            }
            Some(Mode::Builtin(b)) => return self.builtin(*b, e, args, ellipsis.is_some()),
            _ => {}
        }
        self.set_line(e.pos);
        if let ExprKind::Selector(x, _) = &f.kind {
            if let Some(sel) = self.g.pkg.info.selections.get(&f.id) {
                if sel.kind == SelectionKind::MethodVal && self.g.is_iface(self.ty(x)) {
                    let sel = sel.clone();
                    return self.iface_call(e, x, &sel, args, ellipsis.is_some());
                }
            }
        }
        // The callee and the receiver, if a method; anything else is a func value.
        let mut argv: Vec<Value> = Vec::new();
        let direct = match &f.kind {
            ExprKind::Selector(x, _) => match self.g.pkg.info.selections.get(&f.id).cloned() {
                Some(sel) if sel.kind == SelectionKind::MethodVal => {
                    let ObjKind::Func(fi) = &self.g.pkg.obj(sel.obj).kind else {
                        return ice(f.pos, "method is not a function");
                    };
                    let recv_ty = fi.recv.expect("method has a receiver");
                    let ptr_recv = matches!(self.g.pkg.types.get(recv_ty), Type::Pointer(_));
                    Some((
                        sel.obj,
                        Some((x, sel.index.clone(), ptr_recv, recv_ty, sel.indirect)),
                    ))
                }
                Some(_) => None,
                None => self.g.pkg.info.uses.get(&f.id).map(|&o| (o, None)),
            },
            ExprKind::Ident(_) => self.g.pkg.info.uses.get(&f.id).map(|&o| (o, None)),
            _ => None,
        };
        let callee_obj = direct.as_ref().map(|(o, _)| *o);
        let direct = direct.and_then(|(o, r)| self.g.funcs.get(&o).cloned().map(|c| (c, r)));
        let (callee, abi, recv) = match direct {
            Some(((fid, abi), recv)) => (Ok(fid), abi, recv),
            None => {
                // A call through a func value: evaluated before the arguments.
                let ft = self.ty(f);
                let fv = self.expr(f)?;
                let fv = self.parts(fv, ft)[0];
                let abi = self.g.abi(None, ft);
                (Err(fv), abi, None)
            }
        };
        let first = recv.is_some() as usize;
        if let Some((x, path, ptr_recv, recv_ty, indirect)) = recv {
            let v = self.receiver(x, &path, ptr_recv, recv_ty, indirect)?;
            self.push_arg(&mut argv, v, recv_ty);
        }
        // Arguments: f(g()) spreads g's results; a variadic call packs the extra arguments.
        let sig_ty = self.ty(f);
        self.call_args_for(e, sig_ty, &abi, args, ellipsis_present(e), first, &mut argv)?;
        if let Some(o) = callee_obj {
            self.cgocheck_unsafe_pointer_args(o, args, &abi, &argv)?;
        }
        let result_temps = self.push_result_ptrs(&abi, &mut argv);
        let rets = match callee {
            Ok(fid) => self.call(fid, &argv),
            Err(fv) => self.call_value(fv, &abi, &argv),
        };
        Ok(self.call_results(&abi, &result_temps, &rets))
    }

    /// Appends the hidden result pointers of a call with `abi` to `argv`: a temporary for each
    /// memory-class result (`None` for results in registers).
    pub(crate) fn push_result_ptrs(
        &mut self,
        abi: &Abi,
        argv: &mut Vec<Value>,
    ) -> Vec<Option<Value>> {
        let mut temps = Vec::new();
        for (i, &by_ptr) in abi.result_by_ptr.iter().enumerate() {
            if by_ptr {
                let t = self.temp(abi.results[i]);
                argv.push(t);
                temps.push(Some(t));
            } else {
                temps.push(None);
            }
        }
        temps
    }

    /// A call's results: the temporaries of memory-class results, register parts otherwise.
    pub(crate) fn call_results(
        &mut self,
        abi: &Abi,
        temps: &[Option<Value>],
        rets: &[Value],
    ) -> Vec<Val> {
        let mut out = Vec::new();
        let mut ri = 0;
        for (i, &rty) in abi.results.iter().enumerate() {
            if let Some(t) = temps[i] {
                out.push(Val::Mem(t));
            } else {
                let n = self.g.layout(rty).parts.len();
                out.push(Val::Parts(rets[ri..ri + n].to_vec()));
                ri += n;
            }
        }
        out
    }

    pub(crate) fn push_arg(&mut self, argv: &mut Vec<Value>, v: Val, ty: TypeId) {
        if self.g.layout(ty).mem {
            // The callee owns a private copy.
            let v = match v {
                Val::Mem(src) => {
                    let t = self.temp(ty);
                    let size = self.g.layout(ty).size;
                    self.copy_mem(t, src, size);
                    t
                }
                Val::Parts(_) => unreachable!("memory-class value in registers"),
            };
            argv.push(v);
        } else {
            let ps = self.parts(v, ty);
            argv.extend(ps);
        }
    }

    /// The receiver argument of a method call `x.m()`, with automatic `&` and `*`.
    pub(crate) fn receiver(
        &mut self,
        x: &Expr,
        path: &[usize],
        ptr_recv: bool,
        recv_ty: TypeId,
        indirect: bool,
    ) -> Result<Val> {
        let xt = self.ty(x);
        let x_is_ptr = matches!(self.g.under(xt), Type::Pointer(_));
        if path.is_empty() {
            return if ptr_recv {
                if x_is_ptr {
                    self.expr(x)
                } else {
                    Ok(Val::Parts(vec![self.address_of(x)?]))
                }
            } else if x_is_ptr {
                let p = self.expr(x)?;
                let p = self.parts(p, xt)[0];
                self.nil_check(p, recv_ty);
                let v = self.load(p, recv_ty);
                Ok(self.materialize(v, recv_ty))
            } else {
                self.expr(x)
            };
        }
        // Through embedded fields.
        // A pointer method needs the holder's address: from x's own place, unless the path
        // goes through a pointer (which then provides the address).
        let (cur, cur_ty) = if ptr_recv && !x_is_ptr && !indirect {
            match self.place(x)? {
                Place::Mem(a) => {
                    let xv = Val::Mem(a);
                    let _ = xv;
                    self.walk_from_addr(a, xt, path)?
                }
                _ => return ice(x.pos, "pointer method on a value in registers"),
            }
        } else {
            self.walk_fields(x, path)?
        };
        let holder_is_ptr = matches!(self.g.under(cur_ty), Type::Pointer(_));
        let load_ptr = |fl: &mut Self, c: Cur| -> Value {
            match c {
                Cur::Addr(a) => fl.b.ins().load(types::I64, MemFlagsData::new(), a, 0),
                Cur::Parts(p) => p[0],
            }
        };
        if ptr_recv {
            if holder_is_ptr {
                Ok(Val::Parts(vec![load_ptr(self, cur)]))
            } else {
                match cur {
                    Cur::Addr(a) => {
                        // `p.F()` with F promoted from an embedded value: &p.M checks p.
                        if x_is_ptr || indirect {
                            self.explicit_nil_check(a);
                        }
                        Ok(Val::Parts(vec![a]))
                    }
                    Cur::Parts(_) => ice(x.pos, "pointer method on a value in registers"),
                }
            }
        } else if holder_is_ptr {
            let p = load_ptr(self, cur);
            self.nil_check(p, recv_ty);
            let v = self.load(p, recv_ty);
            Ok(self.materialize(v, recv_ty))
        } else {
            match cur {
                Cur::Addr(a) => {
                    let v = self.load(a, recv_ty);
                    Ok(self.materialize(v, recv_ty))
                }
                Cur::Parts(p) => Ok(Val::Parts(p)),
            }
        }
    }

    pub(crate) fn walk_from_addr(
        &mut self,
        a: Value,
        ty: TypeId,
        path: &[usize],
    ) -> Result<(Cur, TypeId)> {
        let mut cur = a;
        let mut cur_ty = ty;
        for (k, &i) in path.iter().enumerate() {
            let Type::Struct(fields) = self.g.under(cur_ty).clone() else {
                return ice(Pos::NONE, "field of a non-struct");
            };
            let off = self.g.layouts.field_offset(self.g.pkg, cur_ty, i);
            cur = self.b.ins().iadd_imm_s(cur, off as i64);
            cur_ty = fields[i].ty;
            if k + 1 < path.len() {
                if let Type::Pointer(elem) = self.g.under(cur_ty).clone() {
                    cur = self.b.ins().load(types::I64, MemFlagsData::new(), cur, 0);
                    cur_ty = elem;
                }
            }
        }
        Ok((Cur::Addr(cur), cur_ty))
    }

    /// A new slice of type `slice_ty` holding `vals` (nil when empty).
    pub(crate) fn pack_slice(&mut self, slice_ty: TypeId, vals: Vec<(Val, TypeId)>) -> Result<Val> {
        let Type::Slice(elem) = self.g.under(slice_ty).clone() else {
            return ice(Pos::NONE, "variadic parameter is not a slice");
        };
        if vals.is_empty() {
            return Ok(Val::Parts(self.zero_parts(slice_ty)));
        }
        let n = vals.len() as i64;
        let td = self.g.typedesc(elem);
        let tdv = self.data_addr(td);
        let nv = self.b.ins().iconst(types::I64, n);
        let p = self.call(self.g.rt.makeslice, &[tdv, nv, nv])[0];
        let esize = self.g.layout(elem).size as i64;
        for (i, (v, _)) in vals.into_iter().enumerate() {
            let a = self.b.ins().iadd_imm_s(p, i as i64 * esize);
            self.store(a, elem, v)?;
        }
        Ok(Val::Parts(vec![p, nv, nv]))
    }

    // ----- conversions -----
}
