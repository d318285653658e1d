//! Lowering of one function: its storage for variables, the entry sequence that binds
//! parameters, and the definition of the compiled body behind the split-stack prologue.

use crate::functab::FuncMeta;
use crate::{ice, target, Abi, CodegenError, Gen, Result};
use cranelift_codegen::binemit::Reloc;
use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::ir::{
    self, types, InstBuilder, MemFlagsData, StackSlotData, StackSlotKind, TrapCode, UserFuncName,
    Value,
};
use cranelift_codegen::Context;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Variable};
use cranelift_module::{DataId, FuncId, Module, ModuleReloc, ModuleRelocTarget};
use gorc_syntax::ast;
use gorc_syntax::Pos;
use gorc_types::{ObjId, ObjKind, TypeId};
use std::collections::HashMap;
use std::rc::Rc;

/// Where a local variable lives.
pub(crate) enum Local {
    /// In SSA variables, one per scalar part.
    Ssa(Vec<Variable>),
    /// In a stack slot of this frame (memory-class values whose address is never taken).
    Slot(ir::StackSlot),
    /// In memory whose address the variable holds: a heap object (address taken or
    /// captured), or the caller's copy of a memory-class parameter.
    Mem(Variable),
}

/// A value under construction.
#[derive(Clone, Debug)]
pub(crate) enum Val {
    /// The scalar parts (for every type that is not memory-class).
    Parts(Vec<Value>),
    /// The address of memory holding the value (memory-class types). The memory may be a
    /// variable: copy before the variable can change if the value must survive that.
    Mem(Value),
}

/// A break/continue target.
pub(crate) struct Target {
    pub label: Option<String>,
    pub brk: ir::Block,
    pub cont: Option<ir::Block>,
}

/// The lowering state of one function.
pub(crate) struct Fl<'g, 'a, 'b> {
    pub g: &'g mut Gen<'a>,
    pub b: FunctionBuilder<'b>,
    pub locals: HashMap<ObjId, Local>,
    /// The result variables (named results, or hidden ones for unnamed results).
    pub results: Vec<ObjId>,
    /// Hidden pointers through which memory-class results are returned.
    pub result_ptrs: Vec<Option<Value>>,
    pub abi: Rc<Abi>,
    pub named_results: bool,
    pub targets: Vec<Target>,
    pub labels: HashMap<String, ir::Block>,
    /// A label just seen, to be attached to the loop/switch/select it labels.
    pub pending_label: Option<String>,
    func_refs: HashMap<FuncId, ir::FuncRef>,
    data_refs: HashMap<DataId, ir::GlobalValue>,
    /// Results without names get synthetic locals keyed from here (beyond any real object).
    pub next_synthetic: u32,
    /// Function values and defers (closure.rs, defer.rs).
    pub fx: crate::closure::FuncState,
}

pub(crate) fn compile_func(g: &mut Gen, obj: ObjId, fd: &ast::FuncDecl) -> Result<()> {
    let (id, abi) = g.funcs[&obj].clone();
    compile_decl(g, id, abi, obj, fd, false)
}

/// The itab code of a value method `obj` for its own type: a second copy of the method whose
/// receiver arrives as a pointer to the value (the interface's data word) and is loaded on
/// entry. Calls through interfaces then cost one call, not a wrapper's call and the method's.
pub(crate) fn compile_itab_method(g: &mut Gen, id: FuncId, obj: ObjId) -> Result<()> {
    let Some(&fd) = g.decls.get(&obj) else {
        return ice(g.pkg.obj(obj).pos, "method declaration not found");
    };
    let ObjKind::Func(fi) = &g.pkg.obj(obj).kind else {
        return ice(fd.pos, "function object expected");
    };
    let abi = g.iface_method_abi(fi.sig);
    compile_decl(g, id, abi, obj, fd, true)
}

/// Compiles the declared function or method `obj` as `id` with `abi`; `recv_by_ref`: the
/// itab copy of a value method.
fn compile_decl(
    g: &mut Gen,
    id: FuncId,
    abi: Rc<Abi>,
    obj: ObjId,
    fd: &ast::FuncDecl,
    recv_by_ref: bool,
) -> Result<()> {
    let o = g.pkg.obj(obj);
    let ObjKind::Func(fi) = &o.kind else {
        return ice(o.pos, "function object expected");
    };
    let name = fi.link_name.clone();
    let body = fd.body.as_ref().expect("checked: function has a body");
    // The itab copy's literals and defer thunks get names of their own.
    let mut fx = if recv_by_ref {
        crate::closure::FuncState::top(&format!("{name}·i"))
    } else {
        crate::closure::FuncState::top(&name)
    };
    fx.recv_by_ref = recv_by_ref;
    compile_body(
        g,
        id,
        abi,
        name,
        fd.recv.as_ref(),
        &fd.sig,
        body,
        fd.pos,
        &[],
        fx,
    )
}

