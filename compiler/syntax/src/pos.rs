//! Source positions.
//!
//! A `Pos` is a byte offset into a `FileSet`: every file added to the set gets a base offset, so a
//! single `u32` names a place in any file of the program. `FileSet::position` turns it back into
//! the `file:line:col` that diagnostics and tracebacks print (line and column are 1-based, the
//! column counts bytes, as gc does).

use std::fmt;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pos(pub u32);

impl Pos {
    pub const NONE: Pos = Pos(0);
    pub fn is_valid(self) -> bool {
        self.0 != 0
    }
    pub fn offset(self, by: u32) -> Pos {
        Pos(self.0 + by)
    }
}

/// A resolved position, as printed in diagnostics: `path:line:col`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position {
    pub file: String,
    pub line: u32,
    pub col: u32,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.col)
    }
}

#[derive(Debug)]
pub struct SourceFile {
    pub path: String,
    pub src: String,
    /// Offset of the file's first byte in the FileSet.
    pub base: u32,
    /// Offsets (relative to the file) at which lines start.
    line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn pos(&self, offset_in_file: usize) -> Pos {
        Pos(self.base + offset_in_file as u32)
    }
}

/// All source files of a compilation. Offset 0 is never a valid position, so the first file
/// starts at base 1.
#[derive(Debug, Default)]
pub struct FileSet {
    pub files: Vec<SourceFile>,
    next_base: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

impl FileSet {
    pub fn new() -> FileSet {
        FileSet {
            files: Vec::new(),
            next_base: 1,
        }
    }

    pub fn add(&mut self, path: impl Into<String>, src: impl Into<String>) -> FileId {
        let src = src.into();
        let mut line_starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        let base = self.next_base;
        // +1 so that the position just past the end of a file is still inside it.
        self.next_base = base + src.len() as u32 + 1;
        self.files.push(SourceFile {
            path: path.into(),
            src,
            base,
            line_starts,
        });
        FileId(self.files.len() as u32 - 1)
    }

    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn file_of(&self, pos: Pos) -> Option<&SourceFile> {
        if !pos.is_valid() {
            return None;
        }
        let i = self.files.partition_point(|f| f.base <= pos.0);
        if i == 0 {
            None
        } else {
            Some(&self.files[i - 1])
        }
    }

    pub fn position(&self, pos: Pos) -> Position {
        match self.file_of(pos) {
            None => Position {
                file: "<unknown>".into(),
                line: 0,
                col: 0,
            },
            Some(f) => {
                let off = pos.0 - f.base;
                let line = f.line_starts.partition_point(|&s| s <= off);
                let col = off - f.line_starts[line - 1] + 1;
                Position {
                    file: f.path.clone(),
                    line: line as u32,
                    col,
                }
            }
        }
    }
}
