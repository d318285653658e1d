//! Channels and select: `make(chan T, n)`, `ch <- v`, `<-ch` (and its comma-ok form),
//! `close`, `len`, `cap`, `for v := range ch`, and `select`, all through the runtime
//! (runtime/src/chan.rs, runtime/src/select.rs). A channel is one word, the runtime's `HChan`
//! pointer (nil: 0). Values travel by address: a send passes the address of a stack temporary
//! holding the value, a receive the address of a temporary the runtime fills (a waiting
//! partner copies straight into it).
//!
//! `select` evaluates every channel operand and every value to send, in source order, then
//! builds an array of `{channel, element address}` cases (sends first, then receives) in the
//! frame and calls `gorc_selectgo`, which returns the index of the case that ran (-1: default)
//! and whether a receive got a value. A receive case's assignment (`v, ok := <-ch`) is then
//! lowered as an ordinary statement whose `<-ch` reads the received values from
//! `FuncState::received` instead of receiving again.

use crate::func::Target;
use crate::func::{Fl, Val};
use crate::{ice, Result};
use cranelift_codegen::ir::{self, condcodes::IntCC, types, InstBuilder, MemFlagsData};
use cranelift_codegen::ir::{StackSlotData, StackSlotKind, Value};
use cranelift_module::Module;
use gorc_syntax::ast::{self, CommClause, Expr, ExprKind, Stmt, StmtKind, UnaryOp};
use gorc_types::{Type, TypeId};

/// The runtime's preemption request value in `g.stackguard0` (runtime/src/lib.rs).
const STACK_PREEMPT: i64 = 0xffff_ffff_ffff_fade_u64 as i64;

/// If `e` is `<-ch` (parentheses allowed), the receive expression itself.
fn as_recv_expr(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Paren(x) => as_recv_expr(x),
        ExprKind::Unary(UnaryOp::Recv, _) => Some(e),
        _ => None,
    }
}

/// If `e` is `<-ch` (parentheses allowed), the channel operand.
pub(crate) fn as_recv(e: &Expr) -> Option<&Expr> {
    match &as_recv_expr(e)?.kind {
        ExprKind::Unary(UnaryOp::Recv, x) => Some(x),
        _ => None,
    }
}

impl<'g, 'a, 'b> Fl<'g, 'a, 'b> {
    fn chan_elem(&self, ct: TypeId) -> TypeId {
        match self.g.under(ct) {
            Type::Chan(_, e) => *e,
            _ => panic!("channel type expected"),
        }
    }

    /// A loop back-edge: if `g.stackguard0` holds the preemption request, yield to the
    /// scheduler before going round again (a loop without calls would otherwise never reach a
    /// prologue that notices). A load, a compare and a not-taken branch.
    pub fn preempt_check(&mut self) {
        if self.b.is_unreachable() {
            return;
        }
        let g = self.b.ins().get_pinned_reg(types::I64);
        let guard = self
            .b
            .ins()
            .load(types::I64, MemFlagsData::trusted(), g, 16);
        let req = self.b.ins().icmp_imm_s(IntCC::Equal, guard, STACK_PREEMPT);
        let slow = self.b.create_block();
        let cont = self.b.create_block();
        self.b.ins().brif(req, slow, &[], cont, &[]);
        self.b.set_cold_block(slow);
        self.b.switch_to_block(slow);
        // The slow path preserves every register (runtime/src/arch/x86_64.rs), so the loop's
        // values stay in registers across it.
        let yield_all = self
            .g
            .module
            .declare_function(
                "gorc_preempt_yield_all",
                cranelift_module::Linkage::Import,
                &ir::Signature::new(cranelift_codegen::isa::CallConv::PreserveAll),
            )
            .expect("declaring gorc_preempt_yield_all");
        self.call(yield_all, &[]);
        self.b.ins().jump(cont, &[]);
        self.b.switch_to_block(cont);
    }

    /// `make(chan T[, size])`.
    pub fn make_chan(&mut self, ct: TypeId, size: Option<&Expr>) -> Result<Val> {
        let n = match size {
            Some(e) => self.int_arg(e)?,
            None => self.b.ins().iconst(types::I64, 0),
        };
        let elem = self.chan_elem(ct);
        let td = self.g.typedesc(elem);
        let tdv = self.data_addr(td);
        let c = self.call(self.g.rt.makechan, &[tdv, n])[0];
        Ok(Val::Parts(vec![c]))
    }

