//! Interfaces: conversions to interfaces, itabs and method tables, dynamic dispatch, type
//! assertions, type switches and interface comparison.
//!
//! An interface value is `(type, data)` for `interface{}` and `(itab, data)` otherwise (see
//! runtime/src/iface.rs for the itab layout). Itab slot `i` holds the code for the `i`-th
//! method of the interface (methods sorted by name, as the checker keeps them), compiled with
//! the Go convention and taking the data word as its receiver: the method itself when the
//! data word is already its receiver (`*T` with a pointer method), otherwise a wrapper that
//! loads the value or walks embedded fields first.

use crate::func::{Fl, Target, Val};
use crate::typedesc::type_string;
use crate::{ice, Abi, CodegenError, Gen, Result};
use cranelift_codegen::ir::{
    self, condcodes::IntCC, types, AbiParam, InstBuilder, MemFlagsData, Value,
};
use cranelift_codegen::isa::CallConv;
use cranelift_module::{DataDescription, DataId, FuncId, Linkage, Module};
use gorc_syntax::ast::{self, Expr, ExprKind};
use gorc_syntax::Pos;
use gorc_types::{BasicKind, ObjId, ObjKind, Selection, Type, TypeId};
use std::rc::Rc;

/// One method of a concrete type's method set.
#[derive(Clone, Debug)]
pub(crate) struct MethodEntry {
    pub name: String,
    /// The method's signature (without receiver).
    pub sig: TypeId,
    /// The declared method; `None` for a method of an embedded interface (`path` leads to the
    /// interface-typed field, and the call dispatches through its itab).
    pub obj: Option<ObjId>,
    /// Embedded fields from the type (or the pointed-to type) to the method's holder.
    pub path: Vec<usize>,
}

/// A wrapper or adapter whose body is compiled after the package's functions.
pub(crate) enum Pending {
    /// Itab code for method `m` of concrete type `t`.
    Wrapper {
        id: FuncId,
        t: TypeId,
        m: MethodEntry,
    },
    /// The itab copy of value method `obj` (receiver by pointer).
    ItabMethod { id: FuncId, obj: ObjId },
    /// System V adapter `(data) -> string` around itab code `ifn` (panic printing).
    StringAdapter {
        id: FuncId,
        ifn: FuncId,
        name: String,
    },
}

