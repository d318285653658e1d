//! Lowering of the builtin functions: len, cap, append, copy, make, new, delete, panic,
//! print, complex and the rest.

use crate::expr::Num;
use crate::func::{Fl, Val};
use crate::{ice, Result};
use cranelift_codegen::ir::{condcodes::IntCC, types, InstBuilder, Value};
use gorc_syntax::ast::Expr;
use gorc_syntax::Pos;
use gorc_types::{BasicKind, Builtin, Type, TypeId};

impl<'g, 'a, 'b> Fl<'g, 'a, 'b> {
    pub(crate) fn builtin(
        &mut self,
        b: Builtin,
        e: &Expr,
        args: &[Expr],
        spread: bool,
    ) -> Result<Vec<Val>> {
        self.set_line(e.pos);
        let ty = self.ty(e);
        match b {
            Builtin::Print | Builtin::Println => {
                // Evaluate every argument first (println(f()) spreads f's results), then print.
                let mut vals: Vec<(Val, TypeId)> = Vec::new();
                if args.len() == 1 {
                    if let Type::Tuple(ts) = self.g.pkg.types.get(self.ty(&args[0])).clone() {
                        let vs = self.expr_multi(&args[0])?;
                        vals.extend(vs.into_iter().zip(ts));
                    }
                }
                if vals.is_empty() {
                    for a in args {
                        let v = self.expr(a)?;
                        vals.push((v, self.ty(a)));
                    }
                }
                // One print statement's output is not interleaved with other goroutines'.
                self.call(self.g.rt.printlock, &[]);
                for (i, (v, t)) in vals.into_iter().enumerate() {
                    if b == Builtin::Println && i > 0 {
                        self.call(self.g.rt.printsp, &[]);
                    }
                    self.print_value(v, t)?;
                }
                if b == Builtin::Println {
                    self.call(self.g.rt.printnl, &[]);
                }
                self.call(self.g.rt.printunlock, &[]);
                Ok(vec![])
            }
            Builtin::Len | Builtin::Cap => {
                let xt = self.ty(&args[0]);
                let v = self.expr(&args[0])?;
                let r = match self.g.under(xt) {
                    Type::Basic(_) => self.parts(v, xt)[1],
                    Type::Slice(_) => {
                        let p = self.parts(v, xt);
                        if b == Builtin::Len {
                            p[1]
                        } else {
                            p[2]
                        }
                    }
                    Type::Array(n, _) => self.b.ins().iconst(types::I64, *n as i64),
                    Type::Map(..) => {
                        let m = self.parts(v, xt)[0];
                        self.map_len(m)
                    }
                    Type::Chan(..) => {
                        let c = self.parts(v, xt)[0];
                        self.chan_len_cap(c, b == Builtin::Len)
                    }
                    Type::Pointer(arr) => match self.g.under(*arr) {
                        Type::Array(n, _) => self.b.ins().iconst(types::I64, *n as i64),
                        _ => return ice(e.pos, "len of a pointer to a non-array"),
                    },
                    _ => return ice(e.pos, "len/cap of this type is not supported yet"),
                };
                Ok(vec![Val::Parts(vec![r])])
            }
            Builtin::New => {
                let Type::Pointer(elem) = self.g.under(ty).clone() else {
                    return ice(e.pos, "new without a pointer type");
                };
                let p = self.alloc(elem);
                Ok(vec![Val::Parts(vec![p])])
            }
            Builtin::Make if matches!(self.g.under(ty), Type::Map(..)) => {
                Ok(vec![self.make_map(ty, args.get(1))?])
            }
            Builtin::Make if matches!(self.g.under(ty), Type::Chan(..)) => {
                Ok(vec![self.make_chan(ty, args.get(1))?])
            }
            Builtin::Close => {
                self.close_chan(&args[0])?;
                Ok(vec![])
            }
            Builtin::Delete => {
                self.map_delete(args)?;
                Ok(vec![])
            }
            Builtin::Make => {
                let Type::Slice(elem) = self.g.under(ty).clone() else {
                    return ice(e.pos, "make of this type is not supported yet");
                };
                let len = self.int_arg(&args[1])?;
                let cap = if args.len() > 2 {
                    self.int_arg(&args[2])?
                } else {
                    len
                };
                let td = self.g.typedesc(elem);
                let tdv = self.data_addr(td);
                let p = self.call(self.g.rt.makeslice, &[tdv, len, cap])[0];
                Ok(vec![Val::Parts(vec![p, len, cap])])
            }
            Builtin::Append => self.append(e, ty, args, spread).map(|v| vec![v]),
            Builtin::Copy => {
                let dt = self.ty(&args[0]);
                let st = self.ty(&args[1]);
                let d = self.expr(&args[0])?;
                let d = self.parts(d, dt);
                let s = self.expr(&args[1])?;
                let s = self.parts(s, st);
                let n = self.copy_slice(dt, &d, &s)?;
                Ok(vec![Val::Parts(vec![n])])
            }
            Builtin::Panic => {
                let at = self.ty(&args[0]);
                let v = self.expr(&args[0])?;
                let (t, d) = self.to_eface(v, at, e.pos)?;
                self.call_noreturn(self.g.rt.gopanic, &[t, d]);
                Ok(vec![])
            }
            Builtin::Recover => Ok(vec![self.recover_call(false)]),
            Builtin::Complex => {
                let (vals, tys) = self.builtin_operands(args)?;
                let x = self.parts(vals[0].clone(), tys[0])[0];
                let y = self.parts(vals[1].clone(), tys[1])[0];
                Ok(vec![Val::Parts(vec![x, y])])
            }
            Builtin::Real | Builtin::Imag => {
                let xt = self.ty(&args[0]);
                let x = self.expr(&args[0])?;
                let x = self.parts(x, xt);
                Ok(vec![Val::Parts(vec![if b == Builtin::Real {
                    x[0]
                } else {
                    x[1]
                }])])
            }
            Builtin::Add => {
                let p = self.expr(&args[0])?;
                let p = self.parts(p, self.ty(&args[0]))[0];
                let n = self.int_arg(&args[1])?;
                Ok(vec![Val::Parts(vec![self.b.ins().iadd(p, n)])])
            }
            Builtin::Slice => {
                let pt = self.ty(&args[0]);
                let p = self.expr(&args[0])?;
                let p = self.parts(p, pt)[0];
                let n = self.int_arg(&args[1])?;
                let Some(elem) = self.g.pkg.types.pointer_elem(pt) else {
                    return ice(e.pos, "unsafe.Slice of a non-pointer");
                };
                let size = self
                    .b
                    .ins()
                    .iconst(types::I64, self.g.layout(elem).size as i64);
                self.call(self.g.rt.unsafeslice, &[size, p, n]);
                Ok(vec![Val::Parts(vec![p, n, n])])
            }
            _ => ice(e.pos, "this builtin is not supported yet"),
        }
    }

