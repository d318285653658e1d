//! Labels: declaration (function-wide scope), use by break/continue/goto, and validity.

use crate::check::Checker;
use crate::ObjKind;
use gorc_syntax::ast::{Block, Stmt, StmtKind};
use gorc_syntax::Pos;
use std::collections::HashMap;

struct LabelInfo {
    pos: Pos,
    used: bool,
    obj: crate::ObjId,
}

impl<'a> Checker<'a> {
    /// Checks the labels of a function body (after its statements were checked).
    pub(crate) fn labels(&mut self, body: &'a Block) {
        let mut labels: HashMap<String, LabelInfo> = HashMap::new();
        let mut order = vec![];
        collect(
            &body.stmts,
            &mut |name: &str, id: &'a gorc_syntax::ast::Ident| {
                order.push((name.to_string(), id));
            },
        );
        for (name, id) in order {
            if name == "_" {
                continue;
            }
            if let Some(prev) = labels.get(&name) {
                let p = prev.pos;
                self.error(
                    id.pos,
                    format!("label {} already defined at {}", name, self.fmt_pos(p)),
                );
                continue;
            }
            let o = self.new_obj(&name, id.pos, self.pkg(), ObjKind::Label);
            self.record_def(id, o);
            labels.insert(
                name,
                LabelInfo {
                    pos: id.pos,
                    used: false,
                    obj: o,
                },
            );
        }
        let mut enclosing: Vec<(String, bool)> = vec![];
        self.label_uses(&body.stmts, &mut labels, &mut enclosing);
        let mut unused: Vec<(Pos, String)> = labels
            .iter()
            .filter(|(_, l)| !l.used)
            .map(|(n, l)| (l.pos, n.clone()))
            .collect();
        unused.sort();
        for (p, n) in unused {
            self.soft_error(p, format!("label {} defined and not used", n));
        }
    }

    fn label_uses(
        &mut self,
        stmts: &'a [Stmt],
        labels: &mut HashMap<String, LabelInfo>,
        enclosing: &mut Vec<(String, bool)>,
    ) {
        for s in stmts {
            self.label_use(s, labels, enclosing, None);
        }
    }

    fn label_use(
        &mut self,
        s: &'a Stmt,
        labels: &mut HashMap<String, LabelInfo>,
        enclosing: &mut Vec<(String, bool)>,
        label: Option<&str>,
    ) {
        match &s.kind {
            StmtKind::Labeled(l, inner) => self.label_use(inner, labels, enclosing, Some(&l.name)),
            StmtKind::Break(Some(l)) | StmtKind::Continue(Some(l)) | StmtKind::Goto(l) => {
                let kw = match &s.kind {
                    StmtKind::Break(_) => "break",
                    StmtKind::Continue(_) => "continue",
                    _ => "goto",
                };
                let Some(info) = labels.get_mut(&l.name) else {
                    if kw == "goto" {
                        self.error(l.pos, format!("label {} not defined", l.name));
                    } else {
                        self.error(l.pos, format!("{} label not defined: {}", kw, l.name));
                    }
                    return;
                };
                info.used = true;
                let o = info.obj;
                self.record_use(l.id, o);
                if kw != "goto" {
                    match enclosing.iter().rev().find(|(n, _)| n == &l.name) {
                        None => self.error(l.pos, format!("invalid {} label {}", kw, l.name)),
                        Some((_, is_loop)) => {
                            if kw == "continue" && !is_loop {
                                self.error(l.pos, format!("invalid continue label {}", l.name));
                            }
                        }
                    }
                }
            }
            StmtKind::Block(b) => self.label_uses(&b.stmts, labels, enclosing),
            StmtKind::If { then, els, .. } => {
                self.label_uses(&then.stmts, labels, enclosing);
                if let Some(e) = els {
                    self.label_use(e, labels, enclosing, None);
                }
            }
            StmtKind::Switch { body, .. } => {
                enclosing.push((label.unwrap_or("").to_string(), false));
                for c in body {
                    self.label_uses(&c.body, labels, enclosing);
                }
                enclosing.pop();
            }
            StmtKind::TypeSwitch { body, .. } => {
                enclosing.push((label.unwrap_or("").to_string(), false));
                for c in body {
                    self.label_uses(&c.body, labels, enclosing);
                }
                enclosing.pop();
            }
            StmtKind::Select { body, .. } => {
                enclosing.push((label.unwrap_or("").to_string(), false));
                for c in body {
                    self.label_uses(&c.body, labels, enclosing);
                }
                enclosing.pop();
            }
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                enclosing.push((label.unwrap_or("").to_string(), true));
                self.label_uses(&body.stmts, labels, enclosing);
                enclosing.pop();
            }
            _ => {}
        }
    }
}

fn collect<'a>(stmts: &'a [Stmt], f: &mut impl FnMut(&str, &'a gorc_syntax::ast::Ident)) {
    for s in stmts {
        collect_stmt(s, f);
    }
}

