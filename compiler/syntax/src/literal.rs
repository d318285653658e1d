//! Literal checking (for the lexer, with gc's error wording) and decoding (for the checker):
//! integers to `BigInt`, floats and imaginary parts exactly to `BigRational`, runes to their code
//! point, strings to bytes (Go strings are byte strings).

use crate::ast::LitKind;
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::Zero;

/// `U+0040 '@'` as Go's `%#U` prints a code point (no character for non-printable ones).
pub fn fmt_unicode(c: u32) -> String {
    match char::from_u32(c) {
        Some(ch) if !ch.is_control() && (ch == ' ' || !ch.is_whitespace()) && c != 0xfeff => {
            format!("U+{:04X} '{}'", c, ch)
        }
        _ => format!("U+{:04X}", c),
    }
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        16 => "hexadecimal",
        _ => "decimal",
    }
}

/// Validates a number literal's text (as the lexer cut it). On error, returns the kind the
/// literal has anyway, the byte offset of the error in `text` and gc's message.
pub fn check_number(text: &str) -> Result<LitKind, (LitKind, usize, String)> {
    let b = text.as_bytes();
    let mut i = 0;
    let mut kind = LitKind::Int;
    let mut base = 10;
    let mut prefix = 0u8;
    let mut digits = false;
    let mut seps = false;
    let mut invalid: Option<usize> = None;
    let mut err: Option<(usize, String)> = None;

    // Scans digits (and `_`) of `base`, recording the first digit too large for it.
    let scan = |i: &mut usize,
                base: u32,
                digits: &mut bool,
                seps: &mut bool,
                invalid: &mut Option<usize>| {
        while *i < b.len() {
            let c = b[*i];
            if c == b'_' {
                *seps = true;
            } else if c.is_ascii_digit() || (base == 16 && c.is_ascii_hexdigit()) {
                *digits = true;
                if base < 10 && (c - b'0') as u32 >= base && invalid.is_none() {
                    *invalid = Some(*i);
                }
            } else {
                break;
            }
            *i += 1;
        }
    };

    if b[0] != b'.' {
        if b[0] == b'0' {
            i = 1;
            match b.get(1).map(|c| c | 0x20) {
                Some(b'x') => {
                    i = 2;
                    base = 16;
                    prefix = b'x';
                }
                Some(b'o') => {
                    i = 2;
                    base = 8;
                    prefix = b'o';
                }
                Some(b'b') => {
                    i = 2;
                    base = 2;
                    prefix = b'b';
                }
                _ => {
                    base = 8;
                    prefix = b'0';
                    digits = true; // the leading 0 counts
                }
            }
        }
        scan(&mut i, base, &mut digits, &mut seps, &mut invalid);
        if i < b.len() && b[i] == b'.' {
            if prefix == b'o' || prefix == b'b' {
                err.get_or_insert((
                    i,
                    format!("invalid radix point in {} literal", base_name(base)),
                ));
            }
            i += 1;
            kind = LitKind::Float;
            scan(&mut i, base, &mut digits, &mut seps, &mut invalid);
        }
    } else {
        i = 1;
        kind = LitKind::Float;
        scan(&mut i, 10, &mut digits, &mut seps, &mut invalid);
    }
    if !digits && err.is_none() {
        err = Some((i, format!("{} literal has no digits", base_name(base))));
    }
    if i < b.len() && matches!(b[i] | 0x20, b'e' | b'p') {
        let e = b[i];
        if err.is_none() {
            if e | 0x20 == b'e' && prefix != 0 && prefix != b'0' {
                err = Some((
                    i,
                    format!("'{}' exponent requires decimal mantissa", e as char),
                ));
            } else if e | 0x20 == b'p' && prefix != b'x' {
                err = Some((
                    i,
                    format!("'{}' exponent requires hexadecimal mantissa", e as char),
                ));
            }
        }
        i += 1;
        kind = LitKind::Float;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let mut exp_digits = false;
        let mut none = None;
        scan(&mut i, 10, &mut exp_digits, &mut seps, &mut none);
        if !exp_digits && err.is_none() {
            err = Some((i, "exponent has no digits".into()));
        }
    } else if prefix == b'x' && kind == LitKind::Float && err.is_none() {
        err = Some((i, "hexadecimal mantissa requires a 'p' exponent".into()));
    }
    if i < b.len() && b[i] == b'i' {
        kind = LitKind::Imag;
        i += 1;
    }
    debug_assert_eq!(i, b.len());
    if err.is_none() && kind == LitKind::Int {
        if let Some(at) = invalid {
            err = Some((
                at,
                format!(
                    "invalid digit '{}' in {} literal",
                    b[at] as char,
                    base_name(base)
                ),
            ));
        }
    }
    if err.is_none() && seps {
        if let Some(at) = bad_separator(text) {
            err = Some((at, "'_' must separate successive digits".into()));
        }
    }
    match err {
        None => Ok(kind),
        Some((at, msg)) => Err((kind, at, msg)),
    }
}

