//! Start positions of expressions (where gc reports errors about them); expressions are printed
//! by `gorc_syntax::expr_string`.

use gorc_syntax::ast::{Expr, ExprKind};
use gorc_syntax::Pos;

/// The position of the leftmost token of `e` (where gc reports errors about it).
pub(crate) fn start_pos(e: &Expr) -> Pos {
    match &e.kind {
        ExprKind::Binary(_, l, _) => start_pos(l).min_valid(e.pos),
        ExprKind::Selector(x, _) | ExprKind::Index(x, _) | ExprKind::TypeAssert(x, _) => {
            start_pos(x).min_valid(e.pos)
        }
        ExprKind::Slice { x, .. } => start_pos(x).min_valid(e.pos),
        ExprKind::Call { func, .. } => start_pos(func).min_valid(e.pos),
        ExprKind::CompositeLit { ty: Some(t), .. } => start_pos(t).min_valid(e.pos),
        _ => e.pos,
    }
}

trait MinValid {
    fn min_valid(self, o: Pos) -> Pos;
}
impl MinValid for Pos {
    fn min_valid(self, o: Pos) -> Pos {
        if !self.is_valid() {
            o
        } else if !o.is_valid() {
            self
        } else {
            self.min(o)
        }
    }
}

pub(crate) use gorc_syntax::expr_string;