impl<'a> Gen<'a> {
    pub fn is_iface(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Interface(_))
    }

    pub fn is_eface(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Interface(ms) if ms.is_empty())
    }

    /// Values of `t` are stored in an interface's data word itself.
    pub fn is_direct(&self, t: TypeId) -> bool {
        matches!(
            self.under(t),
            Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_)
        ) || matches!(self.under(t), Type::Basic(BasicKind::UnsafePointer))
    }

    pub fn unsafe_pointer(&self) -> TypeId {
        gorc_types::table::basic(BasicKind::UnsafePointer)
    }

    pub fn uintptr(&self) -> TypeId {
        gorc_types::table::basic(BasicKind::Uintptr)
    }

    /// The ABI of itab code for a method with signature `sig`: the data word, then the rest.
    pub fn iface_method_abi(&mut self, sig: TypeId) -> Rc<Abi> {
        let u = self.uintptr();
        self.abi(Some(u), sig)
    }

    /// The method set of `t` (sorted by name): declared methods of the named type (value
    /// receivers only unless `t` is a pointer), then methods promoted through embedded
    /// fields, the shallowest winning and equally deep duplicates cancelling out.
    pub fn method_set(&self, t: TypeId) -> Vec<MethodEntry> {
        let pkg = self.pkg;
        let (base, is_ptr) = match pkg.types.get(t) {
            Type::Pointer(e) => (*e, true),
            _ => (t, false),
        };
        let mut found: Vec<(MethodEntry, usize, bool)> = Vec::new(); // (entry, depth, ambiguous)
                                                                     // Breadth-first over embedded fields: (type, path, addressable through a pointer).
        let mut level: Vec<(TypeId, Vec<usize>, bool)> = vec![(base, vec![], is_ptr)];
        let mut seen = std::collections::HashSet::new();
        for depth in 0..8 {
            let mut next = Vec::new();
            let mut here: Vec<(MethodEntry, bool)> = Vec::new();
            for (ty, path, addr) in &level {
                if !seen.insert(*ty) {
                    continue;
                }
                if let Type::Named(n) = pkg.types.get(*ty) {
                    for &m in &n.methods {
                        let o = pkg.obj(m);
                        let ObjKind::Func(fi) = &o.kind else { continue };
                        let ptr_recv = fi
                            .recv
                            .map_or(false, |r| matches!(pkg.types.get(r), Type::Pointer(_)));
                        if ptr_recv && !addr {
                            continue;
                        }
                        here.push((
                            MethodEntry {
                                name: o.name.clone(),
                                sig: fi.sig,
                                obj: Some(m),
                                path: path.clone(),
                            },
                            false,
                        ));
                    }
                }
                if let (Type::Interface(ims), true) = (self.under(*ty), depth > 0) {
                    // An embedded interface contributes its methods, called through it.
                    for im in ims {
                        let entry = MethodEntry {
                            name: im.name.clone(),
                            sig: im.sig,
                            obj: None,
                            path: path.clone(),
                        };
                        here.push((entry, false));
                    }
                }
                if let Type::Struct(fields) = self.under(*ty) {
                    for (i, f) in fields.iter().enumerate() {
                        if !f.embedded {
                            continue;
                        }
                        let mut p = path.clone();
                        p.push(i);
                        match pkg.types.get(f.ty) {
                            Type::Pointer(e) => next.push((*e, p, true)),
                            _ => next.push((f.ty, p, *addr)),
                        }
                    }
                }
            }
            for (m, _) in here {
                if found.iter().any(|(f, d, _)| f.name == m.name && *d < depth) {
                    continue;
                }
                if let Some(f) = found.iter_mut().find(|(f, _, _)| f.name == m.name) {
                    f.2 = true;
                } else {
                    found.push((m, depth, false));
                }
            }
            if next.is_empty() {
                break;
            }
            level = next;
        }
        let mut out: Vec<MethodEntry> = found
            .into_iter()
            .filter(|(_, _, amb)| !amb)
            .map(|(m, _, _)| m)
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        out
    }

    /// The itab code of method `m` of concrete type `t`: the method itself or a wrapper.
    pub fn itab_fn(&mut self, t: TypeId, m: &MethodEntry) -> FuncId {
        let key = (t, m.name.clone());
        if let Some(&id) = self.itab_fns.get(&key) {
            return id;
        }
        let direct_ok = m.obj.is_some_and(|o| {
            let ObjKind::Func(fi) = &self.pkg.obj(o).kind else {
                unreachable!()
            };
            m.path.is_empty() && fi.recv == Some(t) && self.is_direct(t)
        });
        // A value method of the type itself: its own itab copy (func::compile_itab_method).
        let own_value_method = m.obj.filter(|&o| {
            let ObjKind::Func(fi) = &self.pkg.obj(o).kind else {
                unreachable!()
            };
            m.path.is_empty() && fi.recv == Some(t) && !self.is_direct(t)
        });
        let id = if let (true, Some(o)) = (direct_ok, m.obj) {
            self.funcs[&o].0
        } else if let Some(o) = own_value_method {
            let abi = self.iface_method_abi(m.sig);
            let name = format!("{}·i", self.pkg.obj(o).name);
            let name = self.anon_name(&format!("{}.{name}", type_string(self, t)));
            let id = self
                .module
                .declare_function(&name, Linkage::Local, &abi.sig)
                .expect("itab method");
            self.pending.push(Pending::ItabMethod { id, obj: o });
            id
        } else {
            let abi = self.iface_method_abi(m.sig);
            let name = format!("{}.{}-fm", type_string(self, t), m.name);
            let name = self.anon_name(&name);
            let id = self
                .module
                .declare_function(&name, Linkage::Local, &abi.sig)
                .expect("wrapper");
            self.pending.push(Pending::Wrapper {
                id,
                t,
                m: m.clone(),
            });
            id
        };
        self.itab_fns.insert(key, id);
        id
    }

    /// A System V `(data) -> (ptr, len)` adapter around the `Error`/`String` itab code.
    fn string_adapter(&mut self, ifn: FuncId, name: &str) -> FuncId {
        let mut sig = ir::Signature::new(CallConv::SystemV);
        sig.params.push(AbiParam::new(types::I64));
        sig.returns.push(AbiParam::new(types::I64));
        sig.returns.push(AbiParam::new(types::I64));
        let n = self.anon_name(name);
        let id = self
            .module
            .declare_function(&n, Linkage::Local, &sig)
            .expect("adapter");
        self.pending
            .push(Pending::StringAdapter { id, ifn, name: n });
        id
    }

    /// Fills the descriptor's fields from offset 64 (see runtime/src/types.rs).
    pub fn typedesc_ext(&mut self, t: TypeId, bytes: &mut [u8], d: &mut DataDescription) {
        let pkg = self.pkg;
        if pkg.types.comparable(t) {
            bytes[22] |= 2;
        }
        let put = |bytes: &mut [u8], off: usize, v: u64| {
            bytes[off..off + 8].copy_from_slice(&v.to_le_bytes());
        };
        match self.under(t).clone() {
            Type::Struct(fields) => {
                let offs = pkg.types.field_offsets(pkg.types.underlying(t));
                let mut arr = DataDescription::new();
                let mut content = Vec::new();
                let mut relocs = Vec::new();
                for (i, f) in fields.iter().enumerate() {
                    if f.name == "_" {
                        continue;
                    }
                    let k = content.len() / 16;
                    content.extend_from_slice(&[0u8; 8]);
                    content.extend_from_slice(&offs[i].to_le_bytes());
                    relocs.push((k * 16, f.ty));
                }
                if !relocs.is_empty() {
                    let n = relocs.len();
                    for (off, ty) in relocs {
                        let td = self.typedesc(ty);
                        let gv = self.module.declare_data_in_data(td, &mut arr);
                        arr.write_data_addr(off as u32, gv, 0);
                    }
                    let id = self.ro_data("go:fields", content, arr);
                    let gv = self.module.declare_data_in_data(id, d);
                    d.write_data_addr(64, gv, 0);
                    put(bytes, 72, n as u64);
                }
            }
            Type::Interface(ms) => {
                if !ms.is_empty() {
                    let mut arr = DataDescription::new();
                    let mut content = Vec::new();
                    for (k, m) in ms.iter().enumerate() {
                        let sig = type_string(self, m.sig);
                        let nid = self.string_data(m.name.as_bytes());
                        let sid = self.string_data(sig.as_bytes());
                        content.extend_from_slice(&[0u8; 8]);
                        content.extend_from_slice(&(m.name.len() as u64).to_le_bytes());
                        content.extend_from_slice(&[0u8; 8]);
                        content.extend_from_slice(&(sig.len() as u64).to_le_bytes());
                        let gv = self.module.declare_data_in_data(nid, &mut arr);
                        arr.write_data_addr((k * 32) as u32, gv, 0);
                        let gv = self.module.declare_data_in_data(sid, &mut arr);
                        arr.write_data_addr((k * 32 + 16) as u32, gv, 0);
                    }
                    let id = self.ro_data("go:imethods", content, arr);
                    let gv = self.module.declare_data_in_data(id, d);
                    d.write_data_addr(64, gv, 0);
                    put(bytes, 72, ms.len() as u64);
                }
            }
            Type::Map(k, v) => {
                let kd = self.typedesc(k);
                let gv = self.module.declare_data_in_data(kd, d);
                d.write_data_addr(96, gv, 0);
                let ed = self.map_entry_desc(k, v);
                let gv = self.module.declare_data_in_data(ed, d);
                d.write_data_addr(104, gv, 0);
            }
            _ => {}
        }
        // The method set.
        let is_iface = self.is_iface(t);
        let ms = if is_iface { vec![] } else { self.method_set(t) };
        if !ms.is_empty() {
            let mut arr = DataDescription::new();
            let mut content = Vec::new();
            for (k, m) in ms.iter().enumerate() {
                let sig = type_string(self, m.sig);
                let nid = self.string_data(m.name.as_bytes());
                let sid = self.string_data(sig.as_bytes());
                content.extend_from_slice(&[0u8; 8]);
                content.extend_from_slice(&(m.name.len() as u64).to_le_bytes());
                content.extend_from_slice(&[0u8; 8]);
                content.extend_from_slice(&(sig.len() as u64).to_le_bytes());
                content.extend_from_slice(&[0u8; 8]);
                let gv = self.module.declare_data_in_data(nid, &mut arr);
                arr.write_data_addr((k * 40) as u32, gv, 0);
                let gv = self.module.declare_data_in_data(sid, &mut arr);
                arr.write_data_addr((k * 40 + 16) as u32, gv, 0);
                let f = self.itab_fn(t, m);
                let fr = self.module.declare_func_in_data(f, &mut arr);
                arr.write_function_addr((k * 40 + 32) as u32, fr);
                if sig == "func() string" && (m.name == "Error" || m.name == "String") {
                    let tn = type_string(self, t);
                    let a = self.string_adapter(f, &format!("{tn}.{}-panic", m.name));
                    let fr = self.module.declare_func_in_data(a, d);
                    d.write_function_addr(if m.name == "Error" { 112 } else { 120 }, fr);
                }
            }
            let id = self.ro_data("go:methods", content, arr);
            let gv = self.module.declare_data_in_data(id, d);
            d.write_data_addr(80, gv, 0);
            put(bytes, 88, ms.len() as u64);
        }
    }

    /// A read-only data object with relocations already recorded in `d`.
    fn ro_data(&mut self, prefix: &str, content: Vec<u8>, mut d: DataDescription) -> DataId {
        let name = self.anon_name(prefix);
        let id = self
            .module
            .declare_data(&name, Linkage::Local, false, false)
            .expect("data");
        d.set_align(8);
        d.define(content.into_boxed_slice());
        self.module.define_data(id, &d).expect("data");
        id
    }

    /// The static itab of concrete type `t` for non-empty interface `it`.
    pub fn itab(&mut self, t: TypeId, it: TypeId) -> DataId {
        if let Some(&id) = self.itabs.get(&(t, it)) {
            return id;
        }
        let Type::Interface(ims) = self.under(it).clone() else {
            unreachable!()
        };
        let ms = self.method_set(t);
        let mut d = DataDescription::new();
        let content = vec![0u8; 16 + 8 * ims.len()];
        let itd = self.typedesc(it);
        let gv = self.module.declare_data_in_data(itd, &mut d);
        d.write_data_addr(0, gv, 0);
        let td = self.typedesc(t);
        let gv = self.module.declare_data_in_data(td, &mut d);
        d.write_data_addr(8, gv, 0);
        for (k, im) in ims.iter().enumerate() {
            if let Some(m) = ms.iter().find(|m| m.name == im.name) {
                let f = self.itab_fn(t, m);
                let fr = self.module.declare_func_in_data(f, &mut d);
                d.write_function_addr((16 + 8 * k) as u32, fr);
            }
        }
        let name = format!("go:itab.{},{}", type_string(self, t), type_string(self, it));
        let id = self.ro_data(&name, content, d);
        self.itabs.insert((t, it), id);
        id
    }

    /// Compiles the queued wrappers and adapters (which may queue more).
    pub fn compile_pending(&mut self) -> Result<()> {
        while let Some(p) = self.pending.pop() {
            match p {
                Pending::Wrapper { id, t, m } => crate::func::compile_wrapper(self, id, t, &m)?,
                Pending::ItabMethod { id, obj } => crate::func::compile_itab_method(self, id, obj)?,
                Pending::StringAdapter { id, ifn, name } => {
                    crate::func::compile_string_adapter(self, id, ifn, name)?
                }
            }
        }
        Ok(())
    }
}