/// Offset of the first `_` that does not sit between two digits (a base prefix counts as a
/// digit), if any.
fn bad_separator(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut hex = false;
    let mut i = 0;
    // What came before: 'd' digit, '_' separator, '.' anything else.
    let mut prev = b'.';
    if b.len() >= 2 && b[0] == b'0' && matches!(b[1] | 0x20, b'x' | b'o' | b'b') {
        hex = b[1] | 0x20 == b'x';
        prev = b'd';
        i = 2;
    }
    while i < b.len() {
        let c = b[i];
        if c == b'_' {
            if prev != b'd' {
                return Some(i);
            }
            prev = b'_';
        } else if c.is_ascii_digit() || (hex && c.is_ascii_hexdigit()) {
            prev = b'd';
        } else {
            if prev == b'_' {
                return Some(i - 1);
            }
            prev = b'.';
        }
        i += 1;
    }
    if prev == b'_' {
        return Some(b.len() - 1);
    }
    None
}

/// Checks the escapes in the body of an interpreted string (`quote` = `"`) or rune literal
/// (`quote` = `'`). Returns the offset (in `body`) and message of the first bad one.
pub fn check_escapes(body: &str, quote: u8) -> Result<(), (usize, String)> {
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if i >= b.len() {
            return Ok(()); // unterminated: reported by the caller
        }
        let c = b[i];
        let (n, base, max): (usize, u32, u32) = match c {
            b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'\\' => {
                i += 1;
                continue;
            }
            _ if c == quote => {
                i += 1;
                continue;
            }
            b'0'..=b'7' => (3, 8, 255),
            b'x' => {
                i += 1;
                (2, 16, 255)
            }
            b'u' => {
                i += 1;
                (4, 16, 0x10ffff)
            }
            b'U' => {
                i += 1;
                (8, 16, 0x10ffff)
            }
            _ => return Err((start + 1, "unknown escape".into())),
        };
        let mut x: u32 = 0;
        for _ in 0..n {
            if i >= b.len() {
                return Ok(()); // unterminated: reported by the caller
            }
            let d = match (b[i] as char).to_digit(16) {
                Some(d) if d < base => d,
                _ => {
                    let ch = body[i..].chars().next().unwrap();
                    let name = if base == 8 { "octal" } else { "hexadecimal" };
                    return Err((i, format!("invalid character {:?} in {} escape", ch, name)));
                }
            };
            x = x.wrapping_mul(base).wrapping_add(d);
            i += 1;
        }
        if x > max && base == 8 {
            return Err((i, format!("octal escape value {} > 255", x)));
        }
        if x > max || (0xd800..0xe000).contains(&x) {
            return Err((
                i,
                format!("escape is invalid Unicode code point {}", fmt_unicode(x)),
            ));
        }
    }
    Ok(())
}

/// Number of characters in a (valid) rune literal body, an escape counting as one.
pub fn count_chars(body: &str) -> usize {
    let b = body.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() {
            i += match b[i + 1] {
                b'0'..=b'7' => 4,
                b'x' => 4,
                b'u' => 6,
                b'U' => 10,
                _ => 2,
            };
        } else {
            i += crate::lexer::utf8_len(b[i]);
        }
        n += 1;
    }
    n
}

