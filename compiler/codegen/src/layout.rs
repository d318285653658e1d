//! Memory layout of Go types (gc's amd64 sizes and alignments) and how their values are held in
//! Cranelift IR.
//!
//! A value of most types is a short list of scalar *parts* (a string is `[ptr, len]`, a struct
//! the parts of its fields in order); such values live in SSA variables and travel in registers.
//! Arrays, and structs that contain arrays or have many parts, are *memory-class*: their values
//! are always handled through the address of some memory holding them.

use cranelift_codegen::ir::{types, Type as ClType};
use gorc_types::{BasicKind, Program, Type, TypeId};
use std::collections::HashMap;
use std::rc::Rc;

/// Structs with more scalar parts than this are handled in memory.
const MAX_PARTS: usize = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    pub offset: u32,
    pub ty: ClType,
}

#[derive(Debug)]
pub struct Layout {
    pub size: u64,
    pub align: u64,
    /// The scalar parts in memory order (empty for memory-class types).
    pub parts: Vec<Part>,
    /// Memory-class: values are handled through addresses.
    pub mem: bool,
    /// Offsets of the pointer words (for type descriptors' pointer bitmaps).
    pub ptr_words: Vec<u64>,
}

impl Layout {
    pub fn ptrdata(&self) -> u64 {
        self.ptr_words.last().map(|&o| o + 8).unwrap_or(0)
    }
}

#[derive(Default)]
pub struct Layouts {
    cache: HashMap<TypeId, Rc<Layout>>,
}

pub fn basic_cl_type(k: BasicKind) -> Option<ClType> {
    use BasicKind::*;
    Some(match k {
        Bool | Int8 | Uint8 | UntypedBool => types::I8,
        Int16 | Uint16 => types::I16,
        Int32 | Uint32 | UntypedRune => types::I32,
        Int | Int64 | Uint | Uint64 | Uintptr | UnsafePointer | UntypedInt | UntypedNil => {
            types::I64
        }
        Float32 => types::F32,
        Float64 | UntypedFloat => types::F64,
        _ => return None,
    })
}

impl Layouts {
    pub fn get(&mut self, pkg: &Program, t: TypeId) -> Rc<Layout> {
        if let Some(l) = self.cache.get(&t) {
            return l.clone();
        }
        let l = Rc::new(self.compute(pkg, t));
        self.cache.insert(t, l.clone());
        l
    }