impl<'g, 'a, 'b> Fl<'g, 'a, 'b> {
    /// The body of itab code for method `m` of `t` (the function's entry block is current).
    pub fn wrapper_body(&mut self, t: TypeId, m: &MethodEntry, params: &[Value]) -> Result<()> {
        let pkg = self.g.pkg;
        let data = params[0];
        // The address of the value of type `cur_ty` (or the value itself for direct types).
        let (mut addr, mut cur_ty, mut direct) = match pkg.types.get(t) {
            Type::Pointer(e) => (data, *e, false),
            _ if self.g.is_direct(t) => (data, t, true),
            _ => (data, t, false),
        };
        for &i in &m.path {
            let off = self.g.layouts.field_offset(pkg, cur_ty, i);
            let Type::Struct(fields) = self.g.under(cur_ty).clone() else {
                return ice(Pos::NONE, "embedded field of a non-struct");
            };
            addr = self.b.ins().iadd_imm_s(addr, off as i64);
            cur_ty = fields[i].ty;
            if let Type::Pointer(e) = pkg.types.get(cur_ty) {
                addr = self.b.ins().load(types::I64, MemFlagsData::new(), addr, 0);
                cur_ty = *e;
            }
            direct = false;
        }
        let Some(mobj) = m.obj else {
            // A method of an embedded interface: addr holds the interface value.
            let itab = self.b.ins().load(types::I64, MemFlagsData::new(), addr, 0);
            let data = self.b.ins().load(types::I64, MemFlagsData::new(), addr, 8);
            return self.iface_dispatch_body(cur_ty, &m.name, itab, data, &params[1..]);
        };
        let ObjKind::Func(fi) = &pkg.obj(mobj).kind else {
            unreachable!()
        };
        let recv_ty = fi.recv.expect("method");
        let (fid, mabi) = self.g.funcs[&mobj].clone();
        let mut argv = Vec::new();
        if matches!(pkg.types.get(recv_ty), Type::Pointer(_)) {
            argv.push(addr);
        } else if direct {
            argv.push(addr);
        } else {
            self.explicit_nil_check(addr);
            let l = self.g.layout(recv_ty);
            if l.mem {
                let tmp = self.temp(recv_ty);
                self.copy_mem(tmp, addr, l.size);
                argv.push(tmp);
            } else {
                let v = self.load(addr, recv_ty);
                let ps = self.parts(v, recv_ty);
                argv.extend(ps);
            }
        }
        argv.extend_from_slice(&params[1..]);
        let _ = mabi;
        let rets = self.call(fid, &argv);
        self.b.ins().return_(&rets);
        Ok(())
    }