    /// The channel operand's value.
    fn chan_value(&mut self, ch: &Expr) -> Result<Value> {
        let ct = self.ty(ch);
        let v = self.expr(ch)?;
        Ok(self.parts(v, ct)[0])
    }

    /// `v` converted to the element type, in a stack temporary; its address.
    fn send_value_addr(&mut self, v: &Expr, elem: TypeId) -> Result<Value> {
        let val = self.expr_to(v, Some(elem))?;
        let t = self.temp(elem);
        self.store(t, elem, val)?;
        Ok(t)
    }

    /// `ch <- v`: the channel first, then the value (spec order).
    pub fn send_stmt(&mut self, ch: &Expr, v: &Expr) -> Result<()> {
        let c = self.chan_value(ch)?;
        let elem = self.chan_elem(self.ty(ch));
        let ep = self.send_value_addr(v, elem)?;
        self.call(self.g.rt.chansend, &[c, ep]);
        Ok(())
    }

    /// `<-ch` (`with_ok`: and the comma-ok boolean). `recv` is the whole `<-ch` expression
    /// (a select case may already have received its values).
    pub fn recv_expr(&mut self, recv: &Expr, ch: &Expr, with_ok: bool) -> Result<Vec<Val>> {
        if let Some(vals) = self.fx.received.get(&recv.id) {
            let mut vals = vals.clone();
            if !with_ok {
                vals.truncate(1);
            }
            return Ok(vals);
        }
        let c = self.chan_value(ch)?;
        let elem = self.chan_elem(self.ty(ch));
        let ep = self.temp(elem);
        let ok = self.call(self.g.rt.chanrecv, &[c, ep])[0];
        let v = self.load(ep, elem);
        let v = self.materialize(v, elem);
        let mut out = vec![v];
        if with_ok {
            out.push(Val::Parts(vec![ok]));
        }
        Ok(out)
    }

    /// `close(ch)`.
    pub fn close_chan(&mut self, ch: &Expr) -> Result<()> {
        let c = self.chan_value(ch)?;
        self.call(self.g.rt.closechan, &[c]);
        Ok(())
    }

    /// `len(ch)` / `cap(ch)` of a channel value.
    pub fn chan_len_cap(&mut self, c: Value, len: bool) -> Value {
        let f = if len {
            self.g.rt.chanlen
        } else {
            self.g.rt.chancap
        };
        self.call(f, &[c])[0]
    }

    /// `for v := range ch`: receive until the channel is closed and drained.
    pub fn chan_range(
        &mut self,
        label: Option<String>,
        value: Option<(&Expr, crate::stmt::Place)>,
        x: &Expr,
        body: &ast::Block,
    ) -> Result<()> {
        let xty = self.ty(x);
        let elem = self.chan_elem(xty);
        let c = self.chan_value(x)?;
        let ep = self.temp(elem);
        let head = self.b.create_block();
        let body_b = self.b.create_block();
        let cont = self.b.create_block();
        let end = self.b.create_block();
        self.jump(head);
        self.b.switch_to_block(head);
        let ok = self.call(self.g.rt.chanrecv, &[c, ep])[0];
        self.b.ins().brif(ok, body_b, &[], end, &[]);
        self.b.switch_to_block(body_b);
        if let Some((v, p)) = value {
            let vty = self.ty(v);
            let ev = self.load(ep, elem);
            let ev = self.materialize(ev, elem);
            self.write_place(&p, vty, ev)?;
        }
        self.loop_body(label, end, cont, body)?;
        self.preempt_check();
        self.jump(head);
        self.b.switch_to_block(end);
        Ok(())
    }

