//! Type descriptors: the read-only data the runtime reads to allocate (size, pointer bitmap),
//! to print panics (kind, name) and, later, for interfaces and reflection.
//!
//! Layout (`TypeDesc` in runtime/, 128 bytes):
//! size@0 ptrdata@8 hash:u32@16 kind:u8@20 align:u8@21 flags:u8@22 gcdata@24 name@32
//! name_len@40 elem@48 len@56, then (iface.rs `typedesc_ext`) fields@64 nfields@72
//! methods@80 nmethods@88 key@96 entry@104 error_fn@112 string_fn@120. flags: bit 0 named,
//! bit 1 comparable.

use crate::Gen;
use cranelift_module::{DataDescription, DataId, Linkage, Module};
use gorc_types::{BasicKind, ChanDir, Type, TypeId};

/// Go's reflect.Kind numbering, which the runtime shares.
pub fn kind(g: &Gen, t: TypeId) -> u8 {
    use BasicKind::*;
    match g.under(t) {
        Type::Basic(k) => match k {
            Bool | UntypedBool => 1,
            Int | UntypedInt => 2,
            Int8 => 3,
            Int16 => 4,
            Int32 | UntypedRune => 5,
            Int64 => 6,
            Uint => 7,
            Uint8 => 8,
            Uint16 => 9,
            Uint32 => 10,
            Uint64 => 11,
            Uintptr => 12,
            Float32 => 13,
            Float64 | UntypedFloat => 14,
            Complex64 => 15,
            Complex128 | UntypedComplex => 16,
            String | UntypedString => 24,
            UnsafePointer | UntypedNil => 26,
            Invalid => 0,
        },
        Type::Array(..) => 17,
        Type::Chan(..) => 18,
        Type::Func(_) => 19,
        Type::Interface(_) => 20,
        Type::Map(..) => 21,
        Type::Pointer(_) => 22,
        Type::Slice(_) => 23,
        Type::Struct(_) => 25,
        Type::Tuple(_) | Type::Named(_) => 0,
    }
}

/// The type as gc spells it in messages: `int`, `main.T`, `[]*main.T`, `map[string]int`.
pub fn type_string(g: &Gen, t: TypeId) -> String {
    let pkg = g.pkg;
    match pkg.types.get(t) {
        Type::Named(n) => {
            let o = pkg.obj(n.obj);
            match &o.pkg {
                // Qualified by package name, as reflect spells it: `a.T` for example.com/m/a.
                Some(p) => format!("{}.{}", pkg.package_name(p), o.name),
                None => o.name.clone(),
            }
        }
        Type::Basic(k) => basic_name(*k).to_string(),
        Type::Pointer(e) => format!("*{}", type_string(g, *e)),
        Type::Slice(e) => format!("[]{}", type_string(g, *e)),
        Type::Array(n, e) => format!("[{n}]{}", type_string(g, *e)),
        Type::Map(k, v) => format!("map[{}]{}", type_string(g, *k), type_string(g, *v)),
        Type::Chan(d, e) => match d {
            ChanDir::Both => format!("chan {}", type_string(g, *e)),
            ChanDir::Send => format!("chan<- {}", type_string(g, *e)),
            ChanDir::Recv => format!("<-chan {}", type_string(g, *e)),
        },
        Type::Struct(fields) => {
            if fields.is_empty() {
                return "struct {}".into();
            }
            let fs: Vec<String> = fields
                .iter()
                .map(|f| {
                    if f.embedded {
                        type_string(g, f.ty)
                    } else {
                        format!("{} {}", f.name, type_string(g, f.ty))
                    }
                })
                .collect();
            format!("struct {{ {} }}", fs.join("; "))
        }
        Type::Func(sig) => {
            let mut ps: Vec<String> = sig.params.iter().map(|&p| type_string(g, p)).collect();
            if sig.variadic {
                if let (Some(last), Some(&lt)) = (ps.last_mut(), sig.params.last()) {
                    if let Type::Slice(e) = g.under(lt) {
                        *last = format!("...{}", type_string(g, *e));
                    }
                }
            }
            let rs: Vec<String> = sig.results.iter().map(|&r| type_string(g, r)).collect();
            match rs.len() {
                0 => format!("func({})", ps.join(", ")),
                1 => format!("func({}) {}", ps.join(", "), rs[0]),
                _ => format!("func({}) ({})", ps.join(", "), rs.join(", ")),
            }
        }
        Type::Interface(ms) => {
            if ms.is_empty() {
                return "interface {}".into();
            }
            let parts: Vec<String> = ms
                .iter()
                .map(|m| {
                    format!(
                        "{}{}",
                        m.name,
                        type_string(g, m.sig).trim_start_matches("func")
                    )
                })
                .collect();
            format!("interface {{ {} }}", parts.join("; "))
        }
        Type::Tuple(ts) => {
            let parts: Vec<String> = ts.iter().map(|&t| type_string(g, t)).collect();
            format!("({})", parts.join(", "))
        }
    }
}