/// Lowers and defines one function body: a declared function or method, or a function
/// literal (`captures`: the enclosing variables it refers to, reached through its closure).
#[allow(clippy::too_many_arguments)]
pub(crate) fn compile_body(
    g: &mut Gen,
    id: FuncId,
    abi: Rc<Abi>,
    name: String,
    recv: Option<&Vec<ast::Field>>,
    sig: &ast::FuncType,
    body: &ast::Block,
    pos: Pos,
    captures: &[ObjId],
    fx: crate::closure::FuncState,
) -> Result<()> {
    let mut ctx = Context::new();
    ctx.func.signature = abi.sig.clone();
    ctx.func.name = UserFuncName::user(0, id.as_u32());
    let mut fctx = FunctionBuilderContext::new();
    let cfg = g.module.isa().frontend_config();
    {
        let b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
        let mut fl = Fl::new(g, b, abi.clone());
        fl.fx = fx;
        fl.set_line(pos);
        let entry = fl.b.create_block();
        fl.b.append_block_params_for_function_params(entry);
        fl.b.switch_to_block(entry);
        // A closure finds its captured variables through the context first of all.
        fl.bind_captures(captures);
        let params: Vec<Value> = fl.b.block_params(entry).to_vec();
        // Parameter objects in ABI order: receiver, parameters.
        let mut objs: Vec<Option<ObjId>> = Vec::new();
        let fields = recv.into_iter().flatten().chain(sig.params.iter());
        for f in fields {
            if f.names.is_empty() {
                objs.push(None);
            } else {
                for n in &f.names {
                    objs.push(fl.g.pkg.info.defs.get(&n.id).copied());
                }
            }
        }
        let mut pi = 0;
        for (i, &ty) in abi.params.iter().enumerate() {
            let l = fl.g.layout(ty);
            let n = if l.mem { 1 } else { l.parts.len() };
            let vals = params[pi..pi + n].to_vec();
            pi += n;
            let Some(Some(pobj)) = objs.get(i) else {
                continue;
            };
            if i == 0 && fl.fx.recv_by_ref {
                // The receiver's own copy, loaded from the interface's data word.
                let rty = fl.obj_type(*pobj);
                let v = fl.load(vals[0], rty);
                let v = fl.materialize(v, rty);
                fl.define_local(*pobj, rty, Some(v))?;
                continue;
            }
            if l.mem {
                let v = Val::Mem(vals[0]);
                if fl.is_addressed(*pobj) {
                    fl.define_local(*pobj, ty, Some(v))?;
                } else {
                    let var = fl.b.declare_var(types::I64);
                    fl.b.def_var(var, vals[0]);
                    fl.locals.insert(*pobj, Local::Mem(var));
                }
            } else {
                fl.define_local(*pobj, ty, Some(Val::Parts(vals)))?;
            }
        }
        // Results.
        let mut result_objs: Vec<Option<ObjId>> = Vec::new();
        for f in &sig.results {
            if f.names.is_empty() {
                result_objs.push(None);
            } else {
                for n in &f.names {
                    result_objs.push(fl.g.pkg.info.defs.get(&n.id).copied());
                }
            }
        }
        fl.named_results = sig.results.iter().any(|f| !f.names.is_empty());
        // A function with defer statements keeps every result in memory (see defer.rs).
        let has_defer = crate::defer::has_defer(&body.stmts);
        for (i, &by_ptr) in abi.result_by_ptr.iter().enumerate() {
            if by_ptr {
                fl.result_ptrs.push(Some(params[pi]));
                pi += 1;
            } else {
                fl.result_ptrs.push(None);
            }
            if fl.named_results || has_defer {
                let robj = match result_objs.get(i).copied().flatten() {
                    Some(r) => r,
                    None => fl.synthetic_obj(),
                };
                let rty = abi.results[i];
                if has_defer {
                    fl.define_result_slot(robj, rty)?;
                } else {
                    fl.define_local(robj, rty, None)?;
                }
                fl.results.push(robj);
            }
        }
        if has_defer {
            fl.start_defers(&body.stmts);
        }
        fl.block(&body.stmts)?;
        if !fl.b.is_unreachable() {
            fl.set_line(body.rbrace);
            if abi.results.is_empty() || fl.named_results {
                fl.emit_return(None)?;
            } else {
                // The checker guarantees a terminating statement; falling off is impossible.
                fl.b.ins().trap(TrapCode::unwrap_user(1));
                let dead = fl.b.create_block();
                fl.b.switch_to_block(dead);
            }
        }
        fl.finish_defers()?;
        fl.b.seal_all_blocks();
        fl.b.finalize(cfg);
    }
    let file = source_file_name(g, pos);
    define(g, id, &mut ctx, name, file, pos, &abi)
}

