//! Interfaces: itabs (built here for conversions and assertions the compiler could not resolve
//! statically, and cached), type assertion failures with gc's messages, interface equality,
//! and calling a value's `Error`/`String` method to print a panic.
//!
//! An interface value is two words: an empty interface `(type, data)`, a non-empty one
//! `(itab, data)`; `data` holds pointer-shaped values (`TypeDesc::is_direct`) itself and
//! points to a copy of anything else. Everything here runs on the goroutine stack and is
//! leaf-sized; itabs are allocated with `mallocgc` (never on the stack).

use crate::alg;
use crate::malloc::mallocgc;
use crate::types::*;
use core::sync::atomic::{AtomicPtr, Ordering};

/// gc's itab: the interface, the dynamic type, then one code pointer per interface method
/// (in the interface's method order, sorted by name). The compiler emits the same layout for
/// the itabs it knows statically; two itabs for the same pair may exist, so code compares
/// `typ`, never itab addresses.
#[repr(C)]
pub struct Itab {
    pub inter: *const TypeDesc,
    pub typ: *const TypeDesc,
    pub fun: [usize; 0],
}

const CACHE: usize = 1024;

/// Open-addressed cache of built itabs. Slots are published with a compare-and-swap on an
/// empty slot after the itab is complete, so readers on other Ms never see a half-built one;
/// two Ms racing on the same pair may both build it (harmless: code compares `typ`).
#[allow(clippy::declare_interior_mutable_const)]
const EMPTY: AtomicPtr<Itab> = AtomicPtr::new(core::ptr::null_mut());
static ITABS: [AtomicPtr<Itab>; CACHE] = [EMPTY; CACHE];

unsafe fn bytes<'a>(p: *const u8, n: usize) -> &'a [u8] {
    if n == 0 {
        &[]
    } else {
        core::slice::from_raw_parts(p, n)
    }
}

/// Finds or builds the itab of (`inter`, `typ`). Err: the name of a missing method.
unsafe fn getitab(inter: &TypeDesc, typ: &TypeDesc) -> Result<*const Itab, &'static [u8]> {
    let h = ((inter as *const _ as usize).wrapping_mul(31) ^ (typ as *const _ as usize) >> 3)
        .wrapping_mul(0x9e37_79b9)
        % CACHE;
    let cache = &ITABS;
    let mut i = h;
    loop {
        let it = cache[i].load(Ordering::Acquire);
        if it.is_null() {
            break;
        }
        if (*it).inter == inter as *const _ && (*it).typ == typ as *const _ {
            return Ok(it);
        }
        i = (i + 1) % CACHE;
        if i == h {
            break;
        }
    }
    let ims = inter.imethods();
    let ms = typ.method_set();
    let it = mallocgc(16 + 8 * ims.len(), core::ptr::null()) as *mut Itab;
    let fun = (it as *mut usize).add(2);
    // Both lists are sorted by name: one merge pass.
    let mut j = 0;
    for (k, im) in ims.iter().enumerate() {
        let name = bytes(im.name, im.name_len);
        let sig = bytes(im.sig, im.sig_len);
        while j < ms.len() && bytes(ms[j].name, ms[j].name_len) < name {
            j += 1;
        }
        if j < ms.len()
            && bytes(ms[j].name, ms[j].name_len) == name
            && bytes(ms[j].sig, ms[j].sig_len) == sig
        {
            *fun.add(k) = ms[j].ifn;
        } else {
            return Err(name);
        }
    }
    (*it).inter = inter;
    (*it).typ = typ;
    // Publish in the first empty slot from h on (the table may be full: then not at all).
    let mut j = h;
    loop {
        if cache[j]
            .compare_exchange(
                core::ptr::null_mut(),
                it,
                Ordering::Release,
                Ordering::Relaxed,
            )
            .is_ok()
        {
            break;
        }
        j = (j + 1) % CACHE;
        if j == h {
            break;
        }
    }
    Ok(it)
}

/// `x.(I)` with I non-empty, from the dynamic type `typ` (null: x is nil): the itab, or a
/// panic with gc's message.
#[no_mangle]
pub unsafe extern "C" fn gorc_assert_itab(inter: *const TypeDesc, typ: *const TypeDesc) -> usize {
    if typ.is_null() {
        panic_nil(&*inter);
    }
    match getitab(&*inter, &*typ) {
        Ok(it) => it as usize,
        Err(m) => crate::panic::panic_type_assertion_with(|b| {
            b.push_bytes(b"interface conversion: ");
            b.push_bytes((*typ).name());
            b.push_bytes(b" is not ");
            b.push_bytes((*inter).name());
            b.push_bytes(b": missing method ");
            b.push_bytes(m);
        }),
    }
}

/// The comma-ok form: the itab, or 0.
#[no_mangle]
pub unsafe extern "C" fn gorc_assert_itab2(inter: *const TypeDesc, typ: *const TypeDesc) -> usize {
    if typ.is_null() {
        return 0;
    }
    getitab(&*inter, &*typ).map_or(0, |it| it as usize)
}

/// Conversion between interfaces that the checker proved possible (nil stays nil).
#[no_mangle]
pub unsafe extern "C" fn gorc_conv_itab(inter: *const TypeDesc, typ: *const TypeDesc) -> usize {
    if typ.is_null() {
        return 0;
    }
    gorc_assert_itab(inter, typ)
}

