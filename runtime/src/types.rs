//! Data layouts shared with the code generator: type descriptors, the function table for
//! tracebacks, and the small `repr(C)` structs runtime calls return in registers.

/// A type descriptor, emitted by the compiler as read-only data (128 bytes; the fields from
/// offset 64 on serve interfaces, maps, equality and hashing).
#[repr(C)]
#[derive(Debug)]
pub struct TypeDesc {
    pub size: usize,
    pub ptrdata: usize,
    pub hash: u32,
    /// reflect.Kind numbering (`KIND_*`).
    pub kind: u8,
    pub align: u8,
    /// bit 0: the type is named (`TFLAG_NAMED`).
    pub flags: u8,
    pub _pad: u8,
    /// One bit per pointer-sized word of `ptrdata`, least significant bit first.
    pub gcdata: *const u8,
    pub name: *const u8,
    pub name_len: usize,
    pub elem: *const TypeDesc,
    /// Array length.
    pub len: usize,
    /// @64: struct: the non-blank fields (`StructField`); interface: its methods, sorted by
    /// name (`IMethod`).
    pub fields: *const u8,
    /// @72: number of entries of `fields`.
    pub nfields: usize,
    /// @80: the method set (`Method`), sorted by name; for `*T` the methods of `*T`.
    pub methods: *const Method,
    /// @88
    pub nmethods: usize,
    /// @96: map key type.
    pub key: *const TypeDesc,
    /// @104: map: the type of one entry of its entry array, `struct{hash uint64; k K; v V}`.
    pub entry: *const TypeDesc,
    /// @112: `Error() string` of this type as a System V function `(g, data) -> GoString`
    /// (see `iface::call_string_method`), or null.
    pub error_fn: usize,
    /// @120: `String() string`, likewise.
    pub string_fn: usize,
}

/// A struct field for equality and hashing.
#[repr(C)]
pub struct StructField {
    pub typ: *const TypeDesc,
    pub offset: usize,
}

/// An interface method: name and signature (the signature as gc spells it, `func(int) string`).
#[repr(C)]
pub struct IMethod {
    pub name: *const u8,
    pub name_len: usize,
    pub sig: *const u8,
    pub sig_len: usize,
}

/// A concrete method: `IMethod` plus the code to put in an itab (Go calling convention, the
/// interface's data word as receiver).
#[repr(C)]
pub struct Method {
    pub name: *const u8,
    pub name_len: usize,
    pub sig: *const u8,
    pub sig_len: usize,
    pub ifn: usize,
}

// Descriptors are immutable data.
unsafe impl Sync for TypeDesc {}

pub const TFLAG_NAMED: u8 = 1;
/// The type's values can be compared with `==` (and hashed).
pub const TFLAG_COMPARABLE: u8 = 2;

pub const KIND_BOOL: u8 = 1;
pub const KIND_INT: u8 = 2;
pub const KIND_INT8: u8 = 3;
pub const KIND_INT16: u8 = 4;
pub const KIND_INT32: u8 = 5;
pub const KIND_INT64: u8 = 6;
pub const KIND_UINT: u8 = 7;
pub const KIND_UINT8: u8 = 8;
pub const KIND_UINT16: u8 = 9;
pub const KIND_UINT32: u8 = 10;
pub const KIND_UINT64: u8 = 11;
pub const KIND_UINTPTR: u8 = 12;
pub const KIND_FLOAT32: u8 = 13;
pub const KIND_FLOAT64: u8 = 14;
pub const KIND_COMPLEX64: u8 = 15;
pub const KIND_COMPLEX128: u8 = 16;
pub const KIND_ARRAY: u8 = 17;
pub const KIND_CHAN: u8 = 18;
pub const KIND_FUNC: u8 = 19;
pub const KIND_INTERFACE: u8 = 20;
pub const KIND_MAP: u8 = 21;
pub const KIND_POINTER: u8 = 22;
pub const KIND_SLICE: u8 = 23;
pub const KIND_STRING: u8 = 24;
pub const KIND_STRUCT: u8 = 25;
pub const KIND_UNSAFE_POINTER: u8 = 26;

impl TypeDesc {
    /// The type's name as gc prints it (`int`, `main.T`, `[]int`).
    pub fn name(&self) -> &[u8] {
        if self.name.is_null() {
            return b"";
        }
        unsafe { core::slice::from_raw_parts(self.name, self.name_len) }
    }