/// The file tracebacks name for code at `pos`: its absolute path, as gc's do.
pub(crate) fn source_file_name(g: &Gen, pos: Pos) -> String {
    g.fset
        .file_of(pos)
        .map(|f| {
            std::fs::canonicalize(&f.path)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_else(|_| f.path.clone())
        })
        .unwrap_or_default()
}

/// `gorc_main_init`: package-level variables in dependency order, then the `init` functions.
pub(crate) fn compile_init(g: &mut Gen) -> Result<()> {
    let sig = ir::Signature::new(cranelift_codegen::isa::CallConv::SystemV);
    let id = g
        .module
        .declare_function("gorc_main_init", cranelift_module::Linkage::Export, &sig)
        .map_err(|e| CodegenError {
            pos: Pos::NONE,
            msg: e.to_string(),
        })?;
    let abi = Rc::new(Abi {
        sig: sig.clone(),
        params: vec![],
        results: vec![],
        result_by_ptr: vec![],
        stack_arg_bytes: 0,
    });
    let mut ctx = Context::new();
    ctx.func.signature = sig;
    ctx.func.name = UserFuncName::user(0, id.as_u32());
    let mut fctx = FunctionBuilderContext::new();
    let pkg = g.pkg;
    let cfg = g.module.isa().frontend_config();
    {
        let b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
        let mut fl = Fl::new(g, b, abi.clone());
        let entry = fl.b.create_block();
        fl.b.switch_to_block(entry);
        // Packages initialise in checking order, which puts every package after the packages
        // it imports: first its variables in the spec's order, then its init functions.
        for p in &pkg.packages {
            // Function literals in package-level initialisers are pkg.glob..funcN, as in gc.
            fl.fx = crate::closure::FuncState::top(&format!("{}.glob.", p.path));
            for init in &p.init_order {
                let Some(&e) = fl.g.exprs.get(&init.rhs) else {
                    return ice(Pos::NONE, "initializer expression not found");
                };
                fl.set_line(e.pos);
                let targets: Vec<Option<TypeId>> =
                    init.lhs.iter().map(|o| o.map(|o| fl.obj_type(o))).collect();
                let vals = fl.rhs_values(&targets, std::slice::from_ref(e))?;
                for (lhs, v) in init.lhs.iter().zip(vals) {
                    if let Some(obj) = lhs {
                        let ty = fl.obj_type(*obj);
                        let addr = fl.global_addr(*obj);
                        fl.store(addr, ty, v)?;
                    }
                }
            }
            for &f in &p.inits {
                let (fid, _) = fl.g.funcs[&f].clone();
                let fr = fl.func_ref(fid);
                fl.b.ins().call(fr, &[]);
            }
        }
        fl.b.ins().return_(&[]);
        fl.b.seal_all_blocks();
        fl.b.finalize(cfg);
    }
    define(
        g,
        id,
        &mut ctx,
        "main.init".into(),
        String::new(),
        Pos::NONE,
        &abi,
    )
}

