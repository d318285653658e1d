//! The type table: construction, interning of structurally identical types, and the type
//! predicates of the spec (basic kinds, comparability, ...).

use crate::{BasicKind, ChanDir, Type, TypeId, TypeTable};

pub(crate) const ALL_BASIC: [BasicKind; 26] = [
    BasicKind::Invalid,
    BasicKind::Bool,
    BasicKind::Int,
    BasicKind::Int8,
    BasicKind::Int16,
    BasicKind::Int32,
    BasicKind::Int64,
    BasicKind::Uint,
    BasicKind::Uint8,
    BasicKind::Uint16,
    BasicKind::Uint32,
    BasicKind::Uint64,
    BasicKind::Uintptr,
    BasicKind::Float32,
    BasicKind::Float64,
    BasicKind::Complex64,
    BasicKind::Complex128,
    BasicKind::String,
    BasicKind::UnsafePointer,
    BasicKind::UntypedBool,
    BasicKind::UntypedInt,
    BasicKind::UntypedRune,
    BasicKind::UntypedFloat,
    BasicKind::UntypedComplex,
    BasicKind::UntypedString,
    BasicKind::UntypedNil,
];

/// The id of a predeclared basic type (`TypeTable::new` adds them in `BasicKind` order).
pub const fn basic(k: BasicKind) -> TypeId {
    TypeId(k as u32)
}

pub const INVALID: TypeId = basic(BasicKind::Invalid);

impl BasicKind {
    pub fn name(self) -> &'static str {
        use BasicKind::*;
        match self {
            Invalid => "invalid type",
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            Complex64 => "complex64",
            Complex128 => "complex128",
            String => "string",
            UnsafePointer => "unsafe.Pointer",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedComplex => "untyped complex",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
        }
    }
    pub fn is_untyped(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            UntypedBool
                | UntypedInt
                | UntypedRune
                | UntypedFloat
                | UntypedComplex
                | UntypedString
                | UntypedNil
        )
    }
    pub fn is_integer(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            Int | Int8
                | Int16
                | Int32
                | Int64
                | Uint
                | Uint8
                | Uint16
                | Uint32
                | Uint64
                | Uintptr
                | UntypedInt
                | UntypedRune
        )
    }
    pub fn is_unsigned(self) -> bool {
        use BasicKind::*;
        matches!(self, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
    }
    pub fn is_float(self) -> bool {
        use BasicKind::*;
        matches!(self, Float32 | Float64 | UntypedFloat)
    }
    pub fn is_complex(self) -> bool {
        use BasicKind::*;
        matches!(self, Complex64 | Complex128 | UntypedComplex)
    }
    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float() || self.is_complex()
    }
    pub fn is_string(self) -> bool {
        matches!(self, BasicKind::String | BasicKind::UntypedString)
    }
    pub fn is_boolean(self) -> bool {
        matches!(self, BasicKind::Bool | BasicKind::UntypedBool)
    }
    pub fn is_ordered(self) -> bool {
        self.is_integer() || self.is_float() || self.is_string()
    }
    pub fn is_const_type(self) -> bool {
        self.is_boolean() || self.is_numeric() || self.is_string()
    }
    /// Size in bytes on amd64 (0 for untyped kinds).
    pub fn size(self) -> u64 {
        use BasicKind::*;
        match self {
            Bool | Int8 | Uint8 => 1,
            Int16 | Uint16 => 2,
            Int32 | Uint32 | Float32 => 4,
            Int | Int64 | Uint | Uint64 | Uintptr | Float64 | Complex64 | UnsafePointer => 8,
            Complex128 | String => 16,
            _ => 0,
        }
    }
}

impl TypeTable {
    /// A table holding the predeclared basic types, `TypeId(k as u32)` for kind `k`.
    pub fn new() -> TypeTable {
        let mut t = TypeTable::default();
        for k in ALL_BASIC {
            t.mk(Type::Basic(k));
        }
        t
    }

    /// The id of `t`, interning structurally identical unnamed types.
    pub fn mk(&mut self, t: Type) -> TypeId {
        if !matches!(t, Type::Named(_)) {
            if let Some(&id) = self.intern.get(&t) {
                return id;
            }
        }
        let id = TypeId(self.types.len() as u32);
        if !matches!(t, Type::Named(_)) {
            self.intern.insert(t.clone(), id);
        }
        self.types.push(t);
        id
    }

