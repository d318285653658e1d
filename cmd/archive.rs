//! Writing a `-buildmode=c-archive` library: the runtime archive's members plus the program's
//! object, in the GNU `ar` format with a fresh symbol index.
//!
//! binutils' `ar s` cannot index the runtime archive: the Rust standard library's objects carry
//! LLVM bitcode (`.llvmbc`), which makes ar hand them to an installed LLVM linker plugin, and an
//! older plugin rejects them and reports "no symbols" — leaving the index without the standard
//! library. The index is therefore built here, from the members' own symbol tables: the `object`
//! crate reads the runtime archive, and `ar_archive_writer` (the writer rustc itself uses for
//! staticlibs) writes the new archive, indexing each member's defined global symbols.

use std::io::Cursor;

use ar_archive_writer::{write_archive_to_stream, ArchiveKind, NewArchiveMember};
use object::read::archive::ArchiveFile;

use crate::driver::Error;

/// The members of the archive `bytes`, by name, without its symbol index and long-name table.
fn read_members(bytes: &[u8]) -> object::Result<Vec<(String, &[u8])>> {
    ArchiveFile::parse(bytes)?
        .members()
        .map(|m| {
            let m = m?;
            Ok((
                String::from_utf8_lossy(m.name()).into_owned(),
                m.data(bytes)?,
            ))
        })
        .collect()
}

/// An archive holding the members of the archive `base` and then `objects` (each a name and its
/// contents), with a symbol index over all of them.
pub fn write(base: &[u8], objects: &[(&str, Vec<u8>)]) -> Result<Vec<u8>, Error> {
    let base = read_members(base)
        .map_err(|e| Error::Other(format!("reading the runtime library: {e}")))?;
    let reader = &ar_archive_writer::DEFAULT_OBJECT_READER;
    let members: Vec<NewArchiveMember<'_>> = base
        .into_iter()
        .map(|(name, data)| NewArchiveMember::new(data, reader, name))
        .chain(
            objects
                .iter()
                .map(|(name, data)| NewArchiveMember::new(data, reader, name.to_string())),
        )
        .collect();
    let mut out = Cursor::new(Vec::new());
    write_archive_to_stream(&mut out, &members, ArchiveKind::Gnu, false, None)
        .map_err(|e| Error::Other(format!("writing the c-archive: {e}")))?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use object::read::archive::ArchiveFile;

    /// The index covers the Rust standard library's symbols as well as the runtime's own.
    #[test]
    fn index_covers_std() {
        let rt = include_bytes!(env!("GORC_RT_LIB"));
        let lib = super::write(rt, &[]).unwrap_or_else(|_| panic!("writing the archive"));
        let ar = ArchiveFile::parse(&lib[..]).unwrap();
        let base = ArchiveFile::parse(&rt[..]).unwrap();
        assert_eq!(ar.members().count(), base.members().count());
        let syms = ar.symbols().unwrap().expect("a symbol index");
        let has = |want: &[u8]| {
            syms.clone()
                .any(|s| s.unwrap().name().windows(want.len()).any(|w| w == want))
        };
        assert!(has(b"__rust_alloc"));
        assert!(has(b"rust_begin_unwind"));
    }
}
