//! Lowering of checked Go to Cranelift IR, the split-stack prologue and object emission.
//!
//! `compile_package` turns a checked `main` package into an ELF object: every function body is
//! lowered to Cranelift IR (`func`, `stmt`, `expr`), compiled, and defined with gorc's own stack
//! check in front (`arch`); then the package initialiser, the type descriptors (`typedesc`) and
//! the function table for tracebacks (`functab`) are emitted as data.

mod arch;
mod builtin;
mod call;
mod cgo;
mod chan;
mod closure;
mod defer;
mod expr;
mod externs;
mod func;
mod functab;
mod iface;
mod layout;
mod map;
mod runtime;
mod stmt;
mod typedesc;

use cranelift_codegen::ir::{self, types, AbiParam};
use cranelift_codegen::isa::{self, CallConv, OwnedTargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_module::{DataDescription, DataId, FuncId, Linkage, Module};
use cranelift_object::{ObjectBuilder, ObjectModule};
use gorc_syntax::ast::{self, Expr, NodeId};
use gorc_syntax::{FileSet, Pos};
use gorc_types::{Native, ObjId, ObjKind, Program, Type, TypeId};
use std::collections::HashMap;
use std::rc::Rc;

pub use arch::x86_64 as target;

/// An internal compiler error: something the checker accepted that code generation cannot
/// handle. The driver prints it with its position as `internal compiler error: ...`.
#[derive(Debug)]
pub struct CodegenError {
    pub pos: Pos,
    pub msg: String,
}

pub(crate) type Result<T> = std::result::Result<T, CodegenError>;

pub(crate) fn ice<T>(pos: Pos, msg: impl Into<String>) -> Result<T> {
    Err(CodegenError {
        pos,
        msg: msg.into(),
    })
}

/// How the parameters and results of a Go function map onto its Cranelift signature.
#[derive(Clone, Debug)]
pub(crate) struct Abi {
    pub sig: ir::Signature,
    /// Go parameters (receiver first), each with its type.
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    /// For each result: whether it is returned through a hidden pointer parameter (memory-class
    /// types); those pointers follow the ordinary parameters, in result order.
    pub result_by_ptr: Vec<bool>,
    /// Bytes of arguments passed on the stack (for morestack to copy).
    pub stack_arg_bytes: u32,
}

/// Per-package code generation state.
pub(crate) struct Gen<'a> {
    pub fset: &'a FileSet,
    pub pkg: &'a Program,
    pub module: ObjectModule,
    pub layouts: layout::Layouts,
    pub rt: runtime::Runtime,
    /// Go functions and methods by object.
    pub funcs: HashMap<ObjId, (FuncId, Rc<Abi>)>,
    pub globals: HashMap<ObjId, DataId>,
    strings: HashMap<Vec<u8>, DataId>,
    pub typedescs: HashMap<TypeId, DataId>,
    /// Metadata of every compiled function, for `gorc_functab`.
    pub functab: Vec<functab::FuncMeta>,
    /// Every expression of the package by id (the checker's init order refers to them).
    pub exprs: HashMap<NodeId, &'a Expr>,
    next_anon: u32,
    /// Static closures, wrappers and closure descriptors (closure.rs).
    pub fv: closure::GenState,
    /// Itab code per (concrete type, method name) and static itabs (iface.rs).
    pub itab_fns: HashMap<(TypeId, String), FuncId>,
    pub itabs: HashMap<(TypeId, TypeId), DataId>,
    /// Wrappers and adapters to compile after the package's functions.
    pub pending: Vec<iface::Pending>,
    /// The declarations of the program's functions and methods.
    pub decls: HashMap<ObjId, &'a ast::FuncDecl>,
    pub opts: Options,
}

/// How to compile a program.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Position-independent code, for `-buildmode=c-archive` (which may be linked into a PIE)
    /// and `c-shared`: symbols are reached PC-relative or through the GOT, never by absolute
    /// address. Executables are linked `-no-pie` and use absolute addresses, which is faster.
    pub pic: bool,
}

fn make_isa(opts: &Options) -> OwnedTargetIsa {
    let mut flags = settings::builder();
    let set = |f: &mut settings::Builder, k: &str, v: &str| {
        f.set(k, v)
            .unwrap_or_else(|e| panic!("cranelift setting {k}={v}: {e}"))
    };
    set(&mut flags, "opt_level", "speed");
    set(
        &mut flags,
        "is_pic",
        if opts.pic { "true" } else { "false" },
    );
    // r15 holds the current g (ARCHITECTURE.md).
    set(&mut flags, "enable_pinned_reg", "true");
    // Tracebacks walk the frame-pointer chain.
    set(&mut flags, "preserve_frame_pointers", "true");
    // Results beyond the return registers go through a hidden pointer.
    set(&mut flags, "enable_multi_ret_implicit_sret", "true");
    // Our own prologue guards the stack; no probes.
    set(&mut flags, "enable_probestack", "false");
    set(&mut flags, "unwind_info", "false");
    let isa = isa::lookup_by_name("x86_64").expect("x86_64 backend");
    isa.finish(settings::Flags::new(flags)).expect("x86_64 isa")
}