fn digits_of(s: &str, radix: u32) -> Option<BigInt> {
    let clean: String = s.chars().filter(|&c| c != '_').collect();
    if clean.is_empty() {
        return Some(BigInt::zero());
    }
    BigInt::parse_bytes(clean.as_bytes(), radix)
}

/// The value of an integer literal (`0x_1F`, `0o17`, `017`, `0b1`, `1_000`).
pub fn parse_int(raw: &str) -> Option<BigInt> {
    let b = raw.as_bytes();
    if b.len() >= 2 && b[0] == b'0' {
        match b[1] | 0x20 {
            b'x' => return digits_of(&raw[2..], 16),
            b'o' => return digits_of(&raw[2..], 8),
            b'b' => return digits_of(&raw[2..], 2),
            _ => return digits_of(&raw[1..], 8),
        }
    }
    digits_of(raw, 10)
}

/// Exponents beyond this are refused (the value would not fit anything anyway).
const MAX_EXP: i64 = 1 << 22;

fn pow_scale(m: BigInt, radix: u32, exp: i64) -> Option<BigRational> {
    if exp.abs() > MAX_EXP {
        return None;
    }
    if m.is_zero() {
        return Some(BigRational::zero());
    }
    let p = num_traits::pow(BigInt::from(radix), exp.unsigned_abs() as usize);
    Some(if exp >= 0 {
        BigRational::from_integer(m * p)
    } else {
        BigRational::new(m, p)
    })
}

/// The exact value of a floating-point literal, decimal (`1.5e-3`) or hexadecimal (`0x1.8p4`).
/// Integer literals are accepted too (for imaginary parts like `0123i`, which is decimal).
pub fn parse_float(raw: &str) -> Option<BigRational> {
    let s: String = raw.chars().filter(|&c| c != '_').collect();
    let (hex, body) = if s.len() >= 2 && s.as_bytes()[0] == b'0' && s.as_bytes()[1] | 0x20 == b'x' {
        (true, &s[2..])
    } else {
        (false, &s[..])
    };
    let exp_at = body.find(|c: char| {
        if hex {
            c == 'p' || c == 'P'
        } else {
            c == 'e' || c == 'E'
        }
    });
    let (mant, exp) = match exp_at {
        Some(i) => (&body[..i], body[i + 1..].parse::<i64>().ok()?),
        None => (&body[..], 0),
    };
    if mant.is_empty() {
        return None;
    }
    let (int_part, frac_part) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    let digits = format!("{}{}", int_part, frac_part);
    let radix = if hex { 16 } else { 10 };
    let m = if digits.is_empty() {
        return None;
    } else {
        BigInt::parse_bytes(digits.as_bytes(), radix)?
    };
    if hex {
        pow_scale(m, 2, exp.checked_sub(4 * frac_part.len() as i64)?)
    } else {
        pow_scale(m, 10, exp.checked_sub(frac_part.len() as i64)?)
    }
}

/// The imaginary part of an imaginary literal (`2.5i` → 5/2). A decimal-looking integer mantissa
/// with a leading zero (`0123i`) is decimal, for backward compatibility, as the spec says.
pub fn parse_imag(raw: &str) -> Option<BigRational> {
    let body = raw.strip_suffix('i')?;
    let b = body.as_bytes();
    let prefixed = b.len() >= 2 && b[0] == b'0' && matches!(b[1] | 0x20, b'x' | b'o' | b'b');
    if prefixed && !body.contains(['.', 'p', 'P']) {
        return parse_int(body).map(BigRational::from_integer);
    }
    parse_float(body)
}

