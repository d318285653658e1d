//! Writing a `-buildmode=c-archive` library: the runtime archive's members plus the program's
//! object, in the GNU `ar` format with a fresh symbol index.
//!
//! binutils' `ar s` cannot index the runtime archive: the Rust standard library's objects carry
//! LLVM bitcode (`.llvmbc`), which makes ar hand them to an installed LLVM linker plugin, and an
//! older plugin rejects them and reports "no symbols" — leaving the index without the standard
//! library. The index is therefore built here, from the members' ELF symbol tables.

use crate::driver::Error;

const MAGIC: &[u8] = b"!<arch>\n";
const HEADER: usize = 60;

/// One member: its raw header name field (16 bytes) and its contents.
struct Member {
    name: [u8; 16],
    data: Vec<u8>,
}

/// The members of a GNU/SysV archive, without its symbol index; the long-name table (`//`)
/// is kept as a member, so the other members' `/N` names stay valid.
fn read_members(bytes: &[u8]) -> Result<Vec<Member>, String> {
    if !bytes.starts_with(MAGIC) {
        return Err("not an ar archive".into());
    }
    let mut out = Vec::new();
    let mut at = MAGIC.len();
    while at < bytes.len() {
        if bytes.len() - at < HEADER {
            return Err("truncated member header".into());
        }
        let h = &bytes[at..at + HEADER];
        if &h[58..60] != b"`\n" {
            return Err("bad member header".into());
        }
        let size: usize = std::str::from_utf8(&h[48..58])
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .ok_or("bad member size")?;
        let start = at + HEADER;
        let end = start.checked_add(size).filter(|&e| e <= bytes.len());
        let end = end.ok_or("truncated member")?;
        let mut name = [0u8; 16];
        name.copy_from_slice(&h[..16]);
        let field = std::str::from_utf8(&name).unwrap_or("").trim_end();
        if field != "/" && field != "/SYM64/" {
            out.push(Member {
                name,
                data: bytes[start..end].to_vec(),
            });
        }
        at = end + (size & 1);
    }
    Ok(out)
}

/// The symbols an ELF64 relocatable object defines for other objects: global, weak and unique
/// symbols that are not undefined.
fn defined_symbols(obj: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let u16_at = |o: usize| obj.get(o..o + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    let u32_at = |o: usize| {
        obj.get(o..o + 4)
            .map(|b| u32::from_le_bytes(b.try_into().unwrap()))
    };
    let u64_at = |o: usize| {
        obj.get(o..o + 8)
            .map(|b| u64::from_le_bytes(b.try_into().unwrap()) as usize)
    };
    // ELF64, little-endian, relocatable.
    if !obj.starts_with(b"\x7fELF\x02\x01") || u16_at(16) != Some(1) {
        return out;
    }
    let (Some(shoff), Some(shentsize), Some(shnum)) = (u64_at(0x28), u16_at(0x3a), u16_at(0x3c))
    else {
        return out;
    };
    let (shentsize, mut shnum) = (shentsize as usize, shnum as usize);
    if shnum == 0 {
        // More sections than fit the header: the count is in section 0's sh_size.
        shnum = u64_at(shoff + 32).unwrap_or(0);
    }
    let section = |i: usize| -> Option<(u32, usize, usize, usize, usize)> {
        let s = shoff + i * shentsize;
        // sh_type, sh_offset, sh_size, sh_link, sh_entsize
        Some((
            u32_at(s + 4)?,
            u64_at(s + 24)?,
            u64_at(s + 32)?,
            u32_at(s + 40)? as usize,
            u64_at(s + 56)?,
        ))
    };
    for i in 0..shnum {
        let Some((ty, off, size, link, entsize)) = section(i) else {
            break;
        };
        const SHT_SYMTAB: u32 = 2;
        if ty != SHT_SYMTAB || entsize < 24 {
            continue;
        }
        let Some((_, stroff, strsize, _, _)) = section(link) else {
            continue;
        };
        let Some(strtab) = obj.get(stroff..stroff + strsize) else {
            continue;
        };
        for k in 1..size / entsize {
            let e = off + k * entsize;
            let (Some(name), Some(info), Some(shndx)) =
                (u32_at(e), obj.get(e + 4).copied(), u16_at(e + 6))
            else {
                break;
            };
            let bind = info >> 4;
            // STB_GLOBAL, STB_WEAK, STB_GNU_UNIQUE; not SHN_UNDEF.
            if !matches!(bind, 1 | 2 | 10) || shndx == 0 {
                continue;
            }
            let Some(rest) = strtab.get(name as usize..) else {
                continue;
            };
            let n = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
            if n > 0 {
                out.push(rest[..n].to_vec());
            }
        }
    }
    out
}

fn header(name: &[u8; 16], size: usize) -> Vec<u8> {
    let mut h = Vec::with_capacity(HEADER);
    h.extend_from_slice(name);
    // date, uid, gid, mode, size, end: deterministic, as `ar D`.
    h.extend_from_slice(format!("{:<12}{:<6}{:<6}{:<8}{:<10}`\n", 0, 0, 0, 644, size).as_bytes());
    debug_assert_eq!(h.len(), HEADER);
    h
}

fn short_name(s: &str) -> [u8; 16] {
    let mut n = [b' '; 16];
    let s = format!("{s}/");
    n[..s.len()].copy_from_slice(s.as_bytes());
    n
}

/// An archive holding the members of the archive `base` and then `objects` (each a name of at
/// most 15 bytes and its contents), with a symbol index over all of them.
pub fn write(base: &[u8], objects: &[(&str, Vec<u8>)]) -> Result<Vec<u8>, Error> {
    let mut members = read_members(base)
        .map_err(|e| Error::Other(format!("reading the runtime library: {e}")))?;
    for (name, data) in objects {
        members.push(Member {
            name: short_name(name),
            data: data.clone(),
        });
    }
    // The index: every member's symbols, with the member's offset (known once the index's own
    // size is: it comes first).
    let syms: Vec<Vec<Vec<u8>>> = members.iter().map(|m| defined_symbols(&m.data)).collect();
    let count: usize = syms.iter().map(Vec::len).sum();
    let names_len: usize = syms.iter().flatten().map(|s| s.len() + 1).sum();
    let index_size = 4 + 4 * count + names_len;
    let mut offset = MAGIC.len() + HEADER + index_size + (index_size & 1);
    let mut offsets = Vec::with_capacity(count);
    let mut names = Vec::with_capacity(names_len);
    for (m, s) in members.iter().zip(&syms) {
        for name in s {
            offsets.push(offset as u32);
            names.extend_from_slice(name);
            names.push(0);
        }
        offset += HEADER + m.data.len() + (m.data.len() & 1);
    }
    if offset > u32::MAX as usize {
        return Err(Error::Other("c-archive larger than 4 GiB".into()));
    }
    let mut out = Vec::with_capacity(offset);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&header(&short_name(""), index_size));
    out.extend_from_slice(&(count as u32).to_be_bytes());
    for o in offsets {
        out.extend_from_slice(&o.to_be_bytes());
    }
    out.extend_from_slice(&names);
    if index_size & 1 == 1 {
        out.push(b'\n');
    }
    for m in &members {
        out.extend_from_slice(&header(&m.name, m.data.len()));
        out.extend_from_slice(&m.data);
        if m.data.len() & 1 == 1 {
            out.push(b'\n');
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn short_names() {
        assert_eq!(&super::short_name("go.o"), b"go.o/           ");
        assert_eq!(&super::short_name(""), b"/               ");
    }
}