/// Itab code for method `m` of concrete type `t` (iface.rs): receiver adjustment, then the
/// method.
pub(crate) fn compile_wrapper(
    g: &mut Gen,
    id: FuncId,
    t: TypeId,
    m: &crate::iface::MethodEntry,
) -> Result<()> {
    let abi = g.iface_method_abi(m.sig);
    let name = format!("{}.{}", crate::typedesc::type_string(g, t), m.name);
    let mut ctx = Context::new();
    ctx.func.signature = abi.sig.clone();
    ctx.func.name = UserFuncName::user(0, id.as_u32());
    let mut fctx = FunctionBuilderContext::new();
    let cfg = g.module.isa().frontend_config();
    {
        let b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
        let mut fl = Fl::new(g, b, abi.clone());
        let entry = fl.b.create_block();
        fl.b.append_block_params_for_function_params(entry);
        fl.b.switch_to_block(entry);
        let params: Vec<Value> = fl.b.block_params(entry).to_vec();
        fl.wrapper_body(t, m, &params)?;
        fl.b.seal_all_blocks();
        fl.b.finalize(cfg);
    }
    define(g, id, &mut ctx, name, String::new(), Pos::NONE, &abi)
}

/// A System V `(data) -> (ptr, len)` function calling the itab code `ifn` of an `Error` or
/// `String` method, for the runtime to call when printing a panic value.
pub(crate) fn compile_string_adapter(
    g: &mut Gen,
    id: FuncId,
    ifn: FuncId,
    name: String,
) -> Result<()> {
    let mut sig = ir::Signature::new(cranelift_codegen::isa::CallConv::SystemV);
    sig.params.push(ir::AbiParam::new(types::I64));
    sig.returns.push(ir::AbiParam::new(types::I64));
    sig.returns.push(ir::AbiParam::new(types::I64));
    let abi = Rc::new(Abi {
        sig: sig.clone(),
        params: vec![],
        results: vec![],
        result_by_ptr: vec![],
        stack_arg_bytes: 0,
    });
    let mut ctx = Context::new();
    ctx.func.signature = sig;
    ctx.func.name = UserFuncName::user(0, id.as_u32());
    let mut fctx = FunctionBuilderContext::new();
    let cfg = g.module.isa().frontend_config();
    {
        let b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
        let mut fl = Fl::new(g, b, abi.clone());
        let entry = fl.b.create_block();
        fl.b.append_block_params_for_function_params(entry);
        fl.b.switch_to_block(entry);
        let data = fl.b.block_params(entry)[0];
        let r = fl.call(ifn, &[data]);
        fl.b.ins().return_(&r);
        fl.b.seal_all_blocks();
        fl.b.finalize(cfg);
    }
    define(g, id, &mut ctx, name, String::new(), Pos::NONE, &abi)
}

/// Compiles `ctx` and defines function `id` with the split-stack prologue in front.
pub(crate) fn define(
    g: &mut Gen,
    id: FuncId,
    ctx: &mut Context,
    name: String,
    file: String,
    pos: Pos,
    abi: &Abi,
) -> Result<()> {
    let isa = g.module.isa();
    if let Err(e) = ctx.compile(isa, &mut ControlPlane::default()) {
        return ice(pos, format!("cranelift failed on {name}: {:?}", e.inner));
    }
    let cc = ctx.compiled_code().expect("compiled");
    let body = cc.buffer.data();
    // Bytes the body uses below its entry sp: the saved frame pointer plus the fixed frame.
    let frame = cc
        .buffer
        .frame_layout()
        .map(|f| f.frame_to_fp_offset)
        .unwrap_or(0)
        + 8;
    // A leaf with a small frame runs in the guard area below stackguard0, as gc's NOSPLIT
    // leaves do: its caller's check left room for it.
    let calls = ctx.func.layout.blocks().any(|b| {
        ctx.func
            .layout
            .block_insts(b)
            .any(|i| ctx.func.dfg.insts[i].opcode().is_call())
    }) || cc.buffer.relocs().iter().any(|r| {
        matches!(
            r.kind,
            Reloc::X86CallPCRel4 | Reloc::X86CallPLTRel4 | Reloc::X86GOTPCRel4
        )
    });
    let wrapped = if !calls && frame <= target::STACK_SMALL {
        target::leaf(body)
    } else {
        target::wrap(body, frame, abi.stack_arg_bytes)
    };
    let off = wrapped.body_offset;
    let mut relocs: Vec<ModuleReloc> = cc
        .buffer
        .relocs()
        .iter()
        .map(|r| {
            let mut m = ModuleReloc::from_mach_reloc(r, &ctx.func, id);
            m.offset += off;
            if let ModuleRelocTarget::FunctionOffset(f, o) = m.name {
                m.name = ModuleRelocTarget::FunctionOffset(f, o + off);
            }
            m
        })
        .collect();
    if let Some(offset) = wrapped.morestack_reloc {
        relocs.push(ModuleReloc {
            offset,
            kind: Reloc::X86CallPCRel4,
            name: ModuleRelocTarget::user(0, g.rt.morestack.as_u32()),
            addend: -4,
        });
    }
    let decl_line = if pos.is_valid() {
        g.fset.position(pos).line
    } else {
        0
    };
    let mut lines = vec![(0u32, decl_line)];
    for s in cc.buffer.get_srclocs_sorted() {
        if !s.loc.is_default() {
            let line = s.loc.bits();
            if lines.last().map(|l| l.1) != Some(line) {
                lines.push((s.start + off, line));
            }
        }
    }
    // The morestack tail belongs to the declaration line, as gc's does.
    if wrapped.morestack_reloc.is_some() {
        lines.push((off + body.len() as u32, decl_line));
    }
    let size = wrapped.bytes.len() as u32;
    g.module
        .define_function_bytes(id, 16, &wrapped.bytes, &relocs)
        .map_err(|e| CodegenError {
            pos,
            msg: format!("defining {name}: {e}"),
        })?;
    g.functab.push(FuncMeta {
        id,
        name,
        file,
        size,
        lines,
    });
    Ok(())
}