    /// Ends a wrapper with a call of method `name` of interface type `iface` through `itab`
    /// (receiver `data`, then `rest`), returning its results.
    pub fn iface_dispatch_body(
        &mut self,
        iface: TypeId,
        name: &str,
        itab: Value,
        data: Value,
        rest: &[Value],
    ) -> Result<()> {
        let Type::Interface(ims) = self.g.under(iface).clone() else {
            return ice(Pos::NONE, "dispatch through a non-interface");
        };
        let Some(k) = ims.iter().position(|im| im.name == name) else {
            return ice(Pos::NONE, "method not in interface");
        };
        // A nil interface faults here: the nil-dereference panic, as in gc.
        let fnp = self
            .b
            .ins()
            .load(types::I64, MemFlagsData::new(), itab, (16 + 8 * k) as i32);
        let abi = self.g.iface_method_abi(ims[k].sig);
        let mut argv = vec![data];
        argv.extend_from_slice(rest);
        let sigref = self.b.import_signature(abi.sig.clone());
        let inst = self.b.ins().call_indirect(sigref, fnp, &argv);
        let rets = self.b.inst_results(inst).to_vec();
        self.b.ins().return_(&rets);
        Ok(())
    }

    // ----- conversions -----

    /// Converts `v` of type `from` to interface type `to` (both words).
    pub fn to_iface(&mut self, v: Val, from: TypeId, to: TypeId) -> Result<Vec<Value>> {
        if self.g.is_iface(from) {
            let p = self.parts(v, from);
            if self.g.pkg.types.underlying(from) == self.g.pkg.types.underlying(to) {
                return Ok(p);
            }
            let dt = self.dyn_type(&p, from);
            if self.g.is_eface(to) {
                return Ok(vec![dt, p[1]]);
            }
            let itd = self.g.typedesc(to);
            let itv = self.data_addr(itd);
            let it = self.call(self.g.rt.conv_itab, &[itv, dt])[0];
            return Ok(vec![it, p[1]]);
        }
        let z = self.b.ins().iconst(types::I64, 0);
        if self.is_untyped_nil(from) {
            return Ok(vec![z, z]);
        }
        let w0 = if self.g.is_eface(to) {
            let td = self.g.typedesc(from);
            self.data_addr(td)
        } else {
            let it = self.g.itab(from, to);
            self.data_addr(it)
        };
        let data = if self.g.is_direct(from) {
            self.parts(v, from)[0]
        } else if self.g.layout(from).size == 0 {
            let p = self.alloc(from);
            p
        } else {
            let p = self.alloc(from);
            self.store(p, from, v)?;
            p
        };
        Ok(vec![w0, data])
    }