    fn compute(&mut self, pkg: &Program, t: TypeId) -> Layout {
        let scalar = |ty: ClType, size: u64, ptr: bool| Layout {
            size,
            align: size,
            parts: vec![Part { offset: 0, ty }],
            mem: false,
            ptr_words: if ptr { vec![0] } else { vec![] },
        };
        let words = |n: usize, ptr_first: bool| Layout {
            size: 8 * n as u64,
            align: 8,
            parts: (0..n)
                .map(|i| Part {
                    offset: 8 * i as u32,
                    ty: types::I64,
                })
                .collect(),
            mem: false,
            ptr_words: if ptr_first { vec![0] } else { vec![] },
        };
        match pkg.types.get(t) {
            Type::Named(n) => {
                let u = n.underlying;
                let l = self.get(pkg, u);
                Layout {
                    size: l.size,
                    align: l.align,
                    parts: l.parts.clone(),
                    mem: l.mem,
                    ptr_words: l.ptr_words.clone(),
                }
            }
            Type::Basic(k) => {
                use BasicKind::*;
                match k {
                    String | UntypedString => words(2, true),
                    Complex64 => Layout {
                        size: 8,
                        align: 4,
                        parts: vec![
                            Part {
                                offset: 0,
                                ty: types::F32,
                            },
                            Part {
                                offset: 4,
                                ty: types::F32,
                            },
                        ],
                        mem: false,
                        ptr_words: vec![],
                    },
                    Complex128 | UntypedComplex => Layout {
                        size: 16,
                        align: 8,
                        parts: vec![
                            Part {
                                offset: 0,
                                ty: types::F64,
                            },
                            Part {
                                offset: 8,
                                ty: types::F64,
                            },
                        ],
                        mem: false,
                        ptr_words: vec![],
                    },
                    UnsafePointer | UntypedNil => scalar(types::I64, 8, true),
                    _ => {
                        let ty = basic_cl_type(*k).unwrap_or(types::I64);
                        scalar(ty, ty.bytes() as u64, false)
                    }
                }
            }
            Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => {
                scalar(types::I64, 8, true)
            }
            Type::Slice(_) => words(3, true),
            Type::Interface(_) => Layout {
                size: 16,
                align: 8,
                parts: vec![
                    Part {
                        offset: 0,
                        ty: types::I64,
                    },
                    Part {
                        offset: 8,
                        ty: types::I64,
                    },
                ],
                mem: false,
                ptr_words: vec![0, 8],
            },
            Type::Array(n, elem) => {
                let (n, elem) = (*n, *elem);
                let e = self.get(pkg, elem);
                let mut ptr_words = Vec::new();
                if !e.ptr_words.is_empty() {
                    for i in 0..n {
                        ptr_words.extend(e.ptr_words.iter().map(|o| o + i * e.size));
                    }
                }
                Layout {
                    size: e.size * n,
                    align: e.align,
                    parts: vec![],
                    mem: n > 0,
                    ptr_words,
                }
            }
            Type::Struct(fields) => {
                let fields = fields.clone();
                let mut off = 0u64;
                let mut align = 1u64;
                let mut parts = Vec::new();
                let mut mem = false;
                let mut ptr_words = Vec::new();
                for f in &fields {
                    let fl = self.get(pkg, f.ty);
                    off = off.next_multiple_of(fl.align);
                    align = align.max(fl.align);
                    mem |= fl.mem;
                    parts.extend(fl.parts.iter().map(|p| Part {
                        offset: p.offset + off as u32,
                        ty: p.ty,
                    }));
                    ptr_words.extend(fl.ptr_words.iter().map(|o| o + off));
                    off += fl.size;
                }
                // gc pads a struct whose last field has size zero, so that taking its address
                // does not point past the object.
                if let Some(last) = fields.last() {
                    if off > 0 && self.get(pkg, last.ty).size == 0 {
                        off += 1;
                    }
                }
                let size = off.next_multiple_of(align);
                let mem = mem || parts.len() > MAX_PARTS;
                Layout {
                    size,
                    align,
                    parts: if mem { vec![] } else { parts },
                    mem,
                    ptr_words,
                }
            }
            Type::Tuple(_) => Layout {
                size: 0,
                align: 1,
                parts: vec![],
                mem: false,
                ptr_words: vec![],
            },
        }
    }

    /// Byte offset of field `i` of the struct type `t` (named or not).
    pub fn field_offset(&mut self, pkg: &Program, t: TypeId, i: usize) -> u64 {
        let u = pkg.types.underlying(t);
        let Type::Struct(fields) = pkg.types.get(u) else {
            panic!("field_offset of a non-struct")
        };
        let fields = fields.clone();
        let mut off = 0u64;
        for (j, f) in fields.iter().enumerate() {
            let fl = self.get(pkg, f.ty);
            off = off.next_multiple_of(fl.align);
            if j == i {
                return off;
            }
            off += fl.size;
        }
        unreachable!("field index out of range")
    }

    /// The range of parts of field `i` within the parts of struct type `t`.
    pub fn field_parts(&mut self, pkg: &Program, t: TypeId, i: usize) -> std::ops::Range<usize> {
        let u = pkg.types.underlying(t);
        let Type::Struct(fields) = pkg.types.get(u) else {
            panic!("field_parts of a non-struct")
        };
        let fields = fields.clone();
        let mut start = 0;
        for (j, f) in fields.iter().enumerate() {
            let n = self.get(pkg, f.ty).parts.len();
            if j == i {
                return start..start + n;
            }
            start += n;
        }
        unreachable!("field index out of range")
    }
}
