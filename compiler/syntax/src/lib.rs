//! Go source text to syntax trees: positions (`pos`), tokens and the logos lexer (`lexer`), the
//! lalrpop grammar (`grammar.lalrpop`), the tree (`ast`) and literal decoding (`literal`).
//!
//! Entry point: [`parse_file`]. The grammar is Go 1.19 without type parameters; it is LR(1)
//! (see the comment at the top of `grammar.lalrpop` for how the composite-literal and
//! func-type ambiguities are resolved) and gives the same trees as go/parser on the whole
//! non-generic standard library and test suite (`tools/astcmp`).
//!
//! Conventions of the tree (beyond `ast.rs`):
//! - Positions are `FileSet` positions. Expressions: see `ast::Expr` (binary expressions are
//!   at their operator; `Expr::start` is the first token). Statements: the first token
//!   (`ast::Stmt::pos`), so an assignment is at its first left-hand operand.
//! - Every `Expr` and `Ident` has a fresh `NodeId` from the `NodeIds` passed in; `implicit` of
//!   each type-switch clause is fresh too.
//! - Literals keep their raw text; [`literal::decode`] (and `parse_int`, `parse_float`, ...)
//!   give their values. The lexer has already rejected malformed ones.
//! - Empty statements are dropped from statement lists (a label on nothing keeps an
//!   `Empty` statement).
//!
//! Errors are gc's: lexical errors (`invalid character U+0040 '@'`, `newline in string`, ...),
//! the first syntax error in gc 1.19's wording (`syntax error: unexpected newline in argument
//! list; possibly missing comma or )`, `syntax error: non-declaration statement outside
//! function body`, ...) and the checks gc's parser makes (`non-name a.b on left side of :=`,
//! `missing statement after label`, `expression in defer must not be parenthesized`, ...).
//! After a syntax error the parser recovers as gc's does: the token stream is repaired the way
//! gc's parser skips tokens (to the end of the statement, or of an argument, parameter or
//! composite-literal list; a missing operand becomes `ExprKind::Bad`) and parsed again, so
//! later errors in the same function are reported too. Where that does not apply (or the
//! repair does not get the parser further), it skips to the next top-level declaration (a
//! declaration keyword in column 1). Like gc: one error per line, at most 10 lines.

pub mod ast;
mod exprstr;
pub mod lexer;
pub mod literal;
mod parser;
pub mod pos;

pub use exprstr::expr_string;

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
    let mut tree = parser::parse_source(&f.src, f.base, ids)?;
    attach_directives(&mut tree, &f.src, f.base);
    Ok(tree)
}

/// Gives each function declaration the directives (`//go:…`, `//gorc:…`, `//export …` at the
/// start of a line) of the comment block directly above it, as gc reads them.
fn attach_directives(tree: &mut ast::File, src: &str, base: u32) {
    for d in &mut tree.decls {
        let ast::Decl::Func(fd) = d else { continue };
        let Some(off) = (fd.pos.0 as usize).checked_sub(base as usize) else {
            continue;
        };
        // The lines above the one holding `func`, nearest first, while they are comments.
        let line_start = src[..off.min(src.len())].rfind('\n').map_or(0, |i| i + 1);
        let mut found = Vec::new();
        for line in src[..line_start].lines().rev() {
            let Some(text) = line.strip_prefix("//") else {
                break;
            };
            if text.starts_with("go:") || text.starts_with("gorc:") || text.starts_with("export ") {
                found.push(text.trim_end().to_string());
            }
        }
        found.reverse();
        fd.directives = found;
    }
}

#[cfg(test)]
mod tests;