    pub fn pointer(&mut self, t: TypeId) -> TypeId {
        self.mk(Type::Pointer(t))
    }
    pub fn slice(&mut self, t: TypeId) -> TypeId {
        self.mk(Type::Slice(t))
    }
    pub fn tuple(&mut self, ts: Vec<TypeId>) -> TypeId {
        self.mk(Type::Tuple(ts))
    }

    /// The basic kind of `t`'s underlying type, if it is basic.
    pub fn basic_kind(&self, t: TypeId) -> Option<BasicKind> {
        match self.get(self.underlying(t)) {
            Type::Basic(k) => Some(*k),
            _ => None,
        }
    }
    fn kind_is(&self, t: TypeId, f: impl Fn(BasicKind) -> bool) -> bool {
        self.basic_kind(t).map_or(false, f)
    }
    pub fn is_untyped(&self, t: TypeId) -> bool {
        matches!(self.get(t), Type::Basic(k) if k.is_untyped())
    }
    pub fn is_typed(&self, t: TypeId) -> bool {
        !self.is_untyped(t)
    }
    pub fn is_integer(&self, t: TypeId) -> bool {
        self.kind_is(t, BasicKind::is_integer)
    }
    pub fn is_unsigned(&self, t: TypeId) -> bool {
        self.kind_is(t, BasicKind::is_unsigned)
    }
    pub fn is_float(&self, t: TypeId) -> bool {
        self.kind_is(t, BasicKind::is_float)
    }
    pub fn is_complex(&self, t: TypeId) -> bool {
        self.kind_is(t, BasicKind::is_complex)
    }
    pub fn is_numeric(&self, t: TypeId) -> bool {
        self.kind_is(t, BasicKind::is_numeric)
    }
    pub fn is_string(&self, t: TypeId) -> bool {
        self.kind_is(t, BasicKind::is_string)
    }
    pub fn is_boolean(&self, t: TypeId) -> bool {
        self.kind_is(t, BasicKind::is_boolean)
    }
    pub fn is_ordered(&self, t: TypeId) -> bool {
        self.kind_is(t, BasicKind::is_ordered)
    }
    pub fn is_const_type(&self, t: TypeId) -> bool {
        self.kind_is(t, BasicKind::is_const_type)
    }
    pub fn is_interface(&self, t: TypeId) -> bool {
        matches!(self.get(self.underlying(t)), Type::Interface(_))
    }
    pub fn is_named(&self, t: TypeId) -> bool {
        matches!(self.get(t), Type::Named(_)) || matches!(self.get(t), Type::Basic(_))
    }
    pub fn is_pointer(&self, t: TypeId) -> bool {
        matches!(self.get(self.underlying(t)), Type::Pointer(_))
    }
    pub fn is_unsafe_pointer(&self, t: TypeId) -> bool {
        self.basic_kind(t) == Some(BasicKind::UnsafePointer)
    }
    pub fn is_uintptr(&self, t: TypeId) -> bool {
        self.basic_kind(t) == Some(BasicKind::Uintptr)
    }
    /// The element type of a pointer (underlying), if `t` is one.
    pub fn pointer_elem(&self, t: TypeId) -> Option<TypeId> {
        match self.get(self.underlying(t)) {
            Type::Pointer(e) => Some(*e),
            _ => None,
        }
    }
    /// Types whose values can be compared with `==` (spec "Comparison operators").
    pub fn comparable(&self, t: TypeId) -> bool {
        self.comparable_depth(t, 0)
    }
    fn comparable_depth(&self, t: TypeId, depth: u32) -> bool {
        if depth > 64 {
            // only an invalid recursive type nests this deep without indirection
            return true;
        }
        match self.get(self.underlying(t)) {
            Type::Basic(k) => *k != BasicKind::UntypedNil,
            Type::Pointer(_) | Type::Chan(..) | Type::Interface(_) => true,
            Type::Struct(fs) => fs.iter().all(|f| self.comparable_depth(f.ty, depth + 1)),
            Type::Array(_, e) => self.comparable_depth(*e, depth + 1),
            _ => false,
        }
    }
    /// Whether `t` mentions (without indirection) a named type whose underlying type is not
    /// known yet.
    pub(crate) fn incomplete(&self, t: TypeId) -> bool {
        self.incomplete_depth(t, 0)
    }
    fn incomplete_depth(&self, t: TypeId, depth: u32) -> bool {
        if depth > 64 {
            return true;
        }
        match self.get(t) {
            Type::Named(n) => {
                n.underlying == crate::table::INVALID
                    || self.incomplete_depth(n.underlying, depth + 1)
            }
            Type::Struct(fs) => fs.iter().any(|f| self.incomplete_depth(f.ty, depth + 1)),
            Type::Array(_, e) => self.incomplete_depth(*e, depth + 1),
            _ => false,
        }
    }
    /// Whether nil is a value of type t.
    pub fn has_nil(&self, t: TypeId) -> bool {
        match self.get(self.underlying(t)) {
            Type::Basic(k) => *k == BasicKind::UnsafePointer,
            Type::Pointer(_)
            | Type::Slice(_)
            | Type::Map(..)
            | Type::Chan(..)
            | Type::Func(_)
            | Type::Interface(_) => true,
            _ => false,
        }
    }
    /// The default type of an untyped type (spec "Constants").
    pub fn default_type(&self, t: TypeId) -> TypeId {
        match self.get(t) {
            Type::Basic(k) => basic(match k {
                BasicKind::UntypedBool => BasicKind::Bool,
                BasicKind::UntypedInt => BasicKind::Int,
                BasicKind::UntypedRune => BasicKind::Int32,
                BasicKind::UntypedFloat => BasicKind::Float64,
                BasicKind::UntypedComplex => BasicKind::Complex128,
                BasicKind::UntypedString => BasicKind::String,
                _ => return t,
            }),
            _ => t,
        }
    }
    pub fn sig(&self, t: TypeId) -> Option<&crate::Signature> {
        match self.get(self.underlying(t)) {
            Type::Func(s) => Some(s),
            _ => None,
        }
    }
    pub fn chan_dir(&self, t: TypeId) -> Option<(ChanDir, TypeId)> {
        match self.get(self.underlying(t)) {
            Type::Chan(d, e) => Some((*d, *e)),
            _ => None,
        }
    }
    /// Size in bytes on amd64 (for unsafe.Sizeof).
    pub fn size_of(&self, t: TypeId) -> u64 {
        match self.get(self.underlying(t)) {
            Type::Basic(k) => k.size(),
            Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => 8,
            Type::Slice(_) => 24,
            Type::Interface(_) => 16,
            Type::Array(n, e) => n * self.size_of(*e),
            Type::Struct(fs) => {
                let mut off = 0u64;
                let mut maxa = 1;
                for f in fs {
                    let a = self.align_of(f.ty);
                    maxa = maxa.max(a);
                    off = (off + a - 1) / a * a + self.size_of(f.ty);
                }
                if !fs.is_empty() && self.size_of(fs.last().unwrap().ty) == 0 && off > 0 {
                    off += 1;
                }
                (off + maxa - 1) / maxa * maxa
            }
            Type::Tuple(_) | Type::Named(_) => 8,
        }
    }
    pub fn align_of(&self, t: TypeId) -> u64 {
        match self.get(self.underlying(t)) {
            Type::Basic(k) => match k {
                BasicKind::Complex128 | BasicKind::String => 8,
                BasicKind::Complex64 => 4,
                _ => k.size().max(1),
            },
            Type::Array(_, e) => self.align_of(*e),
            Type::Struct(fs) => fs.iter().map(|f| self.align_of(f.ty)).max().unwrap_or(1),
            _ => 8,
        }
    }
    /// Offsets of the fields of a struct type.
    pub fn field_offsets(&self, t: TypeId) -> Vec<u64> {
        let mut v = Vec::new();
        if let Type::Struct(fs) = self.get(self.underlying(t)) {
            let mut off = 0u64;
            for f in fs {
                let a = self.align_of(f.ty);
                off = (off + a - 1) / a * a;
                v.push(off);
                off += self.size_of(f.ty);
            }
        }
        v
    }
}