    /// An integer argument (len, cap, ...) as I64.
    pub fn int_arg(&mut self, a: &Expr) -> Result<Value> {
        self.index_value(a)
    }

    pub(crate) fn append(
        &mut self,
        e: &Expr,
        ty: TypeId,
        args: &[Expr],
        spread: bool,
    ) -> Result<Val> {
        let Type::Slice(elem) = self.g.under(ty).clone() else {
            return ice(e.pos, "append to a non-slice");
        };
        // append(f()) with a multi-valued f: the slice and the elements are f's results.
        let tuple_operands = if args.len() == 1 && self.is_tuple(self.ty(&args[0])) {
            let (vals, tys) = self.builtin_operands(args)?;
            let mut elems = Vec::new();
            for (v, &t) in vals[1..].iter().zip(&tys[1..]) {
                elems.push(if self.g.is_iface(elem) && t != elem {
                    Val::Parts(self.to_iface(v.clone(), t, elem)?)
                } else {
                    v.clone()
                });
            }
            Some((self.parts(vals[0].clone(), tys[0]), elems))
        } else {
            None
        };
        let s = match &tuple_operands {
            Some((s, _)) => s.clone(),
            None => {
                let s = self.expr_to(&args[0], Some(ty))?;
                self.parts(s, ty)
            }
        };
        let esize = self.g.layout(elem).size as i64;
        // The appended values: either individual elements, or a slice/string spread.
        let (extra_n, spread_src) = if let Some((_, elems)) = &tuple_operands {
            (self.b.ins().iconst(types::I64, elems.len() as i64), None)
        } else if spread {
            let xt = self.ty(&args[1]);
            let x = self.expr(&args[1])?;
            let x = self.parts(x, xt);
            (x[1], Some(x[0]))
        } else {
            (
                self.b.ins().iconst(types::I64, (args.len() - 1) as i64),
                None,
            )
        };
        let mut elems = Vec::new();
        if let Some((_, es)) = tuple_operands {
            elems = es;
        } else if spread_src.is_none() {
            for a in &args[1..] {
                let v = self.expr_to(a, Some(elem))?;
                let v = self.materialize(v, elem);
                elems.push(v);
            }
        }
        let new_len = self.b.ins().iadd(s[1], extra_n);
        let fits = self
            .b
            .ins()
            .icmp(IntCC::UnsignedLessThanOrEqual, new_len, s[2]);
        let grow = self.b.create_block();
        let done = self.b.create_block();
        self.b.append_block_param(done, types::I64);
        self.b.append_block_param(done, types::I64);
        self.b.set_cold_block(grow);
        self.b
            .ins()
            .brif(fits, done, &[s[0].into(), s[2].into()], grow, &[]);
        self.b.switch_to_block(grow);
        let td = self.g.typedesc(elem);
        let tdv = self.data_addr(td);
        let r = self.call(self.g.rt.growslice, &[tdv, s[0], s[1], s[2], new_len]);
        self.b.ins().jump(done, &[r[0].into(), r[1].into()]);
        self.b.switch_to_block(done);
        let p = self.b.block_params(done)[0];
        let cap = self.b.block_params(done)[1];
        let off = self.b.ins().imul_imm_s(s[1], esize);
        let dst = self.b.ins().iadd(p, off);
        match spread_src {
            Some(src) => {
                let bytes = self.b.ins().imul_imm_s(extra_n, esize);
                self.call(self.g.rt.memmove, &[dst, src, bytes]);
            }
            None => {
                for (i, v) in elems.into_iter().enumerate() {
                    let a = self.b.ins().iadd_imm_s(dst, i as i64 * esize);
                    self.store(a, elem, v)?;
                }
            }
        }
        Ok(Val::Parts(vec![p, new_len, cap]))
    }

