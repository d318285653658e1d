//! gc's `print`/`println` builtins: unbuffered writes to fd 2 in gc's exact formats.
//!
//! Every `gorc_print*` entry point runs on the goroutine stack and is leaf-sized: it formats
//! into a small array on its own frame and issues one `write` system call. No allocation, no
//! `std::fmt`.

/// Writes all of `b` to fd 2 (retrying on partial writes and EINTR).
pub fn gwrite(mut b: &[u8]) {
    if capture(b) {
        return;
    }
    while !b.is_empty() {
        let n = unsafe { libc::write(2, b.as_ptr() as *const libc::c_void, b.len()) };
        if n < 0 {
            if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return;
        }
        b = &b[n as usize..];
    }
}

/// Where `gwrite` output goes instead of standard error while `runtime.Stack` formats a
/// traceback on this thread: (buffer, capacity, bytes written).
#[derive(Clone, Copy)]
struct Capture {
    buf: *mut u8,
    cap: usize,
    len: usize,
}

thread_local! {
    static CAPTURE: core::cell::Cell<Option<Capture>> = const { core::cell::Cell::new(None) };
}

/// Appends `b` to the capture buffer if one is active (dropping what does not fit, as gc's
/// Stack truncates); false when output goes to standard error.
fn capture(b: &[u8]) -> bool {
    CAPTURE.with(|c| match c.get() {
        None => false,
        Some(mut cap) => {
            let n = b.len().min(cap.cap - cap.len);
            unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), cap.buf.add(cap.len), n) };
            cap.len += n;
            c.set(Some(cap));
            true
        }
    })
}

/// Runs `f` with `gwrite` output going to `buf` (at most `cap` bytes); returns the bytes
/// written there.
pub fn capture_output(buf: *mut u8, cap: usize, f: impl FnOnce()) -> usize {
    CAPTURE.with(|c| c.set(Some(Capture { buf, cap, len: 0 })));
    f();
    CAPTURE.with(|c| c.take()).map_or(0, |c| c.len)
}

/// A fixed-capacity byte buffer on the stack, for building one piece of output.
pub struct Buf<const N: usize> {
    pub b: [u8; N],
    pub n: usize,
}

