//! Maps: `make`, literals, indexing (read, comma-ok, assignment through `Place::MapElem`),
//! `delete`, `len` and `range`, all through the runtime's hash map (runtime/src/map.rs). Keys
//! are passed by address (a stack temporary), values come back as the address of the slot.

use crate::func::{Fl, Val};
use crate::stmt::Place;
use crate::Result;
use cranelift_codegen::ir::{self, condcodes::IntCC, types, InstBuilder, MemFlagsData, Value};
use cranelift_module::{DataDescription, DataId, Linkage, Module};
use gorc_syntax::ast::{self, Expr, ExprKind};
use gorc_types::{Type, TypeId};

/// Bytes of the runtime's `HIter`.
const HITER_SIZE: u32 = 64;

impl<'a> crate::Gen<'a> {
    /// The descriptor of a map's entry, `struct{hash uint64; k K; v V}`, which the runtime
    /// allocates entry arrays with (the layout the runtime computes: key at 8, value at the
    /// next multiple of its alignment, size rounded to 8).
    pub fn map_entry_desc(&mut self, k: TypeId, v: TypeId) -> DataId {
        let kl = self.layout(k);
        let vl = self.layout(v);
        let va = vl.align.max(1);
        let voff = (8 + kl.size + va - 1) / va * va;
        let size = (voff + vl.size + 7) / 8 * 8;
        let mut ptr_words: Vec<u64> = kl.ptr_words.iter().map(|o| o + 8).collect();
        ptr_words.extend(vl.ptr_words.iter().map(|o| o + voff));
        let name = format!(
            "map.entry[{}]{}",
            crate::typedesc::type_string(self, k),
            crate::typedesc::type_string(self, v)
        );
        let mut bytes = vec![0u8; 128];
        bytes[0..8].copy_from_slice(&size.to_le_bytes());
        let ptrdata = ptr_words.last().map(|o| o + 8).unwrap_or(0);
        bytes[8..16].copy_from_slice(&ptrdata.to_le_bytes());
        bytes[20] = 25;
        bytes[21] = 8;
        bytes[40..48].copy_from_slice(&(name.len() as u64).to_le_bytes());
        let mut d = DataDescription::new();
        d.set_align(8);
        if !ptr_words.is_empty() {
            let words = (ptrdata / 8) as usize;
            let mut bits = vec![0u8; words.div_ceil(8)];
            for &o in &ptr_words {
                let w = (o / 8) as usize;
                bits[w / 8] |= 1 << (w % 8);
            }
            let bm = self.string_data(&bits);
            let gv = self.module.declare_data_in_data(bm, &mut d);
            d.write_data_addr(24, gv, 0);
        }
        let nid = self.string_data(name.as_bytes());
        let gv = self.module.declare_data_in_data(nid, &mut d);
        d.write_data_addr(32, gv, 0);
        let sym = self.anon_name("type:map.entry");
        let id = self
            .module
            .declare_data(&sym, Linkage::Local, false, false)
            .expect("entry desc");
        d.define(bytes.into_boxed_slice());
        self.module.define_data(id, &d).expect("entry desc");
        id
    }
}

impl<'g, 'a, 'b> Fl<'g, 'a, 'b> {
    pub(crate) fn map_kv(&self, mt: TypeId) -> (TypeId, TypeId) {
        match self.g.under(mt) {
            Type::Map(k, v) => (*k, *v),
            _ => panic!("map type expected"),
        }
    }

    pub fn map_desc(&mut self, mt: TypeId) -> Value {
        let td = self.g.typedesc(mt);
        self.data_addr(td)
    }

    /// The key expression converted to the key type, in a stack temporary; its address.
    fn key_addr(&mut self, k: &Expr, kt: TypeId) -> Result<Value> {
        let v = self.expr_to(k, Some(kt))?;
        let t = self.temp(kt);
        self.store(t, kt, v)?;
        Ok(t)
    }

