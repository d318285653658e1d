//! Go source text to syntax trees: positions (`pos`), tokens and the logos lexer (`lexer`), the
//! lalrpop grammar (`grammar.lalrpop`), the tree (`ast`) and literal decoding (`literal`).

pub mod ast;
pub mod lexer;
pub mod literal;
mod parser;
pub mod pos;

pub use parser::expr_string;

pub use pos::{FileId, FileSet, Pos, Position};

/// A syntax error at a position, worded as gc words it (`syntax error: unexpected ...`).
#[derive(Clone, Debug)]
pub struct SyntaxError {
    pub pos: Pos,
    pub msg: String,
}

/// Hands out the `NodeId`s of one compilation (shared by all its files).
#[derive(Debug, Default)]
pub struct NodeIds {
    /// The last id handed out.
    next: u32,
}

impl NodeIds {
    pub fn fresh(&mut self) -> ast::NodeId {
        self.next += 1;
        ast::NodeId(self.next)
    }
}

/// Parses one file of `fset`. Node ids come from `ids`, shared by all files of a compilation.
/// On failure, the errors are sorted by position (at most one per line, as gc reports them);
/// each prints as `file:line:col: msg` with `fset.position(err.pos)`.
pub fn parse_file(
    fset: &FileSet,
    file: FileId,
    ids: &mut NodeIds,
) -> Result<ast::File, Vec<SyntaxError>> {
    let f = fset.file(file);
    parser::parse_source(&f.src, f.base, ids)
}
