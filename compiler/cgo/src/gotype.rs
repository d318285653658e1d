//! C types as Go types, with the cgo tool's names and rules: `int` is `_Ctype_int` (a defined
//! type, `int32`), `struct point` is `_Ctype_struct_point` (a Go struct with gc's layout, explicit
//! padding, bitfields left out, fields named like Go keywords prefixed with `_`), a typedef
//! `point_t` is `_Ctype_point_t` (an alias when it names another C type), a union is an alias
//! of a byte array of its size, an enum an alias of `uint32` (`int32` with negative values),
//! `void *` is `unsafe.Pointer`, a pointer to a function `*[0]byte`.
//!
//! Also the C spelling of a type, for the generated C wrappers.

use crate::ctype::{CType, TypeId, TypeTable};
use std::collections::{BTreeMap, HashMap};

/// The Go declarations of the C types a package uses.
pub struct GoTypes<'a> {
    table: &'a TypeTable,
    /// Type name → definition (`int32`, `= _Ctype_long`, `struct {...}`).
    pub defs: BTreeMap<String, String>,
    /// Go type expression of each C type converted so far.
    memo: HashMap<TypeId, String>,
    anon: usize,
}

/// A member of a C struct as its Go struct holds it.
struct PlacedField {
    /// The Go field name.
    name: String,
    ty: TypeId,
    offset: u64,
    size: u64,
    /// Its Go alignment.
    align: u64,
}

/// A Go type whose C twin has this size and alignment, and how C spells it.
#[derive(Clone, Debug)]
pub struct Shape {
    pub size: u64,
    pub align: u64,
    pub c: String,
}

/// Go's reserved words: C fields with these names get a leading `_`.
const GO_KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

/// cgo's short name of a C integer type as DWARF spells it.
fn int_name(dwarf: &str) -> String {
    match dwarf {
        "long int" => "long",
        "long unsigned int" => "ulong",
        "unsigned int" => "uint",
        "short int" => "short",
        "short unsigned int" | "unsigned short" => "ushort",
        "long long int" => "longlong",
        "long long unsigned int" => "ulonglong",
        "signed char" => "schar",
        "unsigned char" => "uchar",
        other => other,
    }
    .replace(' ', "")
}

impl<'a> GoTypes<'a> {
    /// Go types for the C types of `table`; anonymous structs and unions are numbered from
    /// `anon` (the numbers are the package's).
    pub fn new(table: &'a TypeTable, anon: usize) -> Self {
        GoTypes {
            table,
            defs: BTreeMap::new(),
            memo: HashMap::new(),
            anon,
        }
    }

    /// The next number for an anonymous struct or union.
    pub fn anon(&self) -> usize {
        self.anon
    }

    fn define(&mut self, name: &str, def: String) {
        self.defs.entry(name.to_string()).or_insert(def);
    }