    /// Stored in an interface's data word itself rather than behind a pointer.
    pub fn is_direct(&self) -> bool {
        matches!(
            self.kind,
            KIND_POINTER | KIND_CHAN | KIND_MAP | KIND_FUNC | KIND_UNSAFE_POINTER
        )
    }

    pub fn comparable(&self) -> bool {
        self.flags & TFLAG_COMPARABLE != 0
    }

    pub unsafe fn struct_fields(&self) -> &[StructField] {
        slice_or_empty(self.fields as *const StructField, self.nfields)
    }

    pub unsafe fn imethods(&self) -> &[IMethod] {
        slice_or_empty(self.fields as *const IMethod, self.nfields)
    }

    pub unsafe fn method_set(&self) -> &[Method] {
        slice_or_empty(self.methods, self.nmethods)
    }
}

/// A basic descriptor the runtime allocates with.
pub const fn basic(size: usize, kind: u8, name: &'static [u8]) -> TypeDesc {
    TypeDesc {
        size,
        ptrdata: 0,
        hash: 0,
        kind,
        align: size as u8,
        flags: TFLAG_COMPARABLE,
        _pad: 0,
        gcdata: core::ptr::null(),
        name: name.as_ptr(),
        name_len: name.len(),
        elem: core::ptr::null(),
        len: 0,
        fields: core::ptr::null(),
        nfields: 0,
        methods: core::ptr::null(),
        nmethods: 0,
        key: core::ptr::null(),
        entry: core::ptr::null(),
        error_fn: 0,
        string_fn: 0,
    }
}

/// Descriptors the runtime itself allocates with (strings to bytes, runes, map indexes).
pub static TYPE_UINT8: TypeDesc = basic(1, KIND_UINT8, b"uint8");
pub static TYPE_INT32: TypeDesc = basic(4, KIND_INT32, b"int32");
pub static TYPE_UINT64: TypeDesc = basic(8, KIND_UINT64, b"uint64");

/// One compiled function, for tracebacks and for recognising faults in Go code.
#[repr(C)]
#[derive(Debug)]
pub struct FuncInfo {
    pub entry: usize,
    pub size: usize,
    pub name: *const u8,
    pub name_len: usize,
    pub file: *const u8,
    pub file_len: usize,
    pub lines: *const PcLine,
    pub lines_len: usize,
}

unsafe impl Sync for FuncInfo {}

/// The code from `pc_off` (relative to the function's entry) on belongs to `line`.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct PcLine {
    pub pc_off: u32,
    pub line: u32,
}

impl FuncInfo {
    pub fn name(&self) -> &[u8] {
        unsafe { slice_or_empty(self.name, self.name_len) }
    }
    pub fn file(&self) -> &[u8] {
        unsafe { slice_or_empty(self.file, self.file_len) }
    }
    pub fn contains(&self, pc: usize) -> bool {
        pc >= self.entry && pc < self.entry.wrapping_add(self.size)
    }
    /// The source line of the instruction at offset `off` from the entry.
    pub fn line_at(&self, off: usize) -> u32 {
        let lines = unsafe { slice_or_empty(self.lines, self.lines_len) };
        let mut line = 0;
        for l in lines {
            if (l.pc_off as usize) <= off {
                line = l.line;
            } else {
                break;
            }
        }
        line
    }
}

unsafe fn slice_or_empty<'a, T>(p: *const T, n: usize) -> &'a [T] {
    if p.is_null() || n == 0 {
        &[]
    } else {
        core::slice::from_raw_parts(p, n)
    }
}

/// A Go string header, returned in rax:rdx.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct GoString {
    pub ptr: *const u8,
    pub len: usize,
}

impl GoString {
    pub const EMPTY: GoString = GoString {
        ptr: core::ptr::null(),
        len: 0,
    };
    pub unsafe fn as_bytes<'a>(&self) -> &'a [u8] {
        slice_or_empty(self.ptr, self.len)
    }
}

/// A slice's pointer and capacity (the caller knows the length), returned in rax:rdx.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct SlicePtrCap {
    pub ptr: *mut u8,
    pub cap: i64,
}

/// The result of decoding one rune for `for range` over a string, returned in rax:rdx.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuneNext {
    pub rune: i64,
    pub next: i64,
}
