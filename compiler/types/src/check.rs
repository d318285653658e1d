//! The checker's state and the operand (go/types' `operand`): what an expression denotes.

use crate::scope::{ScopeId, Scopes};
use crate::table::{basic, INVALID};
use crate::{
    BasicKind, Builtin, ConstValue, Diagnostic, Info, Mode, ObjId, ObjKind, Object, TypeAndValue,
    TypeId, TypeTable,
};
use gorc_syntax::ast::{self, Expr, NodeId};
use gorc_syntax::{FileSet, Pos};
use std::collections::{HashMap, HashSet};

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum OMode {
    Invalid,
    NoValue,
    Builtin(Builtin),
    Type,
    Const(ConstValue),
    Variable,
    MapIndex,
    Value,
    CommaOk,
}

#[derive(Clone, Debug)]
pub(crate) struct Operand<'a> {
    pub mode: OMode,
    pub ty: TypeId,
    pub expr: Option<&'a Expr>,
}

impl<'a> Operand<'a> {
    pub fn invalid(expr: Option<&'a Expr>) -> Self {
        Operand {
            mode: OMode::Invalid,
            ty: INVALID,
            expr,
        }
    }
    pub fn is_invalid(&self) -> bool {
        self.mode == OMode::Invalid
    }
    pub fn val(&self) -> Option<&ConstValue> {
        match &self.mode {
            OMode::Const(v) => Some(v),
            _ => None,
        }
    }
    pub fn is_const(&self) -> bool {
        matches!(self.mode, OMode::Const(_))
    }
    pub fn pos(&self) -> Pos {
        self.expr.map_or(Pos::NONE, crate::exprstr::start_pos)
    }
}

/// Declaration details of a package-level object, used when it is type-checked lazily.
#[derive(Clone)]
pub(crate) enum DeclInfo<'a> {
    Const {
        ty: Option<&'a Expr>,
        init: Option<&'a Expr>,
        iota: u32,
        file: usize,
    },
    /// `lhs` lists all variables of a `var a, b = f()` spec (for multi-value inits).
    Var {
        ty: Option<&'a Expr>,
        init: Option<&'a Expr>,
        lhs: Vec<ObjId>,
        multi: bool,
        file: usize,
    },
    Type {
        spec: &'a ast::TypeSpec,
        file: usize,
    },
    Func {
        decl: &'a ast::FuncDecl,
        file: usize,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Color {
    White,
    Grey,
    Black,
}

/// State of the function body being checked.
#[derive(Clone)]
pub(crate) struct FuncCtx {
    pub sig: TypeId,
    /// Named result variables.
    pub results: Vec<ObjId>,
    /// Identity of this function (incremented for each literal) for capture detection.
    pub id: u32,
}

pub(crate) struct UntypedInfo<'a> {
    pub expr: &'a Expr,
    pub mode: OMode,
    pub ty: TypeId,
    pub is_lhs: bool,
}

/// What the checkers of a program's packages share beyond types, objects and side tables:
/// the scopes (the universe, `unsafe` and each checked package's scope) and the objects
/// created on demand for struct fields and interface methods.
#[derive(Debug)]
pub(crate) struct Shared {
    pub scopes: Scopes,
    pub universe: ScopeId,
    pub unsafe_scope: ScopeId,
    pub error_type: TypeId,
    pub iota_obj: ObjId,
    pub field_objs: HashMap<(TypeId, usize), ObjId>,
    pub iface_method_objs: HashMap<(TypeId, String), ObjId>,
    /// Import path → the scope of that checked package's package-level names, and its name.
    pub pkg_scopes: HashMap<String, (ScopeId, String)>,
}

