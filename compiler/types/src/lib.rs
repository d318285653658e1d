//! The Go type checker.
//!
//! It mirrors go/types: the input is the parsed files of one package, the output is an `Info`
//! of side tables keyed by the `NodeId`s of the syntax tree (the type and constant value of
//! every expression, the object every identifier defines or uses, the selections of selector
//! expressions) plus the package's objects in a `TypeTable`/`Object` arena. The code generator
//! reads only these tables; it never re-derives a type.
//!
//! Diagnostics are worded as gc words them and sorted by position.

mod assign;
mod call;
mod check;
mod constant;
mod decl;
mod directives;
mod expr;
mod exprstr;
pub mod float;
mod initorder;
mod labels;
mod literal;
mod lookup;
mod scope;
mod stmt;
pub mod table;
mod typestr;
mod typexpr;
mod universe;

#[cfg(test)]
mod tests;

use gorc_syntax::ast::{self, NodeId};
use gorc_syntax::{FileSet, Pos};
use num_bigint::BigInt;
use num_rational::BigRational;
use std::collections::HashMap;

/// Index of a type in the `TypeTable`. Structurally identical unnamed types share one id, so
/// type identity is `==` on ids (named types are identical only to themselves).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);

/// Index of an object (variable, constant, type name, function, package, builtin, label).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BasicKind {
    Invalid,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UnsafePointer,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedComplex,
    UntypedString,
    UntypedNil,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StructField {
    pub name: String,
    pub ty: TypeId,
    pub embedded: bool,
    /// The package path for an unexported name (field names from different packages differ).
    pub pkg: Option<String>,
    pub tag: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    /// The last parameter is `...T`; its entry in `params` is the slice type `[]T`.
    pub variadic: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct InterfaceMethod {
    pub name: String,
    pub pkg: Option<String>,
    /// A `Func` type (without receiver).
    pub sig: TypeId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    Basic(BasicKind),
    Pointer(TypeId),
    Slice(TypeId),
    Array(u64, TypeId),
    Map(TypeId, TypeId),
    Chan(ChanDir, TypeId),
    Struct(Vec<StructField>),
    Func(Signature),
    /// The complete method set, sorted by name (embedded interfaces already flattened).
    Interface(Vec<InterfaceMethod>),
    /// The type of a multi-valued expression (a call with several results).
    Tuple(Vec<TypeId>),
    /// A defined type. `Named` types are never interned structurally: each declaration makes
    /// a new one.
    Named(NamedType),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NamedType {
    /// The `TypeName` object declaring it.
    pub obj: ObjId,
    /// Its underlying type (never itself `Named`).
    pub underlying: TypeId,
    /// Methods declared on it (value and pointer receivers), as `Func` objects, in source order.
    pub methods: Vec<ObjId>,
}

/// Every type of the program. Predeclared basic types are added first by `TypeTable::new`.
#[derive(Debug, Default)]
pub struct TypeTable {
    pub types: Vec<Type>,
    pub intern: HashMap<Type, TypeId>,
}

impl TypeTable {
    pub fn get(&self, t: TypeId) -> &Type {
        &self.types[t.0 as usize]
    }
    /// The underlying type: the type itself unless it is `Named`.
    pub fn underlying(&self, t: TypeId) -> TypeId {
        match self.get(t) {
            Type::Named(n) => n.underlying,
            _ => t,
        }
    }
}

/// An exact constant value. Floats are exact rationals (gc uses 512-bit floats; rationals
/// give the same results for every program that does not depend on the rounding of huge
/// intermediate values).
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    Bool(bool),
    /// Go strings are byte strings (they may hold invalid UTF-8).
    String(Vec<u8>),
    Int(BigInt),
    Float(BigRational),
    Complex(BigRational, BigRational),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    Append,
    Cap,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
    // package unsafe
    Alignof,
    Offsetof,
    Sizeof,
    Add,
    Slice,
}

#[derive(Clone, Debug)]
pub enum ObjKind {
    Var(VarInfo),
    Const {
        ty: TypeId,
        value: ConstValue,
    },
    TypeName {
        ty: TypeId,
    },
    Func(FuncInfo),
    /// An imported package.
    Package {
        path: String,
    },
    Builtin(Builtin),
    /// The predeclared `nil`.
    Nil,
    Label,
}

#[derive(Clone, Debug)]
pub struct VarInfo {
    pub ty: TypeId,
    /// Declared at package level.
    pub global: bool,
    /// A function parameter, result or receiver.
    pub param: bool,
    /// A struct field (objects of fields are not in `defs`, only in selections).
    pub field: bool,
    /// Its address is taken (`&x`, `x.m()` with a pointer receiver, slicing an array variable)
    /// or it is captured by a closure: it must live on the heap (or in memory, for globals).
    pub addressed: bool,
}

#[derive(Clone, Debug)]
pub struct FuncInfo {
    /// The `Func` type of the function (for a method: without the receiver).
    pub sig: TypeId,
    /// The receiver's declared type (`T` or `*T`) for a method.
    pub recv: Option<TypeId>,
    /// The package-qualified link name: `main.f`, `main.T.m`, `main.(*T).m`.
    pub link_name: String,
    /// For a body-less function implemented outside Go: what its generated body does.
    pub native: Option<Native>,
    /// `//gorc:cgoexport SYMBOL` on a function with a body: the code generator also emits the
    /// exported pointer-sized data object `SYMBOL` holding the function's address, through
    /// which C code (the runtime's crosscall2) calls it.
    pub cgo_export: Option<String>,
}

/// The body the code generator gives a body-less function, from its directive (all of them
/// are described in `directives.rs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Native {
    /// `//gorc:extern SYMBOL`: calls the runtime function `SYMBOL` with the C convention,
    /// passing the scalar parameters through.
    Extern(String),
    /// `//gorc:cgocall SYMBOL [errno]`: stores the parameters in an argument frame and calls
    /// `gorc_cgocall(&SYMBOL, &frame)`, then loads the results from the frame. With `errno`
    /// the last result (an `int32`) is not in the frame but `gorc_cgocall`'s return value.
    CgoCall { symbol: String, errno: bool },
    /// `//gorc:csymaddr SYMBOL`: returns the address of the C symbol `SYMBOL` (an
    /// `unsafe.Pointer`).
    CSymAddr(String),
}