/// Decodes one character or escape at the start of `b`; returns (value, is_byte, length).
/// `is_byte` is true for `\x` and octal escapes, which denote a single byte in strings.
fn decode_one(s: &str, quote: u8) -> Option<(u32, bool, usize)> {
    let b = s.as_bytes();
    if b[0] != b'\\' {
        let c = s.chars().next()?;
        return Some((c as u32, false, c.len_utf8()));
    }
    let c = *b.get(1)?;
    let simple = |v: u8| Some((v as u32, false, 2));
    match c {
        b'a' => simple(7),
        b'b' => simple(8),
        b'f' => simple(12),
        b'n' => simple(10),
        b'r' => simple(13),
        b't' => simple(9),
        b'v' => simple(11),
        b'\\' => simple(c),
        _ if c == quote => simple(c),
        b'0'..=b'7' => {
            let v = u32::from_str_radix(s.get(1..4)?, 8).ok()?;
            if v > 255 {
                return None;
            }
            Some((v, true, 4))
        }
        b'x' => Some((u32::from_str_radix(s.get(2..4)?, 16).ok()?, true, 4)),
        b'u' => Some((u32::from_str_radix(s.get(2..6)?, 16).ok()?, false, 6)),
        b'U' => Some((u32::from_str_radix(s.get(2..10)?, 16).ok()?, false, 10)),
        _ => None,
    }
}

/// The value of a rune literal (`'a'`, `'\n'`, `'\xff'` = 255, `'\u00e9'`).
pub fn parse_rune(raw: &str) -> Option<i32> {
    let body = raw.strip_prefix('\'')?.strip_suffix('\'')?;
    if body.is_empty() {
        return None;
    }
    let (v, _, n) = decode_one(body, b'\'')?;
    if n != body.len() || v > 0x10ffff || (0xd800..0xe000).contains(&v) {
        return None;
    }
    Some(v as i32)
}

/// The value of a rune literal as a `char` (None for invalid literals).
pub fn parse_rune_char(raw: &str) -> Option<char> {
    parse_rune(raw).and_then(|v| char::from_u32(v as u32))
}

/// The bytes of a string literal, interpreted (`"..."`) or raw (`` `...` ``, carriage returns
/// removed).
pub fn parse_string(raw: &str) -> Option<Vec<u8>> {
    if let Some(body) = raw.strip_prefix('`') {
        let body = body.strip_suffix('`')?;
        return Some(body.bytes().filter(|&b| b != b'\r').collect());
    }
    let body = raw.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.as_bytes()[0] != b'\\' {
            let c = rest.chars().next()?;
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            i += c.len_utf8();
            continue;
        }
        let (v, is_byte, n) = decode_one(rest, b'"')?;
        if is_byte {
            out.push(v as u8);
        } else {
            let c = char::from_u32(v)?;
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
        i += n;
    }
    Some(out)
}

/// Decoded value of a basic literal, by kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Int(BigInt),
    Float(BigRational),
    /// The imaginary part.
    Imag(BigRational),
    Rune(i32),
    String(Vec<u8>),
}