    /// `make(map[K]V[, hint])`.
    pub fn make_map(&mut self, mt: TypeId, hint: Option<&Expr>) -> Result<Val> {
        let h = match hint {
            Some(e) => {
                let it = self.ty(e);
                let v = self.expr(e)?;
                let v = self.parts(v, it)[0];
                let signed = !self.g.pkg.types.is_unsigned(it);
                let t = self.b.func.dfg.value_type(v);
                if t == types::I64 {
                    v
                } else if signed {
                    self.b.ins().sextend(types::I64, v)
                } else {
                    self.b.ins().uextend(types::I64, v)
                }
            }
            None => self.b.ins().iconst(types::I64, 0),
        };
        let md = self.map_desc(mt);
        let m = self.call(self.g.rt.makemap, &[md, h])[0];
        Ok(Val::Parts(vec![m]))
    }

    /// A map composite literal.
    pub fn map_literal(&mut self, mt: TypeId, elts: &[ast::Element]) -> Result<Val> {
        let (kt, vt) = self.map_kv(mt);
        let md = self.map_desc(mt);
        let n = self.b.ins().iconst(types::I64, elts.len() as i64);
        let m = self.call(self.g.rt.makemap, &[md, n])[0];
        for el in elts {
            let Some(k) = &el.key else { continue };
            let ka = self.key_addr(k, kt)?;
            let v = self.expr_to(&el.value, Some(vt))?;
            let v = self.materialize(v, vt);
            let md = self.map_desc(mt);
            let slot = self.call(self.g.rt.mapassign, &[md, m, ka])[0];
            self.store(slot, vt, v)?;
        }
        Ok(Val::Parts(vec![m]))
    }

    /// `m[k]` as a value.
    pub fn map_index(&mut self, x: &Expr, k: &Expr) -> Result<Val> {
        let mt = self.ty(x);
        let (kt, vt) = self.map_kv(mt);
        let m = self.expr(x)?;
        let m = self.parts(m, mt)[0];
        let ka = self.key_addr(k, kt)?;
        let md = self.map_desc(mt);
        let p = self.call(self.g.rt.mapaccess1, &[md, m, ka])[0];
        let v = self.load(p, vt);
        Ok(self.materialize(v, vt))
    }

    /// `v, ok := m[k]`.
    pub fn map_index2(&mut self, x: &Expr, k: &Expr) -> Result<Vec<Val>> {
        let mt = self.ty(x);
        let (kt, vt) = self.map_kv(mt);
        let m = self.expr(x)?;
        let m = self.parts(m, mt)[0];
        let ka = self.key_addr(k, kt)?;
        let md = self.map_desc(mt);
        let r = self.call(self.g.rt.mapaccess2, &[md, m, ka]);
        let v = self.load(r[0], vt);
        let v = self.materialize(v, vt);
        let ok = self.b.ins().ireduce(types::I8, r[1]);
        Ok(vec![v, Val::Parts(vec![ok])])
    }

    /// The place `m[k]` (evaluates m and k now; the slot is found when written).
    pub fn map_place(&mut self, x: &Expr, k: &Expr) -> Result<Place> {
        let mt = self.ty(x);
        let (kt, _) = self.map_kv(mt);
        let m = self.expr(x)?;
        let m = self.parts(m, mt)[0];
        let ka = self.key_addr(k, kt)?;
        Ok(Place::MapElem(m, ka, mt))
    }

    pub fn map_read(&mut self, m: Value, ka: Value, mt: TypeId) -> Val {
        let (_, vt) = self.map_kv(mt);
        let md = self.map_desc(mt);
        let p = self.call(self.g.rt.mapaccess1, &[md, m, ka])[0];
        let v = self.load(p, vt);
        self.materialize(v, vt)
    }

    pub fn map_write(&mut self, m: Value, ka: Value, mt: TypeId, v: Val) -> Result<()> {
        let (_, vt) = self.map_kv(mt);
        // The value is complete before the slot is looked up: evaluating it could have
        // grown the map.
        let v = self.materialize(v, vt);
        let md = self.map_desc(mt);
        let p = self.call(self.g.rt.mapassign, &[md, m, ka])[0];
        self.store(p, vt, v)
    }

    /// `delete(m, k)`.
    pub fn map_delete(&mut self, args: &[Expr]) -> Result<()> {
        let mt = self.ty(&args[0]);
        let (kt, _) = self.map_kv(mt);
        let m = self.expr(&args[0])?;
        let m = self.parts(m, mt)[0];
        let ka = self.key_addr(&args[1], kt)?;
        self.map_delete_at(mt, m, ka);
        Ok(())
    }

