//! Reading C types out of the DWARF of the probe's object file.
//!
//! The probe compiles `__typeof__(name) *__cgo__N;` for every name it needs a type for: the C
//! compiler then describes each of those pointers, and everything they reach, in
//! `.debug_info`. This module
//!
//! 1. loads the debug sections of the relocatable object, applying its relocations (in a `.o`,
//!    references from `.debug_info` into `.debug_str`, `.debug_abbrev`, ... are relocations
//!    against section symbols, and the bytes in the section are zero);
//! 2. reads every DIE into a small owned tree (`Die`), keyed by its `.debug_info` offset, so
//!    that the conversion can follow type references freely;
//! 3. converts the types reachable from the `__cgo__N` variables into a `TypeTable`, one
//!    `TypeId` per DWARF type DIE (qualifiers are dropped: a `const T` DIE maps to `T`'s id);
//! 4. computes sizes and alignments once the graph is complete (a struct may reach itself
//!    through a pointer and a typedef, so layout cannot be computed while converting).

use std::collections::HashMap;

use gimli::{constants, AttributeValue, DwAte, DwTag, EndianSlice, RunTimeEndian};
use object::{Object, ObjectSection, ObjectSymbol, RelocationMap};

use crate::ctype::{Aggregate, CField, CType, Enum, FuncType, TypeId, TypeInfo, TypeTable};

/// An integer attribute value, with what the form says about its sign.
#[derive(Clone, Copy, Debug)]
enum Const {
    /// `DW_FORM_sdata`.
    Signed(i64),
    /// `DW_FORM_udata`.
    Unsigned(u64),
    /// `DW_FORM_dataN`: `N` bytes whose sign depends on the type they describe.
    Data(u64, u8),
}

/// The attributes of a DIE this module uses.
#[derive(Debug)]
struct Die {
    tag: DwTag,
    name: Option<String>,
    /// `DW_AT_type`, as a `.debug_info` offset.
    ty: Option<usize>,
    byte_size: Option<u64>,
    bit_size: Option<u64>,
    /// `DW_AT_data_member_location` when it is a constant (or `DW_OP_plus_uconst n`).
    member_location: Option<u64>,
    data_bit_offset: Option<u64>,
    encoding: Option<DwAte>,
    const_value: Option<Const>,
    upper_bound: Option<Const>,
    count: Option<Const>,
    alignment: Option<u64>,
    declaration: bool,
    prototyped: bool,
    /// `DW_AT_GNU_vector`: an array DIE that describes a vector type.
    vector: bool,
    children: Vec<usize>,
}

/// The DIEs of an object file and the `__cgo__N` variables among them.
pub struct DebugInfo {
    dies: HashMap<usize, Die>,
    /// `__cgo__N` → the offset of its type DIE (a pointer type).
    cgo_vars: HashMap<usize, usize>,
}

impl DebugInfo {
    /// Reads the DWARF of a relocatable object file.
    pub fn load(obj: &object::File) -> Result<DebugInfo, String> {
        let endian = if obj.is_little_endian() {
            RunTimeEndian::Little
        } else {
            RunTimeEndian::Big
        };
        let sections = gimli::DwarfSections::load(|id| relocated_section(obj, id.name()))?;
        let dwarf = sections.borrow(|data| EndianSlice::new(data.as_slice(), endian));
        read_dies(&dwarf).map_err(|e| format!("reading DWARF: {e}"))
    }

    /// The type `T` of `__typeof__(name) *__cgo__N`: the offset of its DIE, `None` for `void`.
    /// Fails when the variable is missing.
    pub fn cgo_var_pointee(&self, n: usize) -> Result<Option<usize>, String> {
        let ptr = self
            .cgo_vars
            .get(&n)
            .ok_or_else(|| format!("no DWARF entry for __cgo__{n}"))?;
        let die = self.die(*ptr)?;
        if die.tag != constants::DW_TAG_pointer_type {
            return Err(format!("__cgo__{n} does not have a pointer type in DWARF"));
        }
        Ok(die.ty)
    }

    fn die(&self, off: usize) -> Result<&Die, String> {
        self.dies
            .get(&off)
            .ok_or_else(|| format!("DWARF reference to a missing entry at {off:#x}"))
    }
}