/// Decodes any basic literal; None if it is malformed (the lexer has reported it).
pub fn decode(kind: LitKind, raw: &str) -> Option<Value> {
    Some(match kind {
        LitKind::Int => Value::Int(parse_int(raw)?),
        LitKind::Float => Value::Float(parse_float(raw)?),
        LitKind::Imag => Value::Imag(parse_imag(raw)?),
        LitKind::Rune => Value::Rune(parse_rune(raw)?),
        LitKind::String => Value::String(parse_string(raw)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i64, d: i64) -> BigRational {
        BigRational::new(BigInt::from(n), BigInt::from(d))
    }

    #[test]
    fn ints() {
        let cases: &[(&str, i64)] = &[
            ("0", 0),
            ("42", 42),
            ("4_2", 42),
            ("0600", 0o600),
            ("0_600", 0o600),
            ("0o600", 0o600),
            ("0O6_00", 0o600),
            ("0xBadFace", 0xBadFace),
            ("0xBad_Face", 0xBadFace),
            ("0x_67_7a_2f_cc_40_c6", 0x677a2fcc40c6),
            ("0b1011", 11),
            ("0B_1_0", 2),
            ("00", 0),
        ];
        for (s, v) in cases {
            assert_eq!(parse_int(s), Some(BigInt::from(*v)), "{}", s);
            assert_eq!(check_number(s), Ok(LitKind::Int), "{}", s);
        }
        assert_eq!(
            parse_int("170141183460469231731687303715884105727")
                .unwrap()
                .to_string(),
            "170141183460469231731687303715884105727"
        );
        assert_eq!(
            parse_int("0xffffffffffffffffffffffffffffffff").unwrap(),
            (BigInt::from(1) << 128) - 1
        );
    }

    #[test]
    fn floats() {
        let cases: &[(&str, BigRational)] = &[
            ("0.", r(0, 1)),
            ("72.40", r(7240, 100)),
            ("072.40", r(7240, 100)),
            ("2.71828", r(271828, 100000)),
            ("1.e+0", r(1, 1)),
            ("6.67428e-11", r(667428, 100000 * 100_000_000_000)),
            ("1E6", r(1_000_000, 1)),
            (".25", r(1, 4)),
            (".12345E+5", r(12345, 1)),
            ("1_5.", r(15, 1)),
            ("0.15e+0_2", r(15, 1)),
            ("0x1p-2", r(1, 4)),
            ("0x2.p10", r(2048, 1)),
            ("0x1.Fp+0", r(31, 16)),
            ("0X.8p-0", r(1, 2)),
            ("0X_1FFFP-16", r(0x1fff, 65536)),
            ("0x15e-2", r(0x15e - 2, 1)), // an int minus 2: check only the literal
            ("1e-1", r(1, 10)),
            ("089.5", r(895, 10)),
        ];
        for (s, v) in cases {
            if *s == "0x15e-2" {
                continue;
            }
            assert_eq!(parse_float(s).as_ref(), Some(v), "{}", s);
            assert_eq!(check_number(s), Ok(LitKind::Float), "{}", s);
        }
        // Huge exponents are exact.
        let big = parse_float("1e400").unwrap();
        assert_eq!(
            big,
            BigRational::from_integer(num_traits::pow(BigInt::from(10), 400))
        );
        let tiny = parse_float("0x1p-1074").unwrap();
        assert_eq!(
            tiny,
            BigRational::new(BigInt::from(1), num_traits::pow(BigInt::from(2), 1074))
        );
        assert_eq!(parse_float("1e99999999999"), None);
    }

    #[test]
    fn imaginary() {
        assert_eq!(parse_imag("0i"), Some(r(0, 1)));
        assert_eq!(parse_imag("0123i"), Some(r(123, 1)));
        assert_eq!(parse_imag("0o123i"), Some(r(0o123, 1)));
        assert_eq!(parse_imag("0xabci"), Some(r(0xabc, 1)));
        assert_eq!(parse_imag("0b11i"), Some(r(3, 1)));
        assert_eq!(parse_imag("0.i"), Some(r(0, 1)));
        assert_eq!(parse_imag("2.5i"), Some(r(5, 2)));
        assert_eq!(parse_imag("1.e+0i"), Some(r(1, 1)));
        assert_eq!(parse_imag("1E6i"), Some(r(1_000_000, 1)));
        assert_eq!(parse_imag(".25i"), Some(r(1, 4)));
        assert_eq!(parse_imag("0x1p-2i"), Some(r(1, 4)));
        for s in ["0i", "0123i", "0o123i", "0xabci", "2.5i", "0x1p-2i", "1_0i"] {
            assert_eq!(check_number(s), Ok(LitKind::Imag), "{}", s);
        }
    }

    #[test]
    fn runes() {
        let cases: &[(&str, i32)] = &[
            ("'a'", 'a' as i32),
            ("'ä'", 'ä' as i32),
            ("'本'", '本' as i32),
            ("'\\a'", 7),
            ("'\\b'", 8),
            ("'\\f'", 12),
            ("'\\n'", 10),
            ("'\\r'", 13),
            ("'\\t'", 9),
            ("'\\v'", 11),
            ("'\\\\'", '\\' as i32),
            ("'\\''", '\'' as i32),
            ("'\\000'", 0),
            ("'\\007'", 7),
            ("'\\377'", 255),
            ("'\\x07'", 7),
            ("'\\xff'", 255),
            ("'\\xFF'", 255),
            ("'\\u12e4'", 0x12e4),
            ("'\\U00101234'", 0x101234),
            ("'\\U0010FFFF'", 0x10ffff),
        ];
        for (s, v) in cases {
            assert_eq!(parse_rune(s), Some(*v), "{}", s);
        }
        assert_eq!(parse_rune_char("'é'"), Some('é'));
        for bad in [
            "'aa'",
            "''",
            "'\\400'",
            "'\\uD800'",
            "'\\U00110000'",
            "'\\\"'",
            "'\\k'",
        ] {
            assert_eq!(parse_rune(bad), None, "{}", bad);
        }
    }

    #[test]
    fn strings() {
        let cases: &[(&str, &[u8])] = &[
            ("\"\"", b""),
            ("\"abc\"", b"abc"),
            ("\"\\xff\"", &[0xff]),
            ("\"\\377\"", &[0xff]),
            ("\"\\u00e9\"", "é".as_bytes()),
            ("\"\\U0001F600\"", "😀".as_bytes()),
            ("\"日本語\"", "日本語".as_bytes()),
            (
                "\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"",
                b"\x07\x08\x0c\n\r\t\x0b\\\"",
            ),
            ("\"\\xe6\\x97\\xa5\"", "日".as_bytes()),
            ("`abc`", b"abc"),
            ("`\\n`", b"\\n"),
            ("`a\r\nb`", b"a\nb"),
            ("`\"`", b"\""),
        ];
        for (s, v) in cases {
            assert_eq!(parse_string(s).as_deref(), Some(*v), "{}", s);
        }
        assert_eq!(parse_string("\"\\'\""), None);
        assert_eq!(
            decode(LitKind::String, "\"a\""),
            Some(Value::String(b"a".to_vec()))
        );
        assert_eq!(
            decode(LitKind::Int, "0x10"),
            Some(Value::Int(BigInt::from(16)))
        );
    }

    #[test]
    fn number_errors() {
        let e = |s: &str| check_number(s).unwrap_err().2;
        assert_eq!(e("1__2"), "'_' must separate successive digits");
        assert_eq!(e("0x_"), "hexadecimal literal has no digits");
        assert_eq!(e("0b"), "binary literal has no digits");
        assert_eq!(e("09"), "invalid digit '9' in octal literal");
        assert_eq!(e("0b102"), "invalid digit '2' in binary literal");
        assert_eq!(e("1_.5"), "'_' must separate successive digits");
        assert_eq!(e("1._5"), "'_' must separate successive digits");
        assert_eq!(e("0x1p"), "exponent has no digits");
        assert_eq!(e("0b1e3"), "'e' exponent requires decimal mantissa");
        assert_eq!(check_number("0x_1"), Ok(LitKind::Int));
        assert_eq!(check_number("0_1"), Ok(LitKind::Int));
        assert_eq!(check_number("09.5"), Ok(LitKind::Float));
        assert_eq!(check_number("09i"), Ok(LitKind::Imag));
        assert_eq!(check_number("09e1"), Ok(LitKind::Float));
    }

    #[test]
    fn escapes() {
        assert_eq!(check_escapes("a\\nb", b'"'), Ok(()));
        assert_eq!(check_escapes("\\'", b'\''), Ok(()));
        assert_eq!(
            check_escapes("\\400", b'"').unwrap_err().1,
            "octal escape value 256 > 255"
        );
        assert_eq!(
            check_escapes("\\uD800", b'"').unwrap_err().1,
            "escape is invalid Unicode code point U+D800"
        );
        assert_eq!(
            check_escapes("\\08", b'"').unwrap_err().1,
            "invalid character '8' in octal escape"
        );
        assert_eq!(fmt_unicode('@' as u32), "U+0040 '@'");
        assert_eq!(fmt_unicode(0), "U+0000");
    }
}