fn collect_stmt<'a>(s: &'a Stmt, f: &mut impl FnMut(&str, &'a gorc_syntax::ast::Ident)) {
    match &s.kind {
        StmtKind::Labeled(l, inner) => {
            f(&l.name, l);
            collect_stmt(inner, f);
        }
        StmtKind::Block(b) => collect(&b.stmts, f),
        StmtKind::If { then, els, .. } => {
            collect(&then.stmts, f);
            if let Some(e) = els {
                collect_stmt(e, f);
            }
        }
        StmtKind::Switch { body, .. } => body.iter().for_each(|c| collect(&c.body, f)),
        StmtKind::TypeSwitch { body, .. } => body.iter().for_each(|c| collect(&c.body, f)),
        StmtKind::Select { body, .. } => body.iter().for_each(|c| collect(&c.body, f)),
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => collect(&body.stmts, f),
        _ => {}
    }
}

/// Where a statement sits: the blocks from the function body down, with the index of the
/// enclosing statement in each.
type BlockPath = Vec<(usize, usize)>;

struct GotoWalk<'a> {
    blocks: Vec<(Pos, &'a [Stmt])>,
    labels: HashMap<String, BlockPath>,
    gotos: Vec<(&'a gorc_syntax::ast::Ident, BlockPath)>,
}

impl<'a> GotoWalk<'a> {
    fn block(&mut self, start: Pos, stmts: &'a [Stmt], path: &mut BlockPath) {
        let id = self.blocks.len();
        self.blocks.push((start, stmts));
        for (i, s) in stmts.iter().enumerate() {
            path.push((id, i));
            self.stmt(s, path);
            path.pop();
        }
    }
    fn stmt(&mut self, s: &'a Stmt, path: &mut BlockPath) {
        match &s.kind {
            StmtKind::Labeled(l, inner) => {
                self.labels
                    .entry(l.name.clone())
                    .or_insert_with(|| path.clone());
                self.stmt(inner, path);
            }
            StmtKind::Goto(l) => self.gotos.push((l, path.clone())),
            StmtKind::Block(b) => self.block(b.lbrace, &b.stmts, path),
            StmtKind::If { then, els, .. } => {
                self.block(then.lbrace, &then.stmts, path);
                if let Some(e) = els {
                    self.stmt(e, path);
                }
            }
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                self.block(body.lbrace, &body.stmts, path)
            }
            StmtKind::Switch { body, .. } => {
                body.iter().for_each(|c| self.block(c.pos, &c.body, path))
            }
            StmtKind::TypeSwitch { body, .. } => {
                body.iter().for_each(|c| self.block(c.pos, &c.body, path))
            }
            StmtKind::Select { body, .. } => {
                body.iter().for_each(|c| self.block(c.pos, &c.body, path))
            }
            _ => {}
        }
    }
}

impl<'a> Checker<'a> {
    /// gc's goto rules: no jumps into blocks, no forward jumps over variable declarations.
    pub(crate) fn goto_checks(&mut self, body: &'a Block) {
        let mut w = GotoWalk {
            blocks: vec![],
            labels: HashMap::new(),
            gotos: vec![],
        };
        w.block(body.lbrace, &body.stmts, &mut vec![]);
        for (l, gpath) in &w.gotos {
            let Some(lpath) = w.labels.get(&l.name) else {
                continue;
            };
            // the label's blocks must all enclose the goto
            let mut into = None;
            for (j, &(b, _)) in lpath.iter().enumerate() {
                if gpath.get(j).map(|&(gb, _)| gb) != Some(b) {
                    into = Some(b);
                    break;
                }
            }
            if let Some(b) = into {
                let p = w.blocks[b].0;
                let m = format!(
                    "goto {} jumps into block starting at {}",
                    l.name,
                    self.fmt_pos(p)
                );
                self.error(l.pos, m);
                continue;
            }
            let depth = lpath.len() - 1;
            let (b, il) = lpath[depth];
            let ig = gpath[depth].1;
            if il <= ig {
                continue;
            }
            let stmts = w.blocks[b].1;
            for s in &stmts[ig + 1..il] {
                if let Some((name, p)) = self.var_decl_of(s) {
                    let m = format!(
                        "goto {} jumps over declaration of {} at {}",
                        l.name,
                        name,
                        self.fmt_pos(p)
                    );
                    self.error(l.pos, m);
                    break;
                }
            }
        }
    }

    fn var_decl_of(&self, s: &Stmt) -> Option<(String, Pos)> {
        match &s.kind {
            StmtKind::Labeled(_, inner) => self.var_decl_of(inner),
            StmtKind::Define { lhs, .. } => {
                let n = lhs.iter().find(|i| !i.is_blank()).or(lhs.first())?;
                Some((n.name.clone(), self.define_op_pos(lhs, s.pos)))
            }
            StmtKind::Decl(gorc_syntax::ast::Decl::Var(specs)) => {
                let n = specs.first()?.names.first()?;
                Some((n.name.clone(), n.pos))
            }
            _ => None,
        }
    }
}