impl<const N: usize> Buf<N> {
    pub const fn new() -> Self {
        Buf { b: [0; N], n: 0 }
    }
    pub fn push(&mut self, c: u8) {
        if self.n < N {
            self.b[self.n] = c;
            self.n += 1;
        }
    }
    pub fn push_bytes(&mut self, s: &[u8]) {
        for &c in s {
            self.push(c);
        }
    }
    pub fn as_bytes(&self) -> &[u8] {
        &self.b[..self.n]
    }
    pub fn uint(&mut self, v: u64) {
        let mut tmp = [0u8; 20];
        let mut i = tmp.len();
        let mut v = v;
        loop {
            i -= 1;
            tmp[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        self.push_bytes(&tmp[i..]);
    }
    pub fn int(&mut self, v: i64) {
        if v < 0 {
            self.push(b'-');
        }
        self.uint(v.unsigned_abs());
    }
    /// gc's printhex: `0x` and lowercase digits, no padding.
    pub fn hex(&mut self, v: u64) {
        const DIG: &[u8; 16] = b"0123456789abcdef";
        let mut tmp = [0u8; 16];
        let mut i = tmp.len();
        let mut v = v;
        loop {
            i -= 1;
            tmp[i] = DIG[(v % 16) as usize];
            v /= 16;
            if v == 0 {
                break;
            }
        }
        self.push_bytes(b"0x");
        self.push_bytes(&tmp[i..]);
    }
    /// gc's printfloat: `[+-]d.dddddde[+-]ddd`, `NaN`, `+Inf`, `-Inf`.
    #[allow(clippy::float_cmp)]
    pub fn float(&mut self, v: f64) {
        if v.is_nan() {
            self.push_bytes(b"NaN");
            return;
        }
        if v + v == v && v > 0.0 {
            self.push_bytes(b"+Inf");
            return;
        }
        if v + v == v && v < 0.0 {
            self.push_bytes(b"-Inf");
            return;
        }
        const N: usize = 7;
        let mut buf = [0u8; N + 7];
        buf[0] = b'+';
        let mut e: i32 = 0;
        let mut v = v;
        if v == 0.0 {
            if (1.0 / v) < 0.0 {
                buf[0] = b'-';
            }
        } else {
            if v < 0.0 {
                v = -v;
                buf[0] = b'-';
            }
            // normalize to [1, 10)
            while v >= 10.0 {
                e += 1;
                v /= 10.0;
            }
            while v < 1.0 {
                e -= 1;
                v *= 10.0;
            }
            // round at the 7th digit
            let mut h = 5.0;
            for _ in 0..N {
                h /= 10.0;
            }
            v += h;
            if v >= 10.0 {
                e += 1;
                v /= 10.0;
            }
        }
        for i in 0..N {
            let s = v as i64;
            buf[i + 2] = (s as u8).wrapping_add(b'0');
            v -= s as f64;
            v *= 10.0;
        }
        buf[1] = buf[2];
        buf[2] = b'.';
        buf[N + 2] = b'e';
        buf[N + 3] = b'+';
        if e < 0 {
            e = -e;
            buf[N + 3] = b'-';
        }
        buf[N + 4] = (e / 100) as u8 + b'0';
        buf[N + 5] = ((e / 10) % 10) as u8 + b'0';
        buf[N + 6] = (e % 10) as u8 + b'0';
        self.push_bytes(&buf);
    }
    pub fn complex(&mut self, re: f64, im: f64) {
        self.push(b'(');
        self.float(re);
        self.float(im);
        self.push_bytes(b"i)");
    }
}

impl<const N: usize> Default for Buf<N> {
    fn default() -> Self {
        Self::new()
    }
}

#[no_mangle]
pub extern "C" fn gorc_printbool(b: bool) {
    gwrite(if b { b"true" } else { b"false" });
}

#[no_mangle]
pub extern "C" fn gorc_printint(v: i64) {
    let mut b = Buf::<24>::new();
    b.int(v);
    gwrite(b.as_bytes());
}

#[no_mangle]
pub extern "C" fn gorc_printuint(v: u64) {
    let mut b = Buf::<24>::new();
    b.uint(v);
    gwrite(b.as_bytes());
}

#[no_mangle]
pub extern "C" fn gorc_printhex(v: u64) {
    let mut b = Buf::<24>::new();
    b.hex(v);
    gwrite(b.as_bytes());
}

#[no_mangle]
pub extern "C" fn gorc_printfloat(v: f64) {
    let mut b = Buf::<16>::new();
    b.float(v);
    gwrite(b.as_bytes());
}

#[no_mangle]
pub extern "C" fn gorc_printcomplex(re: f64, im: f64) {
    let mut b = Buf::<40>::new();
    b.complex(re, im);
    gwrite(b.as_bytes());
}

#[no_mangle]
pub unsafe extern "C" fn gorc_printstring(p: *const u8, n: usize) {
    if n == 0 || p.is_null() {
        return;
    }
    gwrite(core::slice::from_raw_parts(p, n));
}

#[no_mangle]
pub extern "C" fn gorc_printpointer(p: usize) {
    gorc_printhex(p as u64);
}

#[no_mangle]
pub extern "C" fn gorc_printslice(p: usize, len: i64, cap: i64) {
    let mut b = Buf::<64>::new();
    b.push(b'[');
    b.int(len);
    b.push(b'/');
    b.int(cap);
    b.push(b']');
    b.hex(p as u64);
    gwrite(b.as_bytes());
}

fn print_pair(a: usize, c: usize) {
    let mut b = Buf::<48>::new();
    b.push(b'(');
    b.hex(a as u64);
    b.push(b',');
    b.hex(c as u64);
    b.push(b')');
    gwrite(b.as_bytes());
}

#[no_mangle]
pub extern "C" fn gorc_printeface(t: usize, d: usize) {
    print_pair(t, d);
}

#[no_mangle]
pub extern "C" fn gorc_printiface(t: usize, d: usize) {
    print_pair(t, d);
}

#[no_mangle]
pub extern "C" fn gorc_printsp() {
    gwrite(b" ");
}

#[no_mangle]
pub extern "C" fn gorc_printnl() {
    gwrite(b"\n");
}

/// Serialises print statements of different Ms (gc's printlock): compiled code brackets each
/// `print`/`println` with `gorc_printlock`/`gorc_printunlock`. Per-M depth, so nested use on
/// one M does not deadlock. No Go code runs in between (the arguments are evaluated first),
/// so the goroutine cannot move to another M while it holds the lock.
static PRINTLOCK: crate::lock::Mutex = crate::lock::Mutex::new();

#[no_mangle]
pub extern "C" fn gorc_printlock() {
    let m = crate::sched::current_m();
    if m.is_null() {
        return;
    }
    unsafe {
        (*m).printlock += 1;
        if (*m).printlock == 1 {
            PRINTLOCK.lock();
        }
    }
}

#[no_mangle]
pub extern "C" fn gorc_printunlock() {
    let m = crate::sched::current_m();
    if m.is_null() {
        return;
    }
    unsafe {
        (*m).printlock -= 1;
        if (*m).printlock == 0 {
            PRINTLOCK.unlock();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: f64) -> String {
        let mut b = Buf::<32>::new();
        b.float(v);
        String::from_utf8(b.as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn floats_match_gc() {
        assert_eq!(f(1.0), "+1.000000e+000");
        assert_eq!(f(-1.234568e-5), "-1.234568e-005");
        assert_eq!(f(0.0), "+0.000000e+000");
        assert_eq!(f(-0.0), "-0.000000e+000");
        assert_eq!(f(-1e300), "-1.000000e+300");
        assert_eq!(f(1.5), "+1.500000e+000");
        assert_eq!(f(0.1f32 as f64), "+1.000000e-001");
        assert_eq!(f(100.0), "+1.000000e+002");
        assert_eq!(f(9.9999999), "+1.000000e+001");
        assert_eq!(f(123456789.0), "+1.234568e+008");
        assert_eq!(f(f64::INFINITY), "+Inf");
        assert_eq!(f(f64::NEG_INFINITY), "-Inf");
        assert_eq!(f(f64::NAN), "NaN");
        assert_eq!(f(std::f64::consts::PI), "+3.141593e+000");
        assert_eq!(f(5e-324), "+4.940656e-324");
        assert_eq!(f(f64::MAX), "+1.797693e+308");
    }

    #[test]
    fn floats_match_gc_table() {
        // (bits, gc 1.19's println output) for 425 values, random ones included
        let table = include_str!("../tests/fixtures/gc_floats.txt");
        let mut n = 0;
        for line in table.lines() {
            let (bits, want) = line.split_once(' ').unwrap();
            let v = f64::from_bits(u64::from_str_radix(bits, 16).unwrap());
            assert_eq!(f(v), want, "bits {bits}");
            n += 1;
        }
        assert!(n > 400);
    }

    #[test]
    fn ints_and_hex() {
        let mut b = Buf::<64>::new();
        b.int(i64::MIN);
        b.push(b' ');
        b.uint(u64::MAX);
        b.push(b' ');
        b.hex(0);
        b.push(b' ');
        b.hex(0xc000012345);
        assert_eq!(
            b.as_bytes(),
            b"-9223372036854775808 18446744073709551615 0x0 0xc000012345"
        );
    }

    #[test]
    fn complex_format() {
        let mut b = Buf::<64>::new();
        b.complex(1.0, 2.0);
        assert_eq!(b.as_bytes(), b"(+1.000000e+000+2.000000e+000i)");
    }
}