#[derive(Clone, Debug)]
pub struct Object {
    pub name: String,
    pub pos: Pos,
    /// Package path of the declaring package; None for predeclared objects.
    pub pkg: Option<String>,
    pub kind: ObjKind,
}

/// How an expression was classified (go/types' "operand mode").
#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    /// A run-time value (not addressable).
    Value,
    /// An addressable variable (a variable, `*p`, `a[i]` of an addressable array or a slice,
    /// a field of an addressable struct).
    Variable,
    /// A map index expression (`m[k]`): assignable, not addressable; comma-ok allowed.
    MapIndex,
    /// A constant, with its exact value (already converted to `ty`).
    Const(ConstValue),
    /// The expression denotes a type.
    Type,
    /// A builtin function name.
    Builtin(Builtin),
    /// A call of a function without results.
    NoValue,
    /// A receive or type assertion that can be used in a comma-ok assignment.
    CommaOk,
}

#[derive(Clone, Debug)]
pub struct TypeAndValue {
    pub mode: Mode,
    /// For untyped constants used in a typed context, the checker records the final
    /// (converted) type, as go/types does; only constants whose type is never fixed (say
    /// `println(1 << 3)`) keep their default type here.
    pub ty: TypeId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectionKind {
    /// `x.f`, a struct field.
    FieldVal,
    /// `x.m`, a method value or the callee of a method call.
    MethodVal,
    /// `T.m` or `(*T).m`.
    MethodExpr,
}

/// What a selector expression `x.f` denotes (qualified identifiers `pkg.Name` are in `uses`
/// instead).
#[derive(Clone, Debug)]
pub struct Selection {
    pub kind: SelectionKind,
    /// The type of `x`.
    pub recv: TypeId,
    /// The field or method object.
    pub obj: ObjId,
    /// The path of field indices from `x`'s (pointer-dereferenced) struct type to the field or
    /// to the embedded field that holds the method; the last index is the field itself for a
    /// field selection.
    pub index: Vec<usize>,
    /// A pointer was dereferenced on the way (automatic `*`, through embedded pointers too).
    pub indirect: bool,
}

/// A package-level variable initialisation, in the order the spec prescribes.
#[derive(Clone, Debug)]
pub struct Initializer {
    /// The variables assigned (several for `var a, b = f()`); `None` for `_`.
    pub lhs: Vec<Option<ObjId>>,
    /// The initialising expression's `NodeId` (look it up in the package's files).
    pub rhs: NodeId,
}

/// Everything the checker learned about the expressions and identifiers of a program.
#[derive(Debug, Default)]
pub struct Info {
    pub types: HashMap<NodeId, TypeAndValue>,
    /// Identifier (`Ident.id`) → the object it declares.
    pub defs: HashMap<NodeId, ObjId>,
    /// Identifier (`Ident.id`, or the `Expr.id` of an `ExprKind::Ident`) → the object it uses.
    pub uses: HashMap<NodeId, ObjId>,
    /// `TypeCaseClause.implicit` → the variable bound in that clause.
    pub implicits: HashMap<NodeId, ObjId>,
    /// Selector `Expr.id` → selection.
    pub selections: HashMap<NodeId, Selection>,
}

/// A checked package: its place in the program and what its initialisation runs.
#[derive(Debug)]
pub struct Package {
    pub path: String,
    pub name: String,
    /// Import paths of the packages it imports (besides `unsafe`), in source order.
    pub imports: Vec<String>,
    /// Functions and methods with bodies, in source order.
    pub funcs: Vec<ObjId>,
    /// Package-level variables, in declaration order.
    pub globals: Vec<ObjId>,
    /// Package-level variable initialisations, in the order the spec prescribes.
    pub init_order: Vec<Initializer>,
    /// The `init` functions, in source order (files in the order given).
    pub inits: Vec<ObjId>,
}

/// The packages of a program, checked one at a time, each after the packages it imports.
/// They share one `TypeTable` (so a type is the same `TypeId` in every package), one object
/// arena and one `Info` (node ids are unique across all files of a compilation).
#[derive(Debug, Default)]
pub struct Program {
    pub types: TypeTable,
    pub objects: Vec<Object>,
    pub info: Info,
    /// In checking order: every package comes after the packages it imports.
    pub packages: Vec<Package>,
    /// Functions and methods with bodies of all packages.
    pub funcs: Vec<ObjId>,
    /// Package-level variables of all packages.
    pub globals: Vec<ObjId>,
    pub(crate) shared: Option<check::Shared>,
}

impl Program {
    pub fn new() -> Program {
        Program::default()
    }