    fn is_untyped_nil(&self, t: TypeId) -> bool {
        matches!(self.g.pkg.types.get(t), Type::Basic(BasicKind::UntypedNil))
    }

    /// The dynamic type word of an interface value (null for nil).
    pub fn dyn_type(&mut self, p: &[Value], ty: TypeId) -> Value {
        if self.g.is_eface(ty) {
            return p[0];
        }
        let nonnil = self.b.create_block();
        let done = self.b.create_block();
        self.b.append_block_param(done, types::I64);
        self.b.ins().brif(p[0], nonnil, &[], done, &[p[0].into()]);
        self.b.switch_to_block(nonnil);
        let t = self
            .b
            .ins()
            .load(types::I64, MemFlagsData::trusted(), p[0], 8);
        self.b.ins().jump(done, &[t.into()]);
        self.b.switch_to_block(done);
        self.b.block_params(done)[0]
    }

    /// The value of type `t` held by an interface whose data word is `data`.
    fn unbox(&mut self, data: Value, t: TypeId) -> Val {
        if self.g.is_direct(t) {
            Val::Parts(vec![data])
        } else {
            let v = self.load(data, t);
            self.materialize(v, t)
        }
    }

    // ----- comparison -----

    /// `x == y` where at least one side is an interface.
    pub fn iface_equal(&mut self, xt: TypeId, xv: Val, yt: TypeId, yv: Val) -> Result<Value> {
        let (it, x, y) = if self.g.is_iface(xt) {
            let y = self.to_iface(yv, yt, xt)?;
            (xt, self.parts(xv, xt), y)
        } else {
            let x = self.to_iface(xv, xt, yt)?;
            (yt, x, self.parts(yv, yt))
        };
        let tx = self.dyn_type(&x, it);
        let ty = self.dyn_type(&y, it);
        let same = self.b.ins().icmp(IntCC::Equal, tx, ty);
        let cmp = self.b.create_block();
        let done = self.b.create_block();
        self.b.append_block_param(done, types::I8);
        let f = self.b.ins().iconst(types::I8, 0);
        self.b.ins().brif(same, cmp, &[], done, &[f.into()]);
        self.b.switch_to_block(cmp);
        let r = self.call(self.g.rt.efaceeq, &[tx, x[1], y[1]])[0];
        self.b.ins().jump(done, &[r.into()]);
        self.b.switch_to_block(done);
        Ok(self.b.block_params(done)[0])
    }