pub(crate) struct Checker<'a> {
    pub fset: &'a FileSet,
    pub path: String,
    pub files: &'a [ast::File],
    pub tt: TypeTable,
    pub objs: Vec<Object>,
    pub info: Info,
    pub scopes: Scopes,
    pub universe: ScopeId,
    pub pkg_scope: ScopeId,
    pub unsafe_scope: ScopeId,
    pub file_scopes: Vec<ScopeId>,
    pub error_type: TypeId,
    pub iota_obj: ObjId,
    pub diags: Vec<Diagnostic>,
    pub decls: HashMap<ObjId, DeclInfo<'a>>,
    pub color: HashMap<ObjId, Color>,
    /// Objects being declared (for cycle reports).
    pub obj_path: Vec<ObjId>,
    /// Package-level objects each package-level object refers to (for init order).
    pub deps: HashMap<ObjId, Vec<ObjId>>,
    pub cur_decl: Option<ObjId>,
    pub used: HashSet<ObjId>,
    pub used_imports: HashSet<ObjId>,
    pub untyped: HashMap<NodeId, UntypedInfo<'a>>,
    pub iota: Option<ConstValue>,
    pub fctx: Option<FuncCtx>,
    pub next_func_id: u32,
    /// Owning function of each local variable (for captures).
    pub var_owner: HashMap<ObjId, u32>,
    /// Methods declared for each type name (collected before types are checked).
    pub methods: HashMap<String, Vec<&'a ast::FuncDecl>>,
    pub field_objs: HashMap<(TypeId, usize), ObjId>,
    pub iface_method_objs: HashMap<(TypeId, String), ObjId>,
    pub pkg_scopes: HashMap<String, (ScopeId, String)>,
    /// The package's variable initialisations in the spec's order (initorder.rs).
    pub init_order_out: Vec<crate::Initializer>,
    pub funcs: Vec<ObjId>,
    pub globals: Vec<ObjId>,
    /// Display names for byte/rune types written in source (gc prints them as written).
    pub cur_scope: ScopeId,
    pub func_decl_objs: HashMap<*const ast::FuncDecl, ObjId>,
    pub imports: Vec<(ObjId, Pos, String)>,
    pub var_declared_type: HashSet<ObjId>,
    pub prefer_byte: bool,
    pub prefer_rune: bool,
    pub prefer_any: bool,
    /// byte/rune spellings of the declaration being checked: (kind, alias spelled).
    pub spell_override: Vec<(BasicKind, bool)>,
    pub local_vars: HashSet<ObjId>,
    pub pending_var_mismatch: HashSet<ObjId>,
    pub cycle_reported: HashSet<ObjId>,
    pub orphan_methods: Vec<ObjId>,
    pub pending_bodies: Vec<(ObjId, &'a ast::FuncDecl, Vec<ObjId>, Vec<ObjId>)>,
    /// Package-level initialisations as they were checked: lhs, rhs id.
    pub init_exprs: Vec<(Vec<ObjId>, NodeId, &'a Expr)>,
    /// Type declarations whose right side is a type name, being resolved (cycle detection).
    pub direct_decls: HashSet<ObjId>,
    /// Named types whose underlying type is that of another type still being declared.
    pub pending_underlying: Vec<(TypeId, TypeId)>,
    /// Aliases whose right side is being re-evaluated because of a reference cycle.
    pub alias_reeval: HashSet<ObjId>,
    /// Set while building an interface that embeds an interface not yet complete.
    pub iface_incomplete: bool,
    /// Named interfaces to rebuild once all package-level types are known.
    pub pending_ifaces: Vec<(TypeId, &'a Expr, ScopeId)>,
    /// Map key types to check for comparability once complete.
    pub pending_map_keys: Vec<(TypeId, Pos)>,
    /// Where errors are reported while checking an inherited constant expression.
    pub errpos: Option<Pos>,
    pub const_errpos: HashMap<ObjId, Pos>,
    /// Parameters already reported as duplicates by the signature.
    pub dup_params: HashSet<ObjId>,
    pub init_count: usize,
}

impl<'a> Checker<'a> {
    /// A checker for one package of `prog`: it takes over the program's shared tables (types,
    /// objects, side tables, scopes) and gives them back in `finish`.
    pub(crate) fn new(
        fset: &'a FileSet,
        path: &str,
        files: &'a [ast::File],
        prog: &mut crate::Program,
    ) -> Self {
        let fresh = prog.shared.is_none();
        let shared = prog.shared.take().unwrap_or_else(|| {
            let mut scopes = Scopes::default();
            let universe = scopes.new_scope(None);
            Shared {
                scopes,
                universe,
                unsafe_scope: 0,
                error_type: INVALID,
                iota_obj: ObjId(0),
                field_objs: HashMap::new(),
                iface_method_objs: HashMap::new(),
                pkg_scopes: HashMap::new(),
            }
        });
        let Shared {
            mut scopes,
            universe,
            unsafe_scope,
            error_type,
            iota_obj,
            field_objs,
            iface_method_objs,
            pkg_scopes,
        } = shared;
        let pkg_scope = scopes.new_scope(Some(universe));
        let tt = if fresh {
            TypeTable::new()
        } else {
            std::mem::take(&mut prog.types)
        };
        let mut c = Checker {
            fset,
            path: path.to_string(),
            files,
            tt,
            objs: std::mem::take(&mut prog.objects),
            info: std::mem::take(&mut prog.info),
            scopes,
            universe,
            pkg_scope,
            unsafe_scope,
            file_scopes: vec![],
            error_type,
            iota_obj,
            diags: vec![],
            decls: HashMap::new(),
            color: HashMap::new(),
            obj_path: vec![],
            deps: HashMap::new(),
            cur_decl: None,
            used: HashSet::new(),
            used_imports: HashSet::new(),
            untyped: HashMap::new(),
            iota: None,
            fctx: None,
            next_func_id: 0,
            var_owner: HashMap::new(),
            methods: HashMap::new(),
            field_objs,
            iface_method_objs,
            pkg_scopes,
            init_order_out: vec![],
            funcs: vec![],
            globals: vec![],
            cur_scope: pkg_scope,
            func_decl_objs: HashMap::new(),
            imports: vec![],
            var_declared_type: HashSet::new(),
            prefer_byte: false,
            prefer_rune: false,
            prefer_any: false,
            spell_override: vec![],
            local_vars: HashSet::new(),
            pending_var_mismatch: HashSet::new(),
            cycle_reported: HashSet::new(),
            orphan_methods: vec![],
            pending_bodies: vec![],
            init_exprs: vec![],
            direct_decls: HashSet::new(),
            pending_underlying: vec![],
            alias_reeval: HashSet::new(),
            iface_incomplete: false,
            pending_ifaces: vec![],
            pending_map_keys: vec![],
            errpos: None,
            const_errpos: HashMap::new(),
            dup_params: HashSet::new(),
            init_count: 0,
        };
        if fresh {
            c.build_universe();
        }
        c
    }

    /// Gives the shared tables back to the program.
    pub(crate) fn finish(&mut self, prog: &mut crate::Program) {
        prog.types = std::mem::take(&mut self.tt);
        prog.objects = std::mem::take(&mut self.objs);
        prog.info = std::mem::take(&mut self.info);
        prog.shared = Some(Shared {
            scopes: std::mem::take(&mut self.scopes),
            universe: self.universe,
            unsafe_scope: self.unsafe_scope,
            error_type: self.error_type,
            iota_obj: self.iota_obj,
            field_objs: std::mem::take(&mut self.field_objs),
            iface_method_objs: std::mem::take(&mut self.iface_method_objs),
            pkg_scopes: std::mem::take(&mut self.pkg_scopes),
        });
    }

    pub(crate) fn new_obj(
        &mut self,
        name: &str,
        pos: Pos,
        pkg: Option<String>,
        kind: ObjKind,
    ) -> ObjId {
        self.objs.push(Object {
            name: name.to_string(),
            pos,
            pkg,
            kind,
        });
        ObjId(self.objs.len() as u32 - 1)
    }
    /// A function declared at package level (not a method).
    pub(crate) fn is_package_func(&self, o: ObjId) -> bool {
        matches!(&self.obj(o).kind, ObjKind::Func(f) if f.recv.is_none())
    }
    /// The scope of the names an import path gives access to (`unsafe` or a checked package).
    pub(crate) fn import_scope(&self, path: &str) -> Option<ScopeId> {
        if path == "unsafe" {
            Some(self.unsafe_scope)
        } else {
            self.pkg_scopes.get(path).map(|p| p.0)
        }
    }
    /// The name an import of `path` declares by default: the imported package's name.
    pub(crate) fn imported_name(&self, path: &str) -> String {
        self.pkg_scopes.get(path).map_or_else(
            || path.rsplit('/').next().unwrap_or(path).to_string(),
            |p| p.1.clone(),
        )
    }
    pub(crate) fn obj(&self, o: ObjId) -> &Object {
        &self.objs[o.0 as usize]
    }
    pub(crate) fn obj_mut(&mut self, o: ObjId) -> &mut Object {
        &mut self.objs[o.0 as usize]
    }
    pub(crate) fn pkg(&self) -> Option<String> {
        Some(self.path.clone())
    }

    pub(crate) fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        let pos = self.errpos.unwrap_or(pos);
        self.diags.push(Diagnostic {
            pos,
            msg: msg.into(),
        });
    }
    /// Errors gc reports only if nothing else went wrong in the same function
    /// (unused variables and imports are reported alongside, in fact; kept separate for ordering).
    pub(crate) fn soft_error(&mut self, pos: Pos, msg: impl Into<String>) {
        self.diags.push(Diagnostic {
            pos,
            msg: msg.into(),
        });
    }

    pub(crate) fn record(&mut self, e: &Expr, mode: &OMode, ty: TypeId) {
        let m = match mode {
            OMode::Invalid => return,
            OMode::NoValue => Mode::NoValue,
            OMode::Builtin(b) => Mode::Builtin(*b),
            OMode::Type => Mode::Type,
            OMode::Const(v) => Mode::Const(v.clone()),
            OMode::Variable => Mode::Variable,
            OMode::MapIndex => Mode::MapIndex,
            OMode::Value => Mode::Value,
            OMode::CommaOk => Mode::CommaOk,
        };
        self.info.types.insert(e.id, TypeAndValue { mode: m, ty });
    }

    pub(crate) fn record_def(&mut self, id: &ast::Ident, o: ObjId) {
        self.info.defs.insert(id.id, o);
    }
    pub(crate) fn record_use(&mut self, id: NodeId, o: ObjId) {
        self.info.uses.insert(id, o);
    }

    pub(crate) fn var_type(&self, o: ObjId) -> TypeId {
        match &self.obj(o).kind {
            ObjKind::Var(v) => v.ty,
            ObjKind::Const { ty, .. } => *ty,
            ObjKind::TypeName { ty } => *ty,
            ObjKind::Func(f) => f.sig,
            _ => INVALID,
        }
    }
    pub(crate) fn set_var_type(&mut self, o: ObjId, t: TypeId) {
        if let ObjKind::Var(v) = &mut self.obj_mut(o).kind {
            v.ty = t;
        }
    }
    pub(crate) fn mark_addressed(&mut self, o: ObjId) {
        if let ObjKind::Var(v) = &mut self.obj_mut(o).kind {
            v.addressed = true;
        }
    }

    pub(crate) fn new_var(&mut self, name: &str, pos: Pos, ty: TypeId, param: bool) -> ObjId {
        let o = self.new_obj(
            name,
            pos,
            self.pkg(),
            ObjKind::Var(crate::VarInfo {
                ty,
                global: false,
                param,
                field: false,
                addressed: false,
            }),
        );
        if let Some(f) = &self.fctx {
            self.var_owner.insert(o, f.id);
        }
        o
    }

    /// Declares `o` in the current scope (reporting a redeclaration); `_` is never declared.
    pub(crate) fn declare(&mut self, scope: ScopeId, id: &ast::Ident, o: ObjId) {
        self.record_def(id, o);
        if id.is_blank() {
            return;
        }
        if let Some(prev) = self.scopes.insert(scope, &id.name, o) {
            self.redeclared(id, prev);
            self.used.insert(o);
        }
    }

    pub(crate) fn redeclared(&mut self, id: &ast::Ident, prev: ObjId) {
        let pp = self.obj(prev).pos;
        let mut msg = format!("{} redeclared in this block", id.name);
        if pp.is_valid() {
            msg.push_str(&format!(
                "\n\t{}: other declaration of {}",
                self.fmt_pos(pp),
                id.name
            ));
        }
        self.error(id.pos, msg);
    }

    pub(crate) fn fmt_pos(&self, p: Pos) -> String {
        let pos = self.fset.position(p);
        format!("{}", pos)
    }

    pub(crate) fn untyped_nil(&self) -> TypeId {
        basic(BasicKind::UntypedNil)
    }
}