impl<'g, 'a, 'b> Fl<'g, 'a, 'b> {
    pub(crate) fn new(g: &'g mut Gen<'a>, b: FunctionBuilder<'b>, abi: Rc<Abi>) -> Self {
        let next_synthetic = g.pkg.objects.len() as u32 + 1_000_000;
        Fl {
            g,
            b,
            locals: HashMap::new(),
            results: Vec::new(),
            result_ptrs: Vec::new(),
            abi,
            named_results: false,
            targets: Vec::new(),
            labels: HashMap::new(),
            pending_label: None,
            func_refs: HashMap::new(),
            data_refs: HashMap::new(),
            next_synthetic,
            fx: Default::default(),
        }
    }

    pub(crate) fn synthetic_obj(&mut self) -> ObjId {
        self.next_synthetic += 1;
        ObjId(self.next_synthetic)
    }

    /// Records the source line of the instructions that follow (for the pc→line table).
    pub fn set_line(&mut self, pos: Pos) {
        if pos.is_valid() {
            let line = self.g.fset.position(pos).line;
            self.b.set_srcloc(ir::SourceLoc::new(line));
        }
    }

    pub fn func_ref(&mut self, id: FuncId) -> ir::FuncRef {
        if let Some(&r) = self.func_refs.get(&id) {
            return r;
        }
        let r = self.g.module.declare_func_in_func(id, self.b.func);
        // Everything is linked statically into one non-PIE executable, so every function,
        // runtime and libc ones included, is in reach of a direct rel32 call. A library (PIC)
        // calls what comes from outside it (libc's memmove, ...) through the GOT instead,
        // bound when it is loaded: a PLT slot may be bound lazily, on the first call, running
        // the dynamic linker's resolver on a goroutine stack (a c-archive goes into whatever
        // executable the C program's link makes, `-z now` or not).
        let decl = self.g.module.declarations().get_function_decl(id);
        let external = decl.linkage == cranelift_module::Linkage::Import
            && !decl.name.as_deref().is_some_and(|n| n.starts_with("gorc_"));
        self.b.func.dfg.ext_funcs[r].colocated = !(self.g.opts.pic && external);
        self.func_refs.insert(id, r);
        r
    }

    pub fn data_addr(&mut self, id: DataId) -> Value {
        let gv = match self.data_refs.get(&id) {
            Some(&gv) => gv,
            None => {
                let gv = self.g.module.declare_data_in_func(id, self.b.func);
                self.data_refs.insert(id, gv);
                gv
            }
        };
        self.b.ins().symbol_value(types::I64, gv)
    }

    pub fn global_addr(&mut self, obj: ObjId) -> Value {
        let id = self.g.globals[&obj];
        self.data_addr(id)
    }

    /// Calls a runtime or Go function and returns its results.
    pub fn call(&mut self, id: FuncId, args: &[Value]) -> Vec<Value> {
        let fr = self.func_ref(id);
        let inst = self.b.ins().call(fr, args);
        self.b.inst_results(inst).to_vec()
    }

    /// Calls a runtime function that does not return (a panic) and ends the block.
    pub fn call_noreturn(&mut self, id: FuncId, args: &[Value]) {
        self.call(id, args);
        self.b.ins().trap(TrapCode::unwrap_user(2));
        let dead = self.b.create_block();
        self.b.switch_to_block(dead);
    }