/// A basic type's name at run time: untyped constants that reach run time have their default
/// type (`1` is an `int`).
fn basic_name(k: BasicKind) -> &'static str {
    use BasicKind::*;
    match k {
        UntypedBool => "bool",
        UntypedInt => "int",
        UntypedRune => "int32",
        UntypedFloat => "float64",
        UntypedComplex => "complex128",
        UntypedString => "string",
        UntypedNil => "nil",
        _ => k.name(),
    }
}

impl<'a> Gen<'a> {
    /// The descriptor of type `t`, emitted on first use.
    pub fn typedesc(&mut self, t: TypeId) -> DataId {
        if let Some(&id) = self.typedescs.get(&t) {
            return id;
        }
        let name = type_string(self, t);
        let sym = self.anon_name(&format!("type:{name}"));
        let id = self
            .module
            .declare_data(&sym, Linkage::Local, false, false)
            .expect("typedesc");
        // Insert before recursing so recursive types (type L *L) terminate.
        self.typedescs.insert(t, id);
        let l = self.layout(t);
        let elem = match self.under(t) {
            Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => Some(*e),
            Type::Map(_, v) => Some(*v),
            _ => None,
        };
        let alen = match self.under(t) {
            Type::Array(n, _) => *n,
            _ => 0,
        };
        let named = matches!(self.pkg.types.get(t), Type::Named(_));
        let mut bytes = vec![0u8; 128];
        bytes[0..8].copy_from_slice(&l.size.to_le_bytes());
        bytes[8..16].copy_from_slice(&l.ptrdata().to_le_bytes());
        bytes[16..20].copy_from_slice(&fnv32(name.as_bytes()).to_le_bytes());
        bytes[20] = kind(self, t);
        bytes[21] = l.align.max(1) as u8;
        bytes[22] = named as u8;
        bytes[40..48].copy_from_slice(&(name.len() as u64).to_le_bytes());
        bytes[56..64].copy_from_slice(&alen.to_le_bytes());
        let mut d = DataDescription::new();
        d.set_align(8);
        // Pointer bitmap: one bit per word of ptrdata.
        if !l.ptr_words.is_empty() {
            let words = (l.ptrdata() / 8) as usize;
            let mut bits = vec![0u8; words.div_ceil(8)];
            for &o in &l.ptr_words {
                let w = (o / 8) as usize;
                bits[w / 8] |= 1 << (w % 8);
            }
            let bm = self.string_data(&bits);
            let gv = self.module.declare_data_in_data(bm, &mut d);
            d.write_data_addr(24, gv, 0);
        }
        let name_id = self.string_data(name.as_bytes());
        let gv = self.module.declare_data_in_data(name_id, &mut d);
        d.write_data_addr(32, gv, 0);
        if let Some(e) = elem {
            let eid = self.typedesc(e);
            let gv = self.module.declare_data_in_data(eid, &mut d);
            d.write_data_addr(48, gv, 0);
        }
        self.typedesc_ext(t, &mut bytes, &mut d);
        d.define(bytes.into_boxed_slice());
        self.module.define_data(id, &d).expect("typedesc");
        id
    }
}

fn fnv32(b: &[u8]) -> u32 {
    let mut h: u32 = 0x811c9dc5;
    for &c in b {
        h ^= c as u32;
        h = h.wrapping_mul(0x01000193);
    }
    h
}
