//! C types as the C compiler describes them in DWARF: the model the probe fills in and the
//! generator maps to Go.
//!
//! Types live in a `TypeTable` and refer to each other by `TypeId`, so recursive types
//! (`struct node { struct node *next; }`) are finite. Sizes and alignments are the target's
//! (x86_64 System V for now); an incomplete type (a struct declared but not defined, `void`,
//! an array of unknown length) has no size.

/// Index of a type in its `TypeTable`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub usize);

#[derive(Clone, Debug, Default)]
pub struct TypeTable {
    pub types: Vec<TypeInfo>,
}

impl TypeTable {
    pub fn get(&self, id: TypeId) -> &TypeInfo {
        &self.types[id.0]
    }
    pub fn add(&mut self, t: TypeInfo) -> TypeId {
        self.types.push(t);
        TypeId(self.types.len() - 1)
    }
    /// Follows typedefs (and qualifiers, which the probe drops) to the underlying type.
    pub fn strip_typedefs(&self, mut id: TypeId) -> TypeId {
        while let CType::Typedef { ty, .. } = &self.get(id).kind {
            id = *ty;
        }
        id
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeInfo {
    pub kind: CType,
    /// `None` for incomplete types (`void`, a struct without definition, `T[]`).
    pub size: Option<u64>,
    /// Alignment in bytes (1 when unknown).
    pub align: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CType {
    Void,
    /// `_Bool`.
    Bool,
    /// An integer type, its name as DWARF spells it (`int`, `long unsigned int`, `char`,
    /// `signed char`, `__int128`): plain `char` is signed on x86_64.
    Int {
        name: String,
        signed: bool,
    },
    /// `float` (4), `double` (8), `long double` (16): see `TypeInfo::size`.
    Float,
    /// `float _Complex` (8), `double _Complex` (16).
    Complex,
    Pointer(TypeId),
    /// `T[n]`; `len` is `None` for `T[]`.
    Array {
        elem: TypeId,
        len: Option<u64>,
    },
    Struct(Aggregate),
    Union(Aggregate),
    Enum(Enum),
    /// `typedef ty name;`
    Typedef {
        name: String,
        ty: TypeId,
    },
    Func(FuncType),
    /// A type cgo cannot represent (vector types, ...): only its size and alignment are known.
    Other,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Aggregate {
    /// The tag (`struct tag`), `None` for an anonymous struct or union.
    pub tag: Option<String>,
    /// Members in declaration order; empty for an incomplete type. Anonymous members (an
    /// unnamed struct or union inside) have an empty name.
    pub fields: Vec<CField>,
    /// Declared but not defined in the translation unit.
    pub incomplete: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CField {
    pub name: String,
    /// Byte offset of the member in the aggregate (for a bitfield, of its storage unit).
    pub offset: u64,
    pub ty: TypeId,
    /// `Some(bits)` for a bitfield.
    pub bit_size: Option<u64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Enum {
    pub tag: Option<String>,
    /// The underlying integer type is signed (some enumerator is negative).
    pub signed: bool,
    pub values: Vec<(String, i64)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FuncType {
    pub params: Vec<TypeId>,
    /// `None` for `void`.
    pub result: Option<TypeId>,
    /// `f(int, ...)`; also `f()` declared without a prototype is treated as taking no
    /// arguments, as cgo does.
    pub variadic: bool,
}

/// What a name used as `C.name` is, found by asking the C compiler.
#[derive(Clone, Debug, PartialEq)]
pub enum Entity {
    /// A type: `C.int`, `C.struct_point`, `C.point_t`, `C.enum_color`.
    Type(TypeId),
    /// A function (its prototype).
    Func(FuncType),
    /// A variable: `C.counter` is the variable itself (addressable).
    Var(TypeId),
    /// An integer constant: a `#define`, an enumerator, `C.sizeof_T`. The value as C computes
    /// it (an unsigned constant above i64::MAX keeps its value).
    IntConst(i128),
    /// A floating-point constant (`#define PI 3.14`).
    FloatConst(f64),
    /// An expression macro that is neither a constant nor addressable
    /// (`#define NOPTR ((void *)0)`), of this type: `C.NOPTR` calls a C function returning it.
    Macro(TypeId),
    /// A string literal constant (`#define GREETING "hi"`): its bytes, without the NUL.
    StrConst(Vec<u8>),
}