    /// `select { ... }`.
    pub fn select_stmt(&mut self, label: Option<String>, body: &[CommClause]) -> Result<()> {
        if body.is_empty() {
            self.call_noreturn(self.g.rt.block, &[]);
            return Ok(());
        }
        // Evaluate the operands in source order; remember each case's slot in the array.
        enum Case<'e> {
            Send {
                c: Value,
                ep: Value,
            },
            Recv {
                c: Value,
                ep: Value,
                elem: TypeId,
                recv: &'e Expr,
            },
            Default,
        }
        let mut cases: Vec<Case> = Vec::new();
        for cl in body {
            let Some(comm) = &cl.comm else {
                cases.push(Case::Default);
                continue;
            };
            // Operands are evaluated at their case's line (a nil dereference in one is
            // reported there, as gc reports it).
            self.set_line(comm.pos);
            match &comm.kind {
                StmtKind::Send(ch, v) => {
                    let c = self.chan_value(ch)?;
                    let elem = self.chan_elem(self.ty(ch));
                    let ep = self.send_value_addr(v, elem)?;
                    cases.push(Case::Send { c, ep });
                }
                _ => {
                    let Some(recv) = select_recv(comm) else {
                        return ice(comm.pos, "select case is not a send or receive");
                    };
                    let ch = as_recv(recv).expect("receive");
                    let c = self.chan_value(ch)?;
                    let elem = self.chan_elem(self.ty(ch));
                    let ep = self.temp(elem);
                    cases.push(Case::Recv { c, ep, elem, recv });
                }
            }
        }
        let nsends = cases
            .iter()
            .filter(|c| matches!(c, Case::Send { .. }))
            .count();
        let nrecvs = cases
            .iter()
            .filter(|c| matches!(c, Case::Recv { .. }))
            .count();
        let has_default = cases.iter().any(|c| matches!(c, Case::Default));
        let n = nsends + nrecvs;
        // The runtime's case array: sends first, then receives; index of each clause in it.
        let slot = self.b.create_sized_stack_slot(StackSlotData::new(
            StackSlotKind::ExplicitSlot,
            (16 * n.max(1)) as u32,
            3,
        ));
        let arr = self.b.ins().stack_addr(types::I64, slot, 0);
        let mut index: Vec<i64> = Vec::new();
        let (mut si, mut ri) = (0usize, nsends);
        for cs in &cases {
            let (k, c, ep) = match cs {
                Case::Send { c, ep } => {
                    si += 1;
                    (si - 1, *c, *ep)
                }
                Case::Recv { c, ep, .. } => {
                    ri += 1;
                    (ri - 1, *c, *ep)
                }
                Case::Default => {
                    index.push(-1);
                    continue;
                }
            };
            index.push(k as i64);
            let off = (16 * k) as i32;
            self.b.ins().store(MemFlagsData::trusted(), c, arr, off);
            self.b
                .ins()
                .store(MemFlagsData::trusted(), ep, arr, off + 8);
        }
        let ns = self.b.ins().iconst(types::I64, nsends as i64);
        let nr = self.b.ins().iconst(types::I64, nrecvs as i64);
        let block = self.b.ins().iconst(types::I8, !has_default as i64);
        let r = self.call(self.g.rt.selectgo, &[arr, ns, nr, block]);
        let (chosen, ok) = (r[0], self.b.ins().ireduce(types::I8, r[1]));

        let end = self.b.create_block();
        self.targets.push(Target {
            label,
            brk: end,
            cont: None,
        });
        let mut next: Option<ir::Block> = None;
        for ((cl, cs), &k) in body.iter().zip(&cases).zip(&index) {
            if let Some(nb) = next.take() {
                self.b.switch_to_block(nb);
            }
            let this = self.b.create_block();
            let other = self.b.create_block();
            let hit = self.b.ins().icmp_imm_s(IntCC::Equal, chosen, k);
            self.b.ins().brif(hit, this, &[], other, &[]);
            next = Some(other);
            self.b.switch_to_block(this);
            if let Case::Recv { ep, elem, recv, .. } = cs {
                let v = self.load(*ep, *elem);
                let v = self.materialize(v, *elem);
                self.fx
                    .received
                    .insert(recv.id, vec![v, Val::Parts(vec![ok])]);
                let comm = cl.comm.as_ref().unwrap();
                self.stmt(comm)?;
                self.fx.received.remove(&recv.id);
            }
            self.block(&cl.body)?;
            self.jump(end);
        }
        if let Some(nb) = next {
            self.b.switch_to_block(nb);
            self.b.ins().trap(ir::TrapCode::unwrap_user(2));
        }
        self.targets.pop();
        self.b.switch_to_block(end);
        Ok(())
    }
}

/// The `<-ch` expression of a select receive case (`<-ch`, `v = <-ch`, `v, ok := <-ch`).
fn select_recv(s: &Stmt) -> Option<&Expr> {
    match &s.kind {
        StmtKind::Expr(e) => as_recv_expr(e),
        StmtKind::Assign { rhs, .. } | StmtKind::Define { rhs, .. } if rhs.len() == 1 => {
            as_recv_expr(&rhs[0])
        }
        _ => None,
    }
}