/// The bytes of a debug section with the object's relocations applied (empty if absent).
fn relocated_section(obj: &object::File, name: &str) -> Result<Vec<u8>, String> {
    let Some(section) = obj.section_by_name(name) else {
        return Ok(Vec::new());
    };
    let mut data = section
        .uncompressed_data()
        .map_err(|e| format!("reading section {name}: {e}"))?
        .into_owned();
    let mut map = RelocationMap::default();
    let mut sites = Vec::new();
    for (offset, reloc) in section.relocations() {
        // Relocations DWARF does not use (none are expected here) are left unapplied.
        let size = reloc.size();
        if map.add(obj, offset, reloc).is_ok() {
            sites.push((offset, size));
        }
    }
    let little = obj.is_little_endian();
    for (offset, size) in sites {
        let (Ok(start), bytes) = (usize::try_from(offset), usize::from(size / 8)) else {
            continue;
        };
        let Some(field) = data.get_mut(start..start.saturating_add(bytes)) else {
            continue;
        };
        match bytes {
            4 => {
                let old: [u8; 4] = field.try_into().unwrap_or_default();
                let old = if little {
                    u32::from_le_bytes(old)
                } else {
                    u32::from_be_bytes(old)
                };
                let new = map.relocate(offset, u64::from(old)) as u32;
                field.copy_from_slice(&if little {
                    new.to_le_bytes()
                } else {
                    new.to_be_bytes()
                });
            }
            8 => {
                let old: [u8; 8] = field.try_into().unwrap_or_default();
                let old = if little {
                    u64::from_le_bytes(old)
                } else {
                    u64::from_be_bytes(old)
                };
                let new = map.relocate(offset, old);
                field.copy_from_slice(&if little {
                    new.to_le_bytes()
                } else {
                    new.to_be_bytes()
                });
            }
            _ => {}
        }
    }
    Ok(data)
}

type Reader<'a> = EndianSlice<'a, RunTimeEndian>;

fn read_dies(dwarf: &gimli::Dwarf<Reader>) -> gimli::Result<DebugInfo> {
    let mut info = DebugInfo {
        dies: HashMap::new(),
        cgo_vars: HashMap::new(),
    };
    let mut units = dwarf.units();
    while let Some(header) = units.next()? {
        let unit = dwarf.unit(header)?;
        let mut cursor = unit.entries();
        // Offsets of the open ancestors, by depth.
        let mut parents: Vec<usize> = Vec::new();
        while let Some(entry) = cursor.next_dfs()? {
            let off = global_offset(&unit, entry.offset());
            let depth = usize::try_from(entry.depth()).unwrap_or(0);
            parents.truncate(depth);
            if let Some(p) = parents.last().and_then(|parent| info.dies.get_mut(parent)) {
                p.children.push(off);
            }
            parents.push(off);
            let die = read_die(dwarf, &unit, entry)?;
            if depth == 1 && die.tag == constants::DW_TAG_variable {
                let n = die
                    .name
                    .as_deref()
                    .and_then(|n| n.strip_prefix("__cgo__"))
                    .and_then(|n| n.parse().ok());
                if let (Some(n), Some(ty)) = (n, die.ty) {
                    info.cgo_vars.insert(n, ty);
                }
            }
            info.dies.insert(off, die);
        }
    }
    Ok(info)
}

fn global_offset(unit: &gimli::Unit<Reader>, off: gimli::UnitOffset) -> usize {
    // Offsets from the start of the unit's section (.debug_info here).
    off.to_unit_section_offset(unit).0
}