    // ----- method calls -----

    /// `x.m(args)` with x of interface type: a call through the itab.
    pub fn iface_call(
        &mut self,
        e: &Expr,
        x: &Expr,
        sel: &Selection,
        args: &[Expr],
        spread: bool,
    ) -> Result<Vec<Val>> {
        let xt = self.ty(x);
        let Type::Interface(ms) = self.g.under(xt).clone() else {
            unreachable!()
        };
        let name = &self.g.pkg.obj(sel.obj).name;
        let Some(k) = ms.iter().position(|m| &m.name == name) else {
            return ice(e.pos, "method not in interface");
        };
        let sig_ty = ms[k].sig;
        let xv = self.expr(x)?;
        let xp = self.parts(xv, xt);
        self.set_line(e.pos);
        // A nil interface faults here, which becomes the nil-dereference panic, as in gc.
        let fnp = self
            .b
            .ins()
            .load(types::I64, MemFlagsData::new(), xp[0], (16 + 8 * k) as i32);
        let abi = self.g.iface_method_abi(sig_ty);
        let mut argv = vec![xp[1]];
        self.call_args_for(e, sig_ty, &abi, args, spread, 1, &mut argv)?;
        let sigref = self.b.import_signature(abi.sig.clone());
        let result_temps = self.push_result_ptrs(&abi, &mut argv);
        let inst = self.b.ins().call_indirect(sigref, fnp, &argv);
        let rets = self.b.inst_results(inst).to_vec();
        Ok(self.call_results(&abi, &result_temps, &rets))
    }

    /// Evaluates the arguments of a call written with one expression per argument, each
    /// converted to its parameter's type (the elements of a variadic tail to the element type;
    /// with `spread`, `f(xs...)`, the last argument is the slice itself).
    pub fn eval_args(
        &mut self,
        sig: &gorc_types::Signature,
        args: &[Expr],
        spread: bool,
    ) -> Result<Vec<(Val, TypeId)>> {
        let nfixed = if sig.variadic && !spread {
            sig.params.len() - 1
        } else {
            sig.params.len()
        };
        let variadic_elem = match sig.params.last().map(|&t| self.g.under(t)) {
            Some(Type::Slice(el)) if sig.variadic => Some(*el),
            _ => None,
        };
        let mut vals = Vec::with_capacity(args.len());
        for (k, a) in args.iter().enumerate() {
            let to = if k < nfixed {
                sig.params.get(k).copied()
            } else {
                variadic_elem
            };
            let v = self.expr_to(a, to)?;
            let t = to.unwrap_or_else(|| self.ty(a));
            let v = self.materialize(v, t);
            vals.push((v, t));
        }
        Ok(vals)
    }