    /// Boxes a value into an empty interface (type descriptor, pointer to a heap copy).
    pub(crate) fn to_eface(&mut self, v: Val, ty: TypeId, pos: Pos) -> Result<(Value, Value)> {
        if let Type::Interface(_) = self.g.under(ty) {
            let p = self.parts(v, ty);
            let t = self.dyn_type(&p, ty);
            return Ok((t, p[1]));
        }
        if self.is_nil_type(ty) {
            let z = self.b.ins().iconst(types::I64, 0);
            return Ok((z, z));
        }
        let _ = pos;
        let td = self.g.typedesc(ty);
        let t = self.data_addr(td);
        // Pointer-shaped values are stored in the data word itself, as gc does.
        if matches!(
            self.g.under(ty),
            Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_)
        ) || matches!(self.g.under(ty), Type::Basic(BasicKind::UnsafePointer))
        {
            let p = self.parts(v, ty)[0];
            return Ok((t, p));
        }
        let p = self.alloc(ty);
        self.store(p, ty, v)?;
        Ok((t, p))
    }

    pub(crate) fn print_value(&mut self, v: Val, ty: TypeId) -> Result<()> {
        let rt = &self.g.rt;
        let (
            printint,
            printuint,
            printfloat,
            printcomplex,
            printbool,
            printstring,
            printpointer,
            printslice,
            printeface,
        ) = (
            rt.printint,
            rt.printuint,
            rt.printfloat,
            rt.printcomplex,
            rt.printbool,
            rt.printstring,
            rt.printpointer,
            rt.printslice,
            rt.printeface,
        );
        if self.is_nil_type(ty) {
            let s = self.g.string_data(b"nil");
            let p = self.data_addr(s);
            let n = self.b.ins().iconst(types::I64, 3);
            self.call(printstring, &[p, n]);
            return Ok(());
        }
        let num = self.num(ty);
        let p = self.parts(v, ty);
        match num {
            Num::Signed => {
                let w = self.resize_int(p[0], true, types::I64);
                self.call(printint, &[w]);
            }
            Num::Unsigned => {
                let w = self.resize_int(p[0], false, types::I64);
                self.call(printuint, &[w]);
            }
            Num::Float => {
                let ft = self.b.func.dfg.value_type(p[0]);
                let w = self.resize_float(p[0], ft, types::F64);
                self.call(printfloat, &[w]);
            }
            Num::Complex => {
                let ft = self.b.func.dfg.value_type(p[0]);
                let re = self.resize_float(p[0], ft, types::F64);
                let im = self.resize_float(p[1], ft, types::F64);
                self.call(printcomplex, &[re, im]);
            }
            Num::Bool => {
                self.call(printbool, &[p[0]]);
            }
            Num::Str => {
                self.call(printstring, &[p[0], p[1]]);
            }
            Num::Other => match self.g.under(ty) {
                Type::Slice(_) => {
                    self.call(printslice, &[p[0], p[1], p[2]]);
                }
                Type::Interface(_) => {
                    self.call(printeface, &[p[0], p[1]]);
                }
                _ => {
                    self.call(printpointer, &[p[0]]);
                }
            },
        }
        Ok(())
    }

    // ----- composite literals -----
}