fn read_die(
    dwarf: &gimli::Dwarf<Reader>,
    unit: &gimli::Unit<Reader>,
    entry: &gimli::DebuggingInformationEntry<Reader>,
) -> gimli::Result<Die> {
    let mut die = Die {
        tag: entry.tag(),
        ..Die::default()
    };
    for attr in entry.attrs() {
        let value = attr.value();
        match attr.name() {
            constants::DW_AT_name => {
                die.name = Some(
                    dwarf
                        .attr_string(unit, value)?
                        .to_string_lossy()
                        .into_owned(),
                );
            }
            constants::DW_AT_type => {
                die.ty = match value {
                    AttributeValue::UnitRef(o) => Some(global_offset(unit, o)),
                    AttributeValue::DebugInfoRef(o) => Some(o.0),
                    _ => None,
                }
            }
            constants::DW_AT_byte_size => die.byte_size = value.udata_value(),
            constants::DW_AT_bit_size => die.bit_size = value.udata_value(),
            constants::DW_AT_data_bit_offset => die.data_bit_offset = value.udata_value(),
            constants::DW_AT_data_member_location => {
                die.member_location = value.udata_value().or_else(|| {
                    // DWARF 2 style: a location expression `DW_OP_plus_uconst n`.
                    let expr = value.exprloc_value()?;
                    let bytes = expr.0.slice();
                    if bytes.first() != Some(&constants::DW_OP_plus_uconst.0) {
                        return None;
                    }
                    read_uleb(&bytes[1..])
                })
            }
            constants::DW_AT_encoding => {
                if let AttributeValue::Encoding(e) = value {
                    die.encoding = Some(e)
                }
            }
            constants::DW_AT_const_value => die.const_value = constant(&value),
            constants::DW_AT_upper_bound => die.upper_bound = constant(&value),
            constants::DW_AT_count => die.count = constant(&value),
            constants::DW_AT_alignment => die.alignment = value.udata_value(),
            constants::DW_AT_declaration => die.declaration = flag(&value),
            constants::DW_AT_prototyped => die.prototyped = flag(&value),
            constants::DW_AT_GNU_vector => die.vector = true,
            _ => {}
        }
    }
    Ok(die)
}

impl Default for Die {
    fn default() -> Self {
        Die {
            tag: constants::DW_TAG_null,
            name: None,
            ty: None,
            byte_size: None,
            bit_size: None,
            member_location: None,
            data_bit_offset: None,
            encoding: None,
            const_value: None,
            upper_bound: None,
            count: None,
            alignment: None,
            declaration: false,
            prototyped: false,
            vector: false,
            children: Vec::new(),
        }
    }
}

fn flag(value: &AttributeValue<Reader>) -> bool {
    matches!(value, AttributeValue::Flag(true))
}

fn constant(value: &AttributeValue<Reader>) -> Option<Const> {
    Some(match *value {
        AttributeValue::Sdata(v) => Const::Signed(v),
        AttributeValue::Udata(v) => Const::Unsigned(v),
        AttributeValue::Data1(v) => Const::Data(v.into(), 1),
        AttributeValue::Data2(v) => Const::Data(v.into(), 2),
        AttributeValue::Data4(v) => Const::Data(v.into(), 4),
        AttributeValue::Data8(v) => Const::Data(v, 8),
        _ => return None,
    })
}