/// Compiles a checked program (all its packages, `files` being all their files) to one
/// object file, for an executable.
pub fn compile_program(
    fset: &FileSet,
    files: &[ast::File],
    pkg: &Program,
) -> std::result::Result<Vec<u8>, CodegenError> {
    compile_program_with(fset, files, pkg, &Options::default())
}

/// `compile_program` with options (position-independent code for libraries).
pub fn compile_program_with(
    fset: &FileSet,
    files: &[ast::File],
    pkg: &Program,
    opts: &Options,
) -> std::result::Result<Vec<u8>, CodegenError> {
    let isa = make_isa(opts);
    let builder = ObjectBuilder::new(isa, "gomain", cranelift_module::default_libcall_names())
        .map_err(|e| CodegenError {
            pos: Pos::NONE,
            msg: e.to_string(),
        })?;
    let mut module = ObjectModule::new(builder);
    let rt = runtime::Runtime::declare(&mut module);
    let mut exprs = HashMap::new();
    for f in files {
        collect_exprs(f, &mut exprs);
    }
    let mut g = Gen {
        fset,
        pkg,
        module,
        layouts: layout::Layouts::default(),
        rt,
        funcs: HashMap::new(),
        globals: HashMap::new(),
        strings: HashMap::new(),
        typedescs: HashMap::new(),
        functab: Vec::new(),
        exprs,
        next_anon: 0,
        fv: Default::default(),
        itab_fns: HashMap::new(),
        itabs: HashMap::new(),
        pending: Vec::new(),
        decls: HashMap::new(),
        opts: *opts,
    };
    g.declare_globals()?;
    g.declare_funcs()?;
    // Bodies.
    let mut decls: HashMap<ObjId, &ast::FuncDecl> = HashMap::new();
    for f in files {
        for d in &f.decls {
            if let ast::Decl::Func(fd) = d {
                if let Some(&obj) = pkg.info.defs.get(&fd.name.id) {
                    decls.insert(obj, fd);
                } else if fd.name.name == "init" {
                    // init functions are not declared in any scope; find them by position.
                    if let Some(obj) = pkg
                        .funcs
                        .iter()
                        .copied()
                        .find(|&o| pkg.obj(o).pos == fd.name.pos)
                    {
                        decls.insert(obj, fd);
                    }
                }
            }
        }
    }
    g.decls = decls.clone();
    for &obj in &pkg.funcs {
        if let ObjKind::Func(fi) = &pkg.obj(obj).kind {
            if let Some(sym) = &fi.cgo_export {
                cgo::emit_export(&mut g, obj, sym)?;
            }
            match &fi.native {
                Some(Native::Extern(sym)) => {
                    externs::compile_extern(&mut g, obj, sym)?;
                    continue;
                }
                Some(Native::CgoCall { symbol, errno }) => {
                    cgo::compile_cgocall(&mut g, obj, symbol, *errno)?;
                    continue;
                }
                Some(Native::CSymAddr(sym)) => {
                    cgo::compile_csymaddr(&mut g, obj, sym)?;
                    continue;
                }
                None => {}
            }
        }
        let Some(fd) = decls.get(&obj) else {
            return ice(
                pkg.obj(obj).pos,
                format!("no declaration found for function {}", pkg.obj(obj).name),
            );
        };
        func::compile_func(&mut g, obj, fd)?;
    }
    func::compile_init(&mut g)?;
    g.compile_pending()?;
    cgo::emit_iscgo(&mut g)?;
    functab::emit(&mut g)?;
    let product = g.module.finish();
    product.emit().map_err(|e| CodegenError {
        pos: Pos::NONE,
        msg: e.to_string(),
    })
}

fn collect_exprs<'a>(f: &'a ast::File, out: &mut HashMap<NodeId, &'a Expr>) {
    // Only package-level variable initialisers are looked up by id.
    for d in &f.decls {
        if let ast::Decl::Var(specs) = d {
            for s in specs {
                for v in &s.values {
                    out.insert(v.id, v);
                }
            }
        }
    }
}

impl<'a> Gen<'a> {
    pub fn layout(&mut self, t: TypeId) -> Rc<layout::Layout> {
        self.layouts.get(self.pkg, t)
    }

