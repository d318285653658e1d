//! Go source text to syntax trees: positions (`pos`), tokens and the logos lexer (`lexer`), the
//! lalrpop grammar (`grammar.lalrpop`), the tree (`ast`) and literal decoding (`literal`).

pub mod ast;
pub mod pos;

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
    next: u32,
}

impl NodeIds {
    pub fn fresh(&mut self) -> ast::NodeId {
        self.next += 1;
        ast::NodeId(self.next)
    }
}