    /// The Go type expression for C type `id`, defining the `_Ctype_` names it needs. Types Go
    /// cannot represent (`long double`, ...) are errors.
    pub fn go(&mut self, id: TypeId) -> Result<String, String> {
        if let Some(s) = self.memo.get(&id) {
            return Ok(s.clone());
        }
        let t = self.table.get(id);
        let size = t.size.unwrap_or(0);
        let s = match &t.kind {
            CType::Void => {
                self.define("_Ctype_void", "[0]byte".into());
                "_Ctype_void".to_string()
            }
            CType::Bool => {
                self.define("_Ctype__Bool", "bool".into());
                "_Ctype__Bool".to_string()
            }
            CType::Int { name, signed } => {
                let name = format!("_Ctype_{}", int_name(name));
                let def = match (size, signed) {
                    (1 | 2 | 4 | 8, true) => format!("int{}", size * 8),
                    (1 | 2 | 4 | 8, false) => format!("uint{}", size * 8),
                    _ => format!("[{size}]byte"),
                };
                self.define(&name, def);
                name
            }
            CType::Float => match size {
                4 => {
                    self.define("_Ctype_float", "float32".into());
                    "_Ctype_float".into()
                }
                8 => {
                    self.define("_Ctype_double", "float64".into());
                    "_Ctype_double".into()
                }
                _ => return Err(format!("unexpected: {size}-byte float type - long double")),
            },
            CType::Complex => match size {
                8 => {
                    self.define("_Ctype_complexfloat", "complex64".into());
                    "_Ctype_complexfloat".into()
                }
                16 => {
                    self.define("_Ctype_complexdouble", "complex128".into());
                    "_Ctype_complexdouble".into()
                }
                _ => return Err(format!("unexpected: {size}-byte complex type")),
            },
            CType::Pointer(to) => {
                let to = *to;
                let base = self.table.strip_typedefs(to);
                match &self.table.get(base).kind {
                    CType::Void => "unsafe.Pointer".to_string(),
                    CType::Func(_) => "*[0]byte".to_string(),
                    _ => {
                        // Name the pointer before converting the target: a struct that points
                        // to itself is met again while its own definition is being made.
                        let inner = self.go(to)?;
                        format!("*{inner}")
                    }
                }
            }
            CType::Array { elem, len } => {
                let (elem, len) = (*elem, len.unwrap_or(0));
                format!("[{len}]{}", self.go(elem)?)
            }
            CType::Struct(agg) => {
                let name = match &agg.tag {
                    Some(tag) => format!("_Ctype_struct_{tag}"),
                    None => {
                        self.anon += 1;
                        format!("_Ctype_struct___{}", self.anon - 1)
                    }
                };
                self.memo.insert(id, name.clone());
                let def = if agg.incomplete {
                    "struct{}".to_string()
                } else {
                    self.struct_def(id)?
                };
                self.define(&name, def);
                name
            }
            CType::Union(agg) => {
                let name = match &agg.tag {
                    Some(tag) => format!("_Ctype_union_{tag}"),
                    None => {
                        self.anon += 1;
                        format!("_Ctype_union___{}", self.anon - 1)
                    }
                };
                self.define(&name, format!("= [{size}]byte"));
                name
            }
            CType::Enum(e) => {
                let int = if e.signed { "int" } else { "uint" };
                let def = format!("{int}{}", size.max(1) * 8);
                match &e.tag {
                    Some(tag) => {
                        let name = format!("_Ctype_enum_{tag}");
                        self.define(&name, format!("= {def}"));
                        name
                    }
                    None => def,
                }
            }
            CType::Typedef { name, .. } if name == "_GoString_" => {
                // The builtin prolog's Go string, passed to C as it is.
                self.define("_Ctype__GoString_", "string".into());
                "string".to_string()
            }
            CType::Typedef { name, ty } => {
                let (name, ty) = (format!("_Ctype_{name}"), *ty);
                self.memo.insert(id, name.clone());
                let under = self.go(ty)?;
                let alias = under.starts_with("_Ctype_");
                self.define(&name, if alias { format!("= {under}") } else { under });
                name
            }
            CType::Func(_) => "[0]byte".to_string(),
            CType::Other => format!("[{size}]byte"),
        };
        self.memo.insert(id, s.clone());
        Ok(s)
    }

    /// A Go struct with the C struct's layout (gc's rules): each member Go can hold, at its C
    /// offset, with `_ [n]byte` padding where Go's own alignment would not put it there; padded
    /// to the C size.
    fn struct_def(&mut self, id: TypeId) -> Result<String, String> {
        let size = self.table.get(id).size.unwrap_or(0);
        // As with gc, a member Go has no type for (`long double`) makes the struct an error.
        if let CType::Struct(agg) = &self.table.get(id).kind {
            let members: Vec<_> = agg
                .fields
                .iter()
                .filter(|f| f.bit_size.is_none())
                .map(|f| f.ty)
                .collect();
            for ty in members {
                if !self.representable(ty) {
                    self.go(ty)?;
                }
            }
        }
        let mut out = String::from("struct {\n");
        let mut off = 0u64;
        for f in self.placed_fields(id) {
            let go = self.go(f.ty)?;
            if off.div_ceil(f.align) * f.align < f.offset {
                out.push_str(&format!("\t_ [{}]byte\n", f.offset - off));
            }
            out.push_str(&format!("\t{} {go}\n", f.name));
            off = f.offset + f.size;
        }
        if size > off {
            out.push_str(&format!("\t_ [{}]byte\n", size - off));
        }
        out.push('}');
        Ok(out)
    }