    /// Evaluates call arguments for signature `sig_ty` (spreading `f(g())`, packing variadic
    /// arguments, converting to interface parameters) and appends their parts to `argv`.
    /// `first` is the index in `abi.params` of the first ordinary argument: 1 when a receiver
    /// is already in `argv` (whatever the number of its parts, zero for an empty struct).
    #[allow(clippy::too_many_arguments)]
    pub fn call_args_for(
        &mut self,
        e: &Expr,
        sig_ty: TypeId,
        abi: &Abi,
        args: &[Expr],
        spread: bool,
        first: usize,
        argv: &mut Vec<Value>,
    ) -> Result<()> {
        let Type::Func(sig) = self.g.under(sig_ty).clone() else {
            return ice(e.pos, "callee is not a function");
        };
        let pi = first;
        let mut vals: Vec<(Val, TypeId)> = Vec::new();
        if args.len() == 1 && matches!(self.g.pkg.types.get(self.ty(&args[0])), Type::Tuple(_)) {
            let Type::Tuple(ts) = self.g.pkg.types.get(self.ty(&args[0])).clone() else {
                unreachable!()
            };
            let vs = self.expr_multi(&args[0])?;
            for (v, t) in vs.into_iter().zip(ts) {
                vals.push((v, t));
            }
            // Convert to the parameter types (interfaces).
            let params = sig.params.clone();
            for (i, (v, t)) in vals.iter_mut().enumerate() {
                let pt = if sig.variadic && i + 1 >= params.len() {
                    match self.g.under(*params.last().unwrap()) {
                        Type::Slice(el) => *el,
                        _ => *t,
                    }
                } else {
                    params[i]
                };
                if self.g.is_iface(pt) && *t != pt {
                    let p = self.to_iface(v.clone(), *t, pt)?;
                    *v = Val::Parts(p);
                    *t = pt;
                }
            }
        } else {
            vals = self.eval_args(&sig, args, spread)?;
        }
        if sig.variadic && !spread {
            let nfixed = sig.params.len() - 1;
            let slice_ty = *sig.params.last().unwrap();
            let extra: Vec<(Val, TypeId)> = vals.drain(nfixed.min(vals.len())..).collect();
            let packed = self.pack_slice(slice_ty, extra)?;
            vals.push((packed, slice_ty));
        }
        for (i, (v, _)) in vals.into_iter().enumerate() {
            let pty = abi.params[pi + i];
            self.push_arg(argv, v, pty);
        }
        Ok(())
    }

    // ----- type assertions -----

    /// `x.(T)` (one result) or `v, ok := x.(T)` (two).
    pub fn type_assert(
        &mut self,
        e: &Expr,
        x: &Expr,
        t: TypeId,
        commaok: bool,
    ) -> Result<Vec<Val>> {
        let xt = self.ty(x);
        let xv = self.expr(x)?;
        let p = self.parts(xv, xt);
        self.set_line(e.pos);
        let dt = self.dyn_type(&p, xt);
        if self.g.is_iface(t) {
            if self.g.is_eface(t) {
                let ok = self.b.ins().icmp_imm_s(IntCC::NotEqual, dt, 0);
                if !commaok {
                    let good = self.b.create_block();
                    let bad = self.b.create_block();
                    self.b.set_cold_block(bad);
                    self.b.ins().brif(ok, good, &[], bad, &[]);
                    self.b.switch_to_block(bad);
                    let want = self.g.typedesc(t);
                    let wv = self.data_addr(want);
                    let iv = self.g.typedesc(xt);
                    let iv = self.data_addr(iv);
                    self.call_noreturn(self.g.rt.panic_dottype, &[dt, wv, iv]);
                    self.b.switch_to_block(good);
                    return Ok(vec![Val::Parts(vec![dt, p[1]])]);
                }
                let z = self.b.ins().iconst(types::I64, 0);
                let d = self.b.ins().select(ok, p[1], z);
                return Ok(vec![Val::Parts(vec![dt, d]), Val::Parts(vec![ok])]);
            }
            let itd = self.g.typedesc(t);
            let itv = self.data_addr(itd);
            if !commaok {
                let it = self.call(self.g.rt.assert_itab, &[itv, dt])[0];
                return Ok(vec![Val::Parts(vec![it, p[1]])]);
            }
            let it = self.call(self.g.rt.assert_itab2, &[itv, dt])[0];
            let ok = self.b.ins().icmp_imm_s(IntCC::NotEqual, it, 0);
            let z = self.b.ins().iconst(types::I64, 0);
            let d = self.b.ins().select(ok, p[1], z);
            return Ok(vec![Val::Parts(vec![it, d]), Val::Parts(vec![ok])]);
        }
        let td = self.g.typedesc(t);
        let tv = self.data_addr(td);
        let ok = self.b.ins().icmp(IntCC::Equal, dt, tv);
        let good = self.b.create_block();
        let bad = self.b.create_block();
        if !commaok {
            self.b.set_cold_block(bad);
            self.b.ins().brif(ok, good, &[], bad, &[]);
            self.b.switch_to_block(bad);
            let iv = self.g.typedesc(xt);
            let iv = self.data_addr(iv);
            self.call_noreturn(self.g.rt.panic_dottype, &[dt, tv, iv]);
            self.b.switch_to_block(good);
            return Ok(vec![self.unbox(p[1], t)]);
        }
        // comma-ok: the value or the zero value, through a temporary for memory-class types.
        let l = self.g.layout(t);
        let done = self.b.create_block();
        if l.mem {
            let tmp = self.temp(t);
            self.zero_mem(tmp, l.size);
            self.b.ins().brif(ok, good, &[], done, &[]);
            self.b.switch_to_block(good);
            let v = self.unbox(p[1], t);
            self.store(tmp, t, v)?;
            self.b.ins().jump(done, &[]);
            self.b.switch_to_block(bad);
            self.b.ins().jump(done, &[]);
            self.b.switch_to_block(done);
            return Ok(vec![Val::Mem(tmp), Val::Parts(vec![ok])]);
        }
        let z = self.zero_parts(t);
        for part in &l.parts {
            self.b.append_block_param(done, part.ty);
        }
        let zargs: Vec<ir::BlockArg> = z.iter().map(|&v| v.into()).collect();
        self.b.ins().brif(ok, good, &[], done, &zargs);
        self.b.switch_to_block(good);
        let v = self.unbox(p[1], t);
        let vp = self.parts(v, t);
        let vargs: Vec<ir::BlockArg> = vp.iter().map(|&v| v.into()).collect();
        self.b.ins().jump(done, &vargs);
        self.b.switch_to_block(bad);
        self.b.ins().trap(ir::TrapCode::unwrap_user(3));
        self.b.switch_to_block(done);
        let r = self.b.block_params(done).to_vec();
        Ok(vec![Val::Parts(r), Val::Parts(vec![ok])])
    }