fn read_uleb(bytes: &[u8]) -> Option<u64> {
    let mut value = 0u64;
    for (i, b) in bytes.iter().enumerate().take(10) {
        value |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// The length of an array dimension from its subrange DIE: `None` for `T[]` or a VLA.
fn subrange_len(die: &Die) -> Option<u64> {
    if let Some(count) = die.count {
        return match count {
            Const::Signed(v) => u64::try_from(v).ok(),
            Const::Unsigned(v) | Const::Data(v, _) => Some(v),
        };
    }
    match die.upper_bound? {
        // `T[0]` has upper bound -1 in some producers.
        Const::Signed(v) => Some(u64::try_from(v.saturating_add(1)).unwrap_or(0)),
        Const::Data(v, n) if n < 8 && v == (1u64 << (8 * n)) - 1 => Some(0),
        Const::Unsigned(v) | Const::Data(v, _) => Some(v.wrapping_add(1)),
    }
}

/// Converts DWARF types into a `TypeTable`.
pub struct Converter<'a> {
    info: &'a DebugInfo,
    table: TypeTable,
    ids: HashMap<usize, TypeId>,
    void: Option<TypeId>,
    /// `DW_AT_alignment` of the types that declare one.
    explicit_align: HashMap<TypeId, u64>,
    /// Guards against reference cycles that do not go through a type with an id of its own
    /// (a malformed `const` pointing at itself).
    depth: usize,
}

impl<'a> Converter<'a> {
    pub fn new(info: &'a DebugInfo) -> Self {
        Converter {
            info,
            table: TypeTable::default(),
            ids: HashMap::new(),
            void: None,
            explicit_align: HashMap::new(),
            depth: 0,
        }
    }

    /// The table, with sizes and alignments computed. Call once, after every `convert`.
    pub fn finish(mut self) -> TypeTable {
        let mut state = vec![Layout::Todo; self.table.types.len()];
        for i in 0..self.table.types.len() {
            layout(&mut self.table, TypeId(i), &mut state, &self.explicit_align);
        }
        self.table
    }

    /// The id of the type at `off` (`None`: `void`), converting it and what it reaches.
    pub fn convert(&mut self, off: Option<usize>) -> Result<TypeId, String> {
        let Some(off) = off else {
            return Ok(self.void());
        };
        if let Some(&id) = self.ids.get(&off) {
            return Ok(id);
        }
        self.depth += 1;
        if self.depth > 10_000 {
            return Err("DWARF type graph too deep".into());
        }
        let r = self.convert_die(off);
        self.depth -= 1;
        r
    }

    fn void(&mut self) -> TypeId {
        *self.void.get_or_insert_with(|| {
            self.table.add(TypeInfo {
                kind: CType::Void,
                size: None,
                align: 1,
            })
        })
    }

    /// Reserves the id of the type at `off` before converting what it refers to, so that
    /// recursive references find it.
    fn reserve(&mut self, off: usize) -> TypeId {
        let id = self.table.add(TypeInfo {
            kind: CType::Other,
            size: None,
            align: 1,
        });
        self.ids.insert(off, id);
        id
    }

    fn convert_die(&mut self, off: usize) -> Result<TypeId, String> {
        let info = self.info;
        let die = info.die(off)?;
        let name = || die.name.clone().unwrap_or_default();
        let kind = match die.tag {
            constants::DW_TAG_const_type
            | constants::DW_TAG_volatile_type
            | constants::DW_TAG_restrict_type
            | constants::DW_TAG_atomic_type => {
                let id = self.convert(die.ty)?;
                self.ids.insert(off, id);
                return Ok(id);
            }
            constants::DW_TAG_unspecified_type if die.name.as_deref() == Some("void") => {
                let id = self.void();
                self.ids.insert(off, id);
                return Ok(id);
            }
            constants::DW_TAG_base_type => base_type(die),
            constants::DW_TAG_pointer_type => {
                let id = self.reserve(off);
                let target = self.convert(die.ty)?;
                return Ok(self.set(
                    id,
                    CType::Pointer(target),
                    Some(die.byte_size.unwrap_or(8)),
                    die,
                ));
            }
            constants::DW_TAG_typedef => {
                let id = self.reserve(off);
                let ty = self.convert(die.ty)?;
                return Ok(self.set(id, CType::Typedef { name: name(), ty }, None, die));
            }
            constants::DW_TAG_array_type => {
                let id = self.reserve(off);
                // `T[a][b]` is one DIE with a subrange per dimension: an array of arrays.
                let mut dims = Vec::new();
                for &c in &die.children {
                    let child = info.die(c)?;
                    if child.tag == constants::DW_TAG_subrange_type {
                        dims.push(subrange_len(child));
                    }
                }
                if die.vector {
                    // A vector type (`__attribute__((vector_size(n)))`): cgo cannot use it.
                    let len = dims.first().copied().flatten();
                    let size = die
                        .byte_size
                        .or_else(|| info.die_size(die.ty)?.checked_mul(len?));
                    return Ok(self.set(id, CType::Other, size, die));
                }
                let mut elem = self.convert(die.ty)?;
                for len in dims.iter().skip(1).rev() {
                    elem = self.table.add(TypeInfo {
                        kind: CType::Array { elem, len: *len },
                        size: None,
                        align: 1,
                    });
                }
                let len = dims.first().copied().unwrap_or(None);
                return Ok(self.set(id, CType::Array { elem, len }, None, die));
            }
            constants::DW_TAG_structure_type | constants::DW_TAG_union_type => {
                let id = self.reserve(off);
                let mut fields = Vec::new();
                for &c in &die.children {
                    let child = info.die(c)?;
                    if child.tag != constants::DW_TAG_member {
                        continue;
                    }
                    let ty = self.convert(child.ty)?;
                    let mut offset = child.member_location.unwrap_or(0);
                    if let (None, Some(bits)) = (child.member_location, child.data_bit_offset) {
                        // DWARF 4+ bitfield: the offset of its storage unit is the bit offset
                        // rounded down to the size of the declared type.
                        let unit = self.info.die_size(child.ty).unwrap_or(1).max(1);
                        offset = bits / 8 / unit * unit;
                    }
                    fields.push(CField {
                        name: child.name.clone().unwrap_or_default(),
                        offset,
                        ty,
                        bit_size: child.bit_size,
                    });
                }
                let agg = Aggregate {
                    tag: die.name.clone(),
                    fields,
                    incomplete: die.declaration,
                };
                let kind = if die.tag == constants::DW_TAG_structure_type {
                    CType::Struct(agg)
                } else {
                    CType::Union(agg)
                };
                let size = if die.declaration { None } else { die.byte_size };
                return Ok(self.set(id, kind, size, die));
            }
            constants::DW_TAG_enumeration_type => {
                let under = die
                    .ty
                    .and_then(|t| info.dies.get(&t))
                    .and_then(|t| t.encoding);
                let signed_under = matches!(
                    under,
                    Some(constants::DW_ATE_signed | constants::DW_ATE_signed_char)
                );
                let mut values = Vec::new();
                for &c in &die.children {
                    let child = info.die(c)?;
                    if child.tag != constants::DW_TAG_enumerator {
                        continue;
                    }
                    let v = match child.const_value {
                        Some(Const::Signed(v)) => v,
                        Some(Const::Unsigned(v)) => v as i64,
                        // gcc writes non-negative values as dataN; a dataN as wide as a signed
                        // enum can only be a negative value written by another producer.
                        Some(Const::Data(v, n))
                            if signed_under && Some(u64::from(n)) == die.byte_size =>
                        {
                            let shift = 64 - 8 * u32::from(n);
                            ((v << shift) as i64) >> shift
                        }
                        Some(Const::Data(v, _)) => v as i64,
                        None => 0,
                    };
                    values.push((child.name.clone().unwrap_or_default(), v));
                }
                let signed = if under.is_some() {
                    signed_under
                } else {
                    values.iter().any(|(_, v)| *v < 0)
                };
                CType::Enum(Enum {
                    tag: die.name.clone(),
                    signed,
                    values,
                })
            }
            constants::DW_TAG_subroutine_type => {
                let id = self.reserve(off);
                let result = match die.ty {
                    None => None,
                    Some(t) => Some(self.convert(Some(t))?),
                };
                let mut params = Vec::new();
                let mut variadic = false;
                for &c in &die.children {
                    let child = info.die(c)?;
                    match child.tag {
                        constants::DW_TAG_formal_parameter => params.push(self.convert(child.ty)?),
                        constants::DW_TAG_unspecified_parameters => variadic = true,
                        _ => {}
                    }
                }
                // `f()` without a prototype takes no arguments, as in cgo.
                if !die.prototyped || params.is_empty() {
                    params.clear();
                    variadic = false;
                }
                return Ok(self.set(
                    id,
                    CType::Func(FuncType {
                        params,
                        result,
                        variadic,
                    }),
                    None,
                    die,
                ));
            }
            _ => CType::Other,
        };
        let id = self.reserve(off);
        let size = if die.declaration { None } else { die.byte_size };
        Ok(self.set(id, kind, size, die))
    }

    fn set(&mut self, id: TypeId, kind: CType, size: Option<u64>, die: &Die) -> TypeId {
        self.table.types[id.0] = TypeInfo {
            kind,
            size,
            align: 0,
        };
        if let Some(a) = die.alignment {
            self.explicit_align.insert(id, a.max(1));
        }
        id
    }
}

impl DebugInfo {
    /// `DW_AT_byte_size` of a type, through qualifiers and typedefs.
    fn die_size(&self, mut off: Option<usize>) -> Option<u64> {
        for _ in 0..100 {
            let die = self.dies.get(&off?)?;
            if let Some(s) = die.byte_size {
                return Some(s);
            }
            off = die.ty;
        }
        None
    }
}

fn base_type(die: &Die) -> CType {
    let name = die.name.clone().unwrap_or_default();
    match die.encoding {
        Some(constants::DW_ATE_boolean) => CType::Bool,
        Some(constants::DW_ATE_signed | constants::DW_ATE_signed_char) => {
            CType::Int { name, signed: true }
        }
        Some(
            constants::DW_ATE_unsigned | constants::DW_ATE_unsigned_char | constants::DW_ATE_UTF,
        ) => CType::Int {
            name,
            signed: false,
        },
        Some(constants::DW_ATE_float) => CType::Float,
        Some(constants::DW_ATE_complex_float) => CType::Complex,
        _ => CType::Other,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Layout {
    Todo,
    Busy,
    Done,
}

/// Fills in the size (arrays, typedefs) and alignment of type `id`, as the x86_64 System V
/// ABI lays them out.
fn layout(
    t: &mut TypeTable,
    id: TypeId,
    state: &mut [Layout],
    explicit: &HashMap<TypeId, u64>,
) -> (Option<u64>, u64) {
    if state[id.0] != Layout::Todo {
        // Done, or a cycle (only possible through malformed DWARF: pointers end recursion).
        let info = t.get(id);
        return (info.size, info.align.max(1));
    }
    state[id.0] = Layout::Busy;
    let size = t.get(id).size;
    let (size, align) = match t.get(id).kind.clone() {
        CType::Void | CType::Func(_) => (None, 1),
        CType::Bool | CType::Int { .. } | CType::Float | CType::Enum(_) | CType::Other => {
            (size, natural_align(size))
        }
        CType::Complex => (size, natural_align(size.map(|s| s / 2))),
        CType::Pointer(_) => (size, 8),
        CType::Array { elem, len } => {
            let (esize, ealign) = layout(t, elem, state, explicit);
            (esize.zip(len).and_then(|(s, n)| s.checked_mul(n)), ealign)
        }
        CType::Typedef { ty, .. } => layout(t, ty, state, explicit),
        CType::Struct(agg) | CType::Union(agg) => {
            let mut align = 1;
            // A packed struct (or one under `#pragma pack(n)`) has members at offsets their
            // alignment does not divide: its alignment is at most what divides those offsets.
            let mut pack = 16;
            for f in &agg.fields {
                let mut falign = layout(t, f.ty, state, explicit).1;
                align = align.max(falign);
                if f.bit_size.is_none() {
                    while falign > 1 && f.offset % falign != 0 {
                        falign /= 2;
                        pack = pack.min(falign);
                    }
                }
            }
            align = align.min(pack);
            let size = size.unwrap_or(0);
            while align > 1 && !size.is_multiple_of(align) {
                align /= 2;
            }
            (t.get(id).size, align)
        }
    };
    let align = explicit.get(&id).copied().unwrap_or(align).max(1);
    let info = &mut t.types[id.0];
    info.size = size;
    info.align = align;
    state[id.0] = Layout::Done;
    (size, align)
}

/// The alignment of a scalar of the given size: the size, if a power of two, up to 16.
fn natural_align(size: Option<u64>) -> u64 {
    match size {
        Some(s) if s > 0 => {
            let p = if s.is_power_of_two() {
                s
            } else {
                s.next_power_of_two() / 2
            };
            p.min(16)
        }
        _ => 1,
    }
}

/// Reads a little- or big-endian `u64` at `off` in `data`.
pub fn read_u64(data: &[u8], off: usize, little: bool) -> Option<u64> {
    let bytes: [u8; 8] = data.get(off..off.checked_add(8)?)?.try_into().ok()?;
    Some(if little {
        u64::from_le_bytes(bytes)
    } else {
        u64::from_be_bytes(bytes)
    })
}

/// The bytes from a defined symbol's address to the end of its section.
pub fn symbol_data<'d>(obj: &object::File<'d>, name: &str) -> Option<&'d [u8]> {
    let sym = obj.symbols().find(|s| s.name() == Ok(name))?;
    let section = obj.section_by_index(sym.section_index()?).ok()?;
    let data = section.data().ok()?;
    let off = usize::try_from(sym.address().checked_sub(section.address())?).ok()?;
    data.get(off..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subranges() {
        let d = |count, upper_bound| Die {
            count,
            upper_bound,
            ..Die::default()
        };
        assert_eq!(subrange_len(&d(Some(Const::Data(4, 1)), None)), Some(4));
        assert_eq!(subrange_len(&d(None, Some(Const::Data(3, 1)))), Some(4));
        assert_eq!(subrange_len(&d(None, Some(Const::Signed(-1)))), Some(0));
        assert_eq!(
            subrange_len(&d(None, Some(Const::Data(0xffff_ffff, 4)))),
            Some(0)
        );
        assert_eq!(subrange_len(&d(None, None)), None);
    }

    #[test]
    fn alignments() {
        assert_eq!(natural_align(Some(16)), 16);
        assert_eq!(natural_align(Some(10)), 8);
        assert_eq!(natural_align(Some(32)), 16);
        assert_eq!(natural_align(None), 1);
        assert_eq!(read_uleb(&[0xe5, 0x8e, 0x26]), Some(624485));
    }
}