    /// The members of C struct `id` that its Go struct holds, in offset order, as gc chooses
    /// them: no bitfields, no members Go cannot represent (`long double`), none that overlap
    /// the previous one, none at an offset that is not a multiple of their Go alignment (in a
    /// packed struct); anonymous members are named `anon0`, `anon1`, ...; a name that is a Go
    /// keyword, or already taken, gets `_` in front until it is neither.
    fn placed_fields(&self, id: TypeId) -> Vec<PlacedField> {
        let CType::Struct(agg) = &self.table.get(id).kind else {
            return Vec::new();
        };
        let mut fields = agg.fields.clone();
        fields.sort_by_key(|f| f.offset);
        let mut out: Vec<PlacedField> = Vec::new();
        let mut off = 0u64;
        let mut anon = 0;
        for f in &fields {
            if f.bit_size.is_some() || f.offset < off || !self.representable(f.ty) {
                continue;
            }
            let Some(size) = self.table.get(f.ty).size else {
                continue;
            };
            let align = self.go_align(f.ty);
            if f.offset % align != 0 {
                continue;
            }
            let mut name = if f.name.is_empty() {
                anon += 1;
                format!("anon{}", anon - 1)
            } else {
                f.name.clone()
            };
            while GO_KEYWORDS.contains(&name.as_str()) || out.iter().any(|p| p.name == name) {
                name.insert(0, '_');
            }
            out.push(PlacedField {
                name,
                ty: f.ty,
                offset: f.offset,
                size,
                align,
            });
            off = f.offset + size;
        }
        out
    }

    /// Whether Go has a type for C type `id` (`go` succeeds).
    fn representable(&self, id: TypeId) -> bool {
        let t = self.table.get(id);
        match &t.kind {
            CType::Float => matches!(t.size, Some(4 | 8)),
            CType::Complex => matches!(t.size, Some(8 | 16)),
            CType::Array { elem, .. } => self.representable(*elem),
            CType::Typedef { name, ty } => name == "_GoString_" || self.representable(*ty),
            _ => true,
        }
    }

    /// The alignment Go gives the Go type of C type `id`, which is what gc lays Go structs and
    /// argument frames out with: C's, except that a union, a 16-byte integer and anything else
    /// Go holds as a byte array have 1, and a struct has its Go members' largest.
    pub fn go_align(&self, id: TypeId) -> u64 {
        let t = self.table.get(id);
        let size = t.size.unwrap_or(0);
        match &t.kind {
            CType::Void | CType::Bool | CType::Union(_) | CType::Other => 1,
            CType::Int { .. } | CType::Float | CType::Enum(_) => match size {
                1 | 2 | 4 | 8 => size,
                _ => 1,
            },
            CType::Complex => (size / 2).max(1),
            CType::Pointer(_) | CType::Func(_) => 8,
            CType::Array { elem, .. } => self.go_align(*elem),
            CType::Struct(_) => self
                .placed_fields(id)
                .iter()
                .map(|f| f.align)
                .max()
                .unwrap_or(1),
            CType::Typedef { name, .. } if name == "_GoString_" => 8,
            CType::Typedef { ty, .. } => self.go_align(*ty),
        }
    }

    /// Size, alignment and C spelling of a C type as a function parameter or result (in a
    /// wrapper's argument frame).
    /// The alignment is Go's (`go_align`): frames are laid out as the Go side lays them out,
    /// and the C side's packed struct follows.
    pub fn shape(&self, id: TypeId) -> Result<Shape, String> {
        let t = self.table.get(id);
        let size = t.size.ok_or("incomplete type")?;
        Ok(Shape {
            size,
            align: self.go_align(id),
            c: self.c_spelling(id)?,
        })
    }