    /// `switch [v :=] x.(type) { case T1, T2: ... }`.
    pub fn type_switch(
        &mut self,
        label: Option<String>,
        init: Option<&ast::Stmt>,
        x: &Expr,
        clauses: &[ast::TypeCaseClause],
    ) -> Result<()> {
        if let Some(i) = init {
            self.stmt(i)?;
        }
        let xt = self.ty(x);
        let xv = self.expr(x)?;
        let p = self.parts(xv, xt);
        let dt = self.dyn_type(&p, xt);
        let end = self.b.create_block();
        let bodies: Vec<ir::Block> = clauses.iter().map(|_| self.b.create_block()).collect();
        // Per clause, the itab found for an interface case (block parameter).
        let mut default = None;
        for (i, c) in clauses.iter().enumerate() {
            let Some(ts) = &c.types else {
                default = Some(i);
                continue;
            };
            let single = ts.len() == 1;
            for te in ts {
                let next = self.b.create_block();
                let t = self.ty(te);
                let is_nil = self.is_untyped_nil(t);
                let hit = if is_nil {
                    self.b.ins().icmp_imm_s(IntCC::Equal, dt, 0)
                } else if self.g.is_eface(t) {
                    self.b.ins().icmp_imm_s(IntCC::NotEqual, dt, 0)
                } else if self.g.is_iface(t) {
                    let itd = self.g.typedesc(t);
                    let itv = self.data_addr(itd);
                    let it = self.call(self.g.rt.assert_itab2, &[itv, dt])[0];
                    self.b.ins().icmp_imm_s(IntCC::NotEqual, it, 0)
                } else {
                    let td = self.g.typedesc(t);
                    let tv = self.data_addr(td);
                    self.b.ins().icmp(IntCC::Equal, dt, tv)
                };
                // A clause with one type binds the variable with that type, on the way into
                // the body; other clauses bind x itself at the start of the body.
                let bind = self.b.create_block();
                self.b.ins().brif(hit, bind, &[], next, &[]);
                self.b.switch_to_block(bind);
                if single && !is_nil {
                    if let Some(&obj) = self.g.pkg.info.implicits.get(&c.implicit) {
                        let vty = self.obj_type(obj);
                        let v = if self.g.is_iface(vty) {
                            let r = self.to_iface(Val::Parts(p.clone()), xt, vty)?;
                            Val::Parts(r)
                        } else {
                            self.unbox(p[1], vty)
                        };
                        self.define_local(obj, vty, Some(v))?;
                    }
                }
                self.b.ins().jump(bodies[i], &[]);
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
            let binds_x = match &c.types {
                None => true,
                Some(ts) => ts.len() != 1 || self.is_untyped_nil(self.ty(&ts[0])),
            };
            if binds_x {
                if let Some(&obj) = self.g.pkg.info.implicits.get(&c.implicit) {
                    let vty = self.obj_type(obj);
                    self.define_local(obj, vty, Some(Val::Parts(p.clone())))?;
                }
            }
            self.block(&c.body)?;
            self.jump(end);
        }
        self.targets.pop();
        self.b.switch_to_block(end);
        Ok(())
    }
}

/// Whether `e` is `x.(T)` (not `x.(type)`).
pub(crate) fn as_type_assert(e: &Expr) -> Option<(&Expr, &Expr)> {
    match &e.kind {
        ExprKind::TypeAssert(x, Some(t)) => Some((x, t)),
        ExprKind::Paren(inner) => as_type_assert(inner),
        _ => None,
    }
}

#[allow(dead_code)]
fn unused(_: CodegenError) {}