    pub fn is_addressed(&self, obj: ObjId) -> bool {
        match self.g.pkg.objects.get(obj.0 as usize).map(|o| &o.kind) {
            Some(ObjKind::Var(v)) => v.addressed,
            _ => false,
        }
    }

    pub fn obj_type(&self, obj: ObjId) -> TypeId {
        match &self.g.pkg.obj(obj).kind {
            ObjKind::Var(v) => v.ty,
            ObjKind::Const { ty, .. } => *ty,
            ObjKind::TypeName { ty } => *ty,
            ObjKind::Func(f) => f.sig,
            _ => panic!("object without a type"),
        }
    }

    /// A fresh stack slot for a memory-class temporary of type `ty`; returns its address.
    pub fn temp(&mut self, ty: TypeId) -> Value {
        let l = self.g.layout(ty);
        let align_shift = l.align.max(1).trailing_zeros() as u8;
        let ss = self.b.create_sized_stack_slot(StackSlotData::new(
            StackSlotKind::ExplicitSlot,
            l.size.max(1) as u32,
            align_shift.max(3),
        ));
        self.b.ins().stack_addr(types::I64, ss, 0)
    }

    /// Allocates a zeroed heap object of type `ty`.
    pub fn alloc(&mut self, ty: TypeId) -> Value {
        let td = self.g.typedesc(ty);
        let tdv = self.data_addr(td);
        self.call(self.g.rt.alloc, &[tdv])[0]
    }

    /// Declares local `obj` of type `ty`, initialised with `init` or the zero value.
    pub fn define_local(&mut self, obj: ObjId, ty: TypeId, init: Option<Val>) -> Result<()> {
        let l = self.g.layout(ty);
        if self.is_addressed(obj) {
            let p = self.alloc(ty);
            if let Some(v) = init {
                self.store(p, ty, v)?;
            }
            let var = self.b.declare_var(types::I64);
            self.b.def_var(var, p);
            self.locals.insert(obj, Local::Mem(var));
        } else if l.mem {
            let l2 = l.clone();
            let slot = self.b.create_sized_stack_slot(StackSlotData::new(
                StackSlotKind::ExplicitSlot,
                l2.size.max(1) as u32,
                (l2.align.max(1).trailing_zeros() as u8).max(3),
            ));
            let addr = self.b.ins().stack_addr(types::I64, slot, 0);
            match init {
                Some(v) => self.store(addr, ty, v)?,
                None => self.zero_mem(addr, l2.size),
            }
            self.locals.insert(obj, Local::Slot(slot));
        } else {
            let vals = match init {
                Some(v) => self.parts(v, ty),
                None => self.zero_parts(ty),
            };
            let mut vars = Vec::with_capacity(vals.len());
            for (part, v) in l.parts.iter().zip(vals) {
                let var = self.b.declare_var(part.ty);
                self.b.def_var(var, v);
                vars.push(var);
            }
            self.locals.insert(obj, Local::Ssa(vars));
        }
        Ok(())
    }

    pub fn zero_parts(&mut self, ty: TypeId) -> Vec<Value> {
        let l = self.g.layout(ty);
        l.parts.iter().map(|p| self.zero_scalar(p.ty)).collect()
    }

    pub fn zero_scalar(&mut self, ty: ir::Type) -> Value {
        if ty == types::F32 {
            self.b.ins().f32const(0.0)
        } else if ty == types::F64 {
            self.b.ins().f64const(0.0)
        } else {
            self.b.ins().iconst(ty, 0)
        }
    }

    pub fn zero_mem(&mut self, addr: Value, size: u64) {
        if size == 0 {
            return;
        }
        if size <= 64 && size % 8 == 0 {
            let z = self.b.ins().iconst(types::I64, 0);
            for i in (0..size).step_by(8) {
                self.b
                    .ins()
                    .store(MemFlagsData::trusted(), z, addr, i as i32);
            }
        } else {
            let z = self.b.ins().iconst(types::I32, 0);
            let n = self.b.ins().iconst(types::I64, size as i64);
            self.call(self.g.rt.memset, &[addr, z, n]);
        }
    }

    /// The parts of a value of a non-memory-class type.
    pub fn parts(&mut self, v: Val, ty: TypeId) -> Vec<Value> {
        match v {
            Val::Parts(p) => p,
            Val::Mem(addr) => self.load_parts(addr, ty),
        }
    }