    /// How C spells type `id` in a declaration `T name;`. Pointers are `void *` (C converts
    /// them implicitly to and from any object pointer type).
    pub fn c_spelling(&self, id: TypeId) -> Result<String, String> {
        let t = self.table.get(id);
        Ok(match &t.kind {
            CType::Void => "void".into(),
            CType::Bool => "_Bool".into(),
            CType::Int { name, .. } => name.clone(),
            CType::Float => match t.size {
                Some(4) => "float".into(),
                Some(8) => "double".into(),
                _ => "long double".into(),
            },
            CType::Complex => match t.size {
                Some(8) => "float _Complex".into(),
                _ => "double _Complex".into(),
            },
            CType::Pointer(_) | CType::Func(_) => "void *".into(),
            CType::Typedef { name, .. } => name.clone(),
            CType::Struct(a) => match &a.tag {
                Some(tag) => format!("struct {tag}"),
                None => return Err("anonymous struct".into()),
            },
            CType::Union(a) => match &a.tag {
                Some(tag) => format!("union {tag}"),
                None => return Err("anonymous union".into()),
            },
            CType::Enum(e) => match &e.tag {
                Some(tag) => format!("enum {tag}"),
                None => "unsigned int".into(),
            },
            CType::Array { .. } => return Err("array".into()),
            CType::Other => return Err("unsupported type".into()),
        })
    }
}

impl GoTypes<'_> {
    /// Defines `_Ctype_void` (the result type of a void function, as in gc).
    pub fn go_void(&mut self) {
        self.defs
            .entry("_Ctype_void".into())
            .or_insert("[0]byte".into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ctype::*;

    fn int(t: &mut TypeTable, name: &str, size: u64, signed: bool) -> TypeId {
        t.add(TypeInfo {
            kind: CType::Int {
                name: name.into(),
                signed,
            },
            size: Some(size),
            align: size,
        })
    }

    #[test]
    fn struct_with_bitfield_keyword_and_self_pointer() {
        let mut t = TypeTable::default();
        let i = int(&mut t, "int", 4, true);
        let c = int(&mut t, "char", 1, true);
        let d = t.add(TypeInfo {
            kind: CType::Float,
            size: Some(8),
            align: 8,
        });
        let arr = t.add(TypeInfo {
            kind: CType::Array {
                elem: c,
                len: Some(5),
            },
            size: Some(5),
            align: 1,
        });
        // struct point { int x; double y; char name[5]; unsigned flag:1; int type; struct point *next; }
        let s = TypeId(t.types.len());
        let p = TypeId(s.0 + 1);
        let field = |name: &str, offset, ty, bits| CField {
            name: name.into(),
            offset,
            ty,
            bit_size: bits,
        };
        t.add(TypeInfo {
            kind: CType::Struct(Aggregate {
                tag: Some("point".into()),
                fields: vec![
                    field("x", 0, i, None),
                    field("y", 8, d, None),
                    field("name", 16, arr, None),
                    field("flag", 20, i, Some(1)),
                    field("type", 24, i, None),
                    field("next", 32, p, None),
                ],
                incomplete: false,
            }),
            size: Some(40),
            align: 8,
        });
        t.add(TypeInfo {
            kind: CType::Pointer(s),
            size: Some(8),
            align: 8,
        });
        let td = t.add(TypeInfo {
            kind: CType::Typedef {
                name: "point_t".into(),
                ty: s,
            },
            size: Some(40),
            align: 8,
        });
        let mut g = GoTypes::new(&t, 0);
        assert_eq!(g.go(td).unwrap(), "_Ctype_point_t");
        assert_eq!(g.defs["_Ctype_point_t"], "= _Ctype_struct_point");
        assert_eq!(
            g.defs["_Ctype_struct_point"],
            "struct {\n\tx _Ctype_int\n\ty _Ctype_double\n\tname [5]_Ctype_char\n\t_type _Ctype_int\n\tnext *_Ctype_struct_point\n}"
        );
        assert_eq!(g.defs["_Ctype_int"], "int32");
        assert_eq!(g.c_spelling(td).unwrap(), "point_t");
    }
}