    pub fn under(&self, t: TypeId) -> &'a Type {
        let pkg: &'a Program = self.pkg;
        pkg.types.get(pkg.types.underlying(t))
    }

    /// The Cranelift signature of a Go function type (receiver, if any, first).
    pub fn abi(&mut self, recv: Option<TypeId>, sig_ty: TypeId) -> Rc<Abi> {
        let Type::Func(sig) = self.under(sig_ty) else {
            panic!("abi of a non-function type")
        };
        let mut params: Vec<TypeId> = recv.into_iter().collect();
        params.extend(sig.params.iter().copied());
        let results = sig.results.clone();
        // Go calls Go with Cranelift's "winch" convention: arguments in the System V
        // registers, but no callee-saved registers, as in gc's own ABI. A function then pays
        // for saving only the values it keeps across a call, and only around that call, where
        // System V would make every function save and restore rbx/r12-r14 on entry and exit.
        let mut cl = ir::Signature::new(CallConv::Winch);
        let (mut ints, mut floats, mut stack) = (0u32, 0u32, 0u32);
        let mut count = |ty: ir::Type| {
            if ty.is_float() {
                floats += 1;
                if floats > 8 {
                    stack += 8;
                }
            } else {
                ints += 1;
                if ints > 6 {
                    stack += 8;
                }
            }
        };
        for &p in &params {
            let l = self.layout(p);
            if l.mem {
                cl.params.push(AbiParam::new(types::I64));
                count(types::I64);
            } else {
                for part in &l.parts {
                    cl.params.push(AbiParam::new(part.ty));
                    count(part.ty);
                }
            }
        }
        let mut result_by_ptr = Vec::new();
        for &r in &results {
            let l = self.layout(r);
            result_by_ptr.push(l.mem);
            if l.mem {
                cl.params.push(AbiParam::new(types::I64));
                count(types::I64);
            } else {
                for part in &l.parts {
                    cl.returns.push(AbiParam::new(part.ty));
                }
            }
        }
        // With more than one result part, only the last comes back in a register: Cranelift
        // adds a hidden return-area pointer as the first integer argument, which pushes one
        // more argument to the stack when all six integer registers are in use. (Counting it
        // last over-estimates by at most one word, which morestack copies harmlessly.)
        if cl.returns.len() > 1 {
            count(types::I64);
        }
        Rc::new(Abi {
            sig: cl,
            params,
            results,
            result_by_ptr,
            stack_arg_bytes: stack,
        })
    }

    fn declare_funcs(&mut self) -> Result<()> {
        let pkg = self.pkg;
        for &obj in &pkg.funcs {
            let o = pkg.obj(obj);
            let ObjKind::Func(fi) = &o.kind else {
                return ice(o.pos, "function object expected");
            };
            let abi = self.abi(fi.recv, fi.sig);
            // Several `init` (and `_`) functions share a name; number them as gc does.
            let name = if o.name == "init" || o.name == "_" {
                self.anon_name(&fi.link_name)
            } else {
                fi.link_name.clone()
            };
            // A library keeps Go's symbols to itself (gc's c-shared exports only the C
            // functions): hidden, so they stay out of a shared object's dynamic symbols.
            let linkage = if self.opts.pic {
                Linkage::Hidden
            } else {
                Linkage::Export
            };
            let id = self
                .module
                .declare_function(&name, linkage, &abi.sig)
                .map_err(|e| CodegenError {
                    pos: o.pos,
                    msg: e.to_string(),
                })?;
            self.funcs.insert(obj, (id, abi));
        }
        Ok(())
    }

    fn declare_globals(&mut self) -> Result<()> {
        let pkg = self.pkg;
        for &obj in &pkg.globals {
            let o = pkg.obj(obj);
            let ObjKind::Var(v) = &o.kind else {
                return ice(o.pos, "variable object expected");
            };
            let l = self.layout(v.ty);
            let name = format!("{}.{}", o.pkg.as_deref().unwrap_or("main"), o.name);
            let name = if o.name == "_" {
                self.anon_name("main._")
            } else {
                name
            };
            let id = self
                .module
                .declare_data(&name, Linkage::Local, true, false)
                .map_err(|e| CodegenError {
                    pos: o.pos,
                    msg: e.to_string(),
                })?;
            let mut d = DataDescription::new();
            d.define_zeroinit(l.size.max(1) as usize);
            d.set_align(l.align.max(1));
            self.module.define_data(id, &d).map_err(|e| CodegenError {
                pos: o.pos,
                msg: e.to_string(),
            })?;
            self.globals.insert(obj, id);
        }
        Ok(())
    }

    pub fn anon_name(&mut self, prefix: &str) -> String {
        self.next_anon += 1;
        format!("{prefix}.{}", self.next_anon)
    }

    /// A read-only data object holding `bytes` (string literals and the like); shared between
    /// equal contents.
    pub fn string_data(&mut self, bytes: &[u8]) -> DataId {
        if let Some(&id) = self.strings.get(bytes) {
            return id;
        }
        let name = self.anon_name("go:string");
        let id = self
            .module
            .declare_data(&name, Linkage::Local, false, false)
            .expect("string data");
        let mut d = DataDescription::new();
        // One extra NUL so C code handed the bytes can treat them as a C string.
        let mut contents = bytes.to_vec();
        contents.push(0);
        d.define(contents.into_boxed_slice());
        self.module.define_data(id, &d).expect("string data");
        self.strings.insert(bytes.to_vec(), id);
        id
    }
}