    pub fn obj(&self, id: ObjId) -> &Object {
        &self.objects[id.0 as usize]
    }

    pub fn package(&self, path: &str) -> Option<&Package> {
        self.packages.iter().find(|p| p.path == path)
    }

    /// The name a package's objects are qualified with in type strings (`strings.Builder`).
    pub fn package_name<'p>(&'p self, path: &'p str) -> &'p str {
        self.package(path).map_or(path, |p| p.name.as_str())
    }

    /// Type-checks the files of one package (`path` is "main" for the main package) and adds
    /// it to the program. The packages it imports must have been added before.
    ///
    /// Diagnostics are sorted by position; like gc, at most 10 are returned, followed by
    /// `too many errors`. After an error the program must not be used further.
    pub fn check_package(
        &mut self,
        fset: &FileSet,
        path: &str,
        files: &[ast::File],
    ) -> Result<(), Vec<Diagnostic>> {
        // Deeply nested expressions (say a constant made of thousands of `+`-joined strings)
        // recurse deeply: check on a thread with a large (reserved, not committed) stack.
        std::thread::scope(|s| {
            std::thread::Builder::new()
                .name("gorc-types".into())
                .stack_size(1 << 30)
                .spawn_scoped(s, || check_package_here(self, fset, path, files))
                .expect("spawning the type checker thread")
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e))
        })
    }
}

/// Type-checks a program made of one package (the tests' entry point).
pub fn check_package(
    fset: &FileSet,
    path: &str,
    files: &[ast::File],
) -> Result<Program, Vec<Diagnostic>> {
    let mut prog = Program::new();
    prog.check_package(fset, path, files)?;
    Ok(prog)
}

fn check_package_here(
    prog: &mut Program,
    fset: &FileSet,
    path: &str,
    files: &[ast::File],
) -> Result<(), Vec<Diagnostic>> {
    let mut c = check::Checker::new(fset, path, files, prog);
    c.init_display(fset);
    c.collect_objects();
    c.package_objects();
    c.flush_untyped();
    if path == "main"
        && c.scopes
            .lookup_local(c.pkg_scope, "main")
            .map_or(true, |o| !matches!(c.obj(o).kind, ObjKind::Func(_)))
    {
        c.error(Pos::NONE, "function main is undeclared in the main package");
    }
    c.init_order();
    c.unused_imports();
    let name = files
        .first()
        .map(|f| f.package.name.clone())
        .unwrap_or_else(|| path.to_string());
    let globals: Vec<ObjId> = c
        .globals
        .iter()
        .copied()
        .filter(|&o| c.obj(o).name != "_")
        .collect();
    let init_order = std::mem::take(&mut c.init_order_out);
    let inits: Vec<ObjId> = c
        .funcs
        .iter()
        .copied()
        .filter(|&o| c.obj(o).name == "init" && c.is_package_func(o))
        .collect();
    let mut imports: Vec<String> = Vec::new();
    for (_, _, p) in &c.imports {
        if p != "unsafe" && !imports.contains(p) {
            imports.push(p.clone());
        }
    }
    let diags = std::mem::take(&mut c.diags);
    let funcs = std::mem::take(&mut c.funcs);
    c.pkg_scopes
        .insert(path.to_string(), (c.pkg_scope, name.clone()));
    c.finish(prog);
    if !diags.is_empty() {
        return Err(finish_diagnostics(diags));
    }
    prog.funcs.extend(funcs.iter().copied());
    prog.globals.extend(globals.iter().copied());
    prog.packages.push(Package {
        path: path.to_string(),
        name,
        imports,
        funcs,
        globals,
        init_order,
        inits,
    });
    Ok(())
}

/// A diagnostic: `file:line:col: message` once its position is resolved.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub pos: Pos,
    pub msg: String,
}

/// gc's presentation: sorted by position, duplicates removed, at most 10 then
/// `too many errors` (at the position of the tenth error reported).
fn finish_diagnostics(mut ds: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut too_many = None;
    if ds.len() > 10 {
        too_many = Some(ds[9].pos);
        ds.truncate(10);
    }
    ds.sort_by_key(|d| d.pos);
    ds.dedup_by(|a, b| a.pos == b.pos && a.msg == b.msg);
    if let Some(p) = too_many {
        ds.push(Diagnostic {
            pos: p,
            msg: "too many errors".into(),
        });
    }
    ds
}