    /// `delete(m, k)` with map `m` of type `mt` and the key already in memory at `ka`.
    pub fn map_delete_at(&mut self, mt: TypeId, m: Value, ka: Value) {
        let md = self.map_desc(mt);
        self.call(self.g.rt.mapdelete, &[md, m, ka]);
    }

    /// `len(m)`: the count at offset 0, 0 for a nil map.
    pub fn map_len(&mut self, m: Value) -> Value {
        let nonnil = self.b.create_block();
        let done = self.b.create_block();
        self.b.append_block_param(done, types::I64);
        let z = self.b.ins().iconst(types::I64, 0);
        self.b.ins().brif(m, nonnil, &[], done, &[z.into()]);
        self.b.switch_to_block(nonnil);
        let n = self.b.ins().load(types::I64, MemFlagsData::trusted(), m, 0);
        self.b.ins().jump(done, &[n.into()]);
        self.b.switch_to_block(done);
        self.b.block_params(done)[0]
    }

    /// `for k, v := range m` (`p` of the key or value: the declared variable, if any).
    pub fn map_range(
        &mut self,
        label: Option<String>,
        key: Option<(&Expr, Option<Place>)>,
        value: Option<(&Expr, Option<Place>)>,
        x: &Expr,
        body: &ast::Block,
    ) -> Result<()> {
        let mt = self.ty(x);
        let (kt, vt) = self.map_kv(mt);
        let m = self.expr(x)?;
        let m = self.parts(m, mt)[0];
        let ss = self.b.create_sized_stack_slot(ir::StackSlotData::new(
            ir::StackSlotKind::ExplicitSlot,
            HITER_SIZE,
            3,
        ));
        let it = self.b.ins().stack_addr(types::I64, ss, 0);
        let md = self.map_desc(mt);
        self.call(self.g.rt.mapiterinit, &[md, m, it]);
        let head = self.b.create_block();
        let body_b = self.b.create_block();
        let cont = self.b.create_block();
        let end = self.b.create_block();
        self.b.ins().jump(head, &[]);
        self.b.switch_to_block(head);
        let it = self.b.ins().stack_addr(types::I64, ss, 0);
        let kp = self
            .b
            .ins()
            .load(types::I64, MemFlagsData::trusted(), it, 0);
        self.b.ins().brif(kp, body_b, &[], end, &[]);
        self.b.switch_to_block(body_b);
        let (kp_place, vp_place) = self.range_places(
            key.as_ref().map(|(k, p)| (*k, p)),
            value.as_ref().map(|(v, p)| (*v, p)),
        )?;
        if let (Some((k, _)), Some(p)) = (&key, kp_place) {
            let v = self.load(kp, kt);
            let v = self.materialize(v, kt);
            let lt = self.ty(k);
            let v = if self.g.is_iface(lt) && !self.g.is_iface(kt) {
                Val::Parts(self.to_iface(v, kt, lt)?)
            } else {
                v
            };
            self.write_place(&p, lt, v)?;
        }
        if let (Some((ve, _)), Some(p)) = (&value, vp_place) {
            let vp = self
                .b
                .ins()
                .load(types::I64, MemFlagsData::trusted(), it, 8);
            let v = self.load(vp, vt);
            let v = self.materialize(v, vt);
            let lt = self.ty(ve);
            let v = if self.g.is_iface(lt) && !self.g.is_iface(vt) {
                Val::Parts(self.to_iface(v, vt, lt)?)
            } else {
                v
            };
            self.write_place(&p, lt, v)?;
        }
        self.loop_body(label, end, cont, body)?;
        let it = self.b.ins().stack_addr(types::I64, ss, 0);
        self.call(self.g.rt.mapiternext, &[it]);
        self.preempt_check();
        self.b.ins().jump(head, &[]);
        self.b.switch_to_block(end);
        Ok(())
    }
}

/// `m[k]` where m is a map: (m, k).
pub(crate) fn as_map_index<'e>(fl: &Fl, e: &'e Expr) -> Option<(&'e Expr, &'e Expr)> {
    match &e.kind {
        ExprKind::Index(x, k) if matches!(fl.g.under(fl.ty(x)), Type::Map(..)) => Some((x, k)),
        ExprKind::Paren(inner) => as_map_index(fl, inner),
        _ => None,
    }
}

#[allow(dead_code)]
fn unused(_: IntCC) {}