#[inline(never)]
unsafe fn panic_nil(want: &TypeDesc) -> ! {
    crate::panic::panic_type_assertion_with(|b| {
        b.push_bytes(b"interface conversion: interface is nil, not ");
        b.push_bytes(want.name());
    })
}

/// A failed `x.(T)`: `have` is x's dynamic type (null when nil), `iface` x's static type.
#[no_mangle]
pub unsafe extern "C" fn gorc_panic_dottype(
    have: *const TypeDesc,
    want: *const TypeDesc,
    iface: *const TypeDesc,
) -> ! {
    crate::panic::panic_type_assertion_with(|b| {
        b.push_bytes(b"interface conversion: ");
        b.push_bytes((*iface).name());
        b.push_bytes(b" is ");
        b.push_bytes(if have.is_null() {
            b"nil"
        } else {
            (*have).name()
        });
        b.push_bytes(b", not ");
        b.push_bytes((*want).name());
        if !have.is_null() && (*have).name() == (*want).name() {
            // Two types spelled alike: local types of different functions (gc tells types of
            // different packages apart by package path, which descriptors do not carry yet).
            b.push_bytes(b" (types from different scopes)");
        }
    })
}

/// Equality of two interface values already known to have the same dynamic type `t`:
/// `x` and `y` are their data words.
#[no_mangle]
pub unsafe extern "C" fn gorc_efaceeq(t: *const TypeDesc, x: usize, y: usize) -> bool {
    if t.is_null() {
        return true;
    }
    let t = &*t;
    if !t.comparable() {
        alg::uncomparable(t);
    }
    if t.is_direct() {
        return x == y;
    }
    alg::equal(t, x as *const u8, y as *const u8)
}

extern "C" {
    /// arch: calls a compiler-made System V adapter `fn(data) -> GoString` with r15 = g.
    fn gorc_call_string_method(f: usize, g: usize, data: usize) -> GoString;
}

/// The string a panic value prints as when its type has `Error() string` (or else
/// `String() string`): calls the method on the goroutine stack, as gc's preprintpanics does.
pub unsafe fn panic_string(t: &TypeDesc, data: usize) -> Option<GoString> {
    let f = if t.error_fn != 0 {
        t.error_fn
    } else if t.string_fn != 0 {
        t.string_fn
    } else {
        return None;
    };
    let g = crate::sched::current_g() as usize;
    Some(gorc_call_string_method(f, g, data))
}

// gorc_call_string_method(f, g, data): rdi = f, rsi = g, rdx = data. Go code expects g in r15,
// which Rust code may be using: save it (and keep the stack 16-byte aligned), set it, call
// f(data) (System V, returns rax:rdx), restore.
core::arch::global_asm!(
    r#"
    .text
    .globl gorc_call_string_method
    .type gorc_call_string_method, @function
    .p2align 4
gorc_call_string_method:
    push rbp
    mov rbp, rsp
    push r15
    push rbx
    mov r15, rsi
    mov rax, rdi
    mov rdi, rdx
    call rax
    pop rbx
    pop r15
    pop rbp
    ret
    .size gorc_call_string_method, . - gorc_call_string_method
"#
);

/// The checks `errors.As` makes of its target before looking at the error chain (gc does them
/// with reflection). `target` points at the `interface{}` argument. Returns 0 when the
/// target is usable, 1 when it is not a non-nil pointer, 2 when it points at a type that is
/// neither an interface nor implements `error`; the Go side panics with gc's messages.
#[no_mangle]
pub unsafe extern "C" fn gorc_errors_as_check(target: *const [usize; 2]) -> i64 {
    let (t, data) = ((*target)[0] as *const TypeDesc, (*target)[1]);
    if t.is_null() || (*t).kind != KIND_POINTER || data == 0 {
        return 1;
    }
    let elem = &*(*t).elem;
    if elem.kind != KIND_INTERFACE && !has_error_method(elem) {
        return 2;
    }
    0
}

unsafe fn has_error_method(t: &TypeDesc) -> bool {
    t.method_set().iter().any(|m| {
        bytes(m.name, m.name_len) == b"Error" && bytes(m.sig, m.sig_len) == b"func() string"
    })
}

/// One step of `errors.As`: when the dynamic type of the error `err` (a non-empty interface,
/// `(itab, data)`) is assignable to the type `*target` points at — that very type, or an
/// interface it implements — stores the error's value there and returns true.
#[no_mangle]
pub unsafe extern "C" fn gorc_errors_as_assign(
    err: *const [usize; 2],
    target: *const [usize; 2],
) -> bool {
    let (itab, data) = ((*err)[0] as *const Itab, (*err)[1]);
    if itab.is_null() {
        return false;
    }
    let dynt = &*(*itab).typ;
    let elem = &*(*((*target)[0] as *const TypeDesc)).elem;
    let dst = (*target)[1] as *mut usize;
    if elem.kind == KIND_INTERFACE {
        if elem.nfields == 0 {
            *dst = dynt as *const _ as usize;
        } else {
            match getitab(elem, dynt) {
                Ok(it) => *dst = it as usize,
                Err(_) => return false,
            }
        }
        *dst.add(1) = data;
        return true;
    }
    if !core::ptr::eq(elem, dynt) {
        return false;
    }
    if dynt.is_direct() {
        *dst = data;
    } else {
        core::ptr::copy(data as *const u8, dst as *mut u8, dynt.size);
    }
    true
}
