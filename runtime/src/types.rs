//! Data layouts shared with the code generator: type descriptors, the function table for
//! tracebacks, and the small `repr(C)` structs runtime calls return in registers.

/// A type descriptor, emitted by the compiler as read-only data (64 bytes).
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
}

// Descriptors are immutable data.
unsafe impl Sync for TypeDesc {}

pub const TFLAG_NAMED: u8 = 1;

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
}

/// Descriptors the runtime itself allocates with (strings to bytes, runes).
pub static TYPE_UINT8: TypeDesc = TypeDesc {
    size: 1,
    ptrdata: 0,
    hash: 0,
    kind: KIND_UINT8,
    align: 1,
    flags: 0,
    _pad: 0,
    gcdata: core::ptr::null(),
    name: b"uint8".as_ptr(),
    name_len: 5,
    elem: core::ptr::null(),
    len: 0,
};

pub static TYPE_INT32: TypeDesc = TypeDesc {
    size: 4,
    ptrdata: 0,
    hash: 0,
    kind: KIND_INT32,
    align: 4,
    flags: 0,
    _pad: 0,
    gcdata: core::ptr::null(),
    name: b"int32".as_ptr(),
    name_len: 5,
    elem: core::ptr::null(),
    len: 0,
};

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