    pub fn load_parts(&mut self, addr: Value, ty: TypeId) -> Vec<Value> {
        let l = self.g.layout(ty);
        l.parts
            .iter()
            .map(|p| {
                self.b
                    .ins()
                    .load(p.ty, MemFlagsData::new(), addr, p.offset as i32)
            })
            .collect()
    }

    /// The value of type `ty` stored at `addr`. Memory-class values are not copied: the result
    /// refers to the memory.
    pub fn load(&mut self, addr: Value, ty: TypeId) -> Val {
        if self.g.layout(ty).mem {
            Val::Mem(addr)
        } else {
            Val::Parts(self.load_parts(addr, ty))
        }
    }

    pub fn store(&mut self, addr: Value, ty: TypeId, v: Val) -> Result<()> {
        let l = self.g.layout(ty);
        match v {
            Val::Parts(ps) => {
                if ps.len() != l.parts.len() {
                    return ice(Pos::NONE, "store: part count mismatch");
                }
                for (p, v) in l.parts.iter().zip(ps) {
                    self.b
                        .ins()
                        .store(MemFlagsData::new(), v, addr, p.offset as i32);
                }
            }
            Val::Mem(src) => self.copy_mem(addr, src, l.size),
        }
        Ok(())
    }

    pub fn copy_mem(&mut self, dst: Value, src: Value, size: u64) {
        if size == 0 {
            return;
        }
        if size <= 64 && size % 8 == 0 {
            // Load everything before storing anything: source and destination may overlap.
            let vals: Vec<Value> = (0..size)
                .step_by(8)
                .map(|i| {
                    self.b
                        .ins()
                        .load(types::I64, MemFlagsData::new(), src, i as i32)
                })
                .collect();
            for (k, v) in vals.into_iter().enumerate() {
                self.b
                    .ins()
                    .store(MemFlagsData::new(), v, dst, (k * 8) as i32);
            }
        } else {
            let n = self.b.ins().iconst(types::I64, size as i64);
            self.call(self.g.rt.memmove, &[dst, src, n]);
        }
    }

    /// Makes a memory-class value independent of the memory it was read from.
    pub fn materialize(&mut self, v: Val, ty: TypeId) -> Val {
        match v {
            Val::Mem(src) => {
                let t = self.temp(ty);
                let size = self.g.layout(ty).size;
                self.copy_mem(t, src, size);
                Val::Mem(t)
            }
            p => p,
        }
    }

    /// Returns from the function: `vals` are the results (None: the named result variables).
    pub fn emit_return(&mut self, vals: Option<Vec<Val>>) -> Result<()> {
        if self.fx.defers_pending() {
            return self.return_via_defers(vals);
        }
        let abi = self.abi.clone();
        let vals = match vals {
            Some(v) => v,
            None => {
                let objs = self.results.clone();
                let mut out = Vec::new();
                for (i, obj) in objs.iter().enumerate() {
                    let v = self.read_local(*obj, abi.results[i])?;
                    out.push(v);
                }
                out
            }
        };
        let mut rets = Vec::new();
        for (i, v) in vals.into_iter().enumerate() {
            let ty = abi.results[i];
            if let Some(p) = self.result_ptrs[i] {
                self.store(p, ty, v)?;
            } else {
                rets.extend(self.parts(v, ty));
            }
        }
        self.b.ins().return_(&rets);
        let dead = self.b.create_block();
        self.b.switch_to_block(dead);
        Ok(())
    }

    pub fn read_local(&mut self, obj: ObjId, ty: TypeId) -> Result<Val> {
        match self.locals.get(&obj) {
            Some(Local::Ssa(vars)) => {
                let vars = vars.clone();
                Ok(Val::Parts(
                    vars.iter().map(|&v| self.b.use_var(v)).collect(),
                ))
            }
            Some(Local::Slot(ss)) => {
                let ss = *ss;
                Ok(Val::Mem(self.b.ins().stack_addr(types::I64, ss, 0)))
            }
            Some(Local::Mem(var)) => {
                let p = self.b.use_var(*var);
                Ok(self.load(p, ty))
            }
            None => ice(
                self.g.pkg.obj(obj).pos,
                format!("variable {} has no storage", self.g.pkg.obj(obj).name),
            ),
        }
    }
}
