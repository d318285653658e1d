//! Printing of types and operands as gc prints them in diagnostics.

use crate::check::{Checker, OMode, Operand};
use crate::constant::value_string;
use crate::universe::builtin_name;
use crate::{ChanDir, Type, TypeId, TypeTable};

impl TypeTable {
    /// The type as gc writes it; names of the package `pkg` are unqualified.
    pub fn type_string(&self, objs: &[crate::Object], t: TypeId, pkg: &str) -> String {
        let mut s = String::new();
        self.write_type(&mut s, objs, t, pkg);
        s
    }

    fn write_type(&self, s: &mut String, objs: &[crate::Object], t: TypeId, pkg: &str) {
        let c = StrCtx {
            objs,
            pkg,
            byte: false,
            rune: false,
            any: false,
        };
        self.write_type_ctx(s, &c, t)
    }

    pub(crate) fn write_type_ctx(&self, s: &mut String, c: &StrCtx, t: TypeId) {
        let (objs, pkg) = (c.objs, c.pkg);
        match self.get(t) {
            Type::Basic(crate::BasicKind::Uint8) if c.byte => s.push_str("byte"),
            Type::Basic(crate::BasicKind::Int32) if c.rune => s.push_str("rune"),
            Type::Basic(k) => s.push_str(k.name()),
            Type::Pointer(e) => {
                s.push('*');
                self.write_type_ctx(s, c, *e);
            }
            Type::Slice(e) => {
                s.push_str("[]");
                self.write_type_ctx(s, c, *e);
            }
            Type::Array(n, e) => {
                s.push_str(&format!("[{}]", n));
                self.write_type_ctx(s, c, *e);
            }
            Type::Map(k, v) => {
                s.push_str("map[");
                self.write_type_ctx(s, c, *k);
                s.push(']');
                self.write_type_ctx(s, c, *v);
            }
            Type::Chan(d, e) => {
                s.push_str(match d {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                });
                let paren =
                    *d == ChanDir::Both && matches!(self.get(*e), Type::Chan(ChanDir::Recv, _));
                if paren {
                    s.push('(');
                }
                self.write_type_ctx(s, c, *e);
                if paren {
                    s.push(')');
                }
            }
            Type::Struct(fs) => {
                s.push_str("struct{");
                for (i, f) in fs.iter().enumerate() {
                    if i > 0 {
                        s.push_str("; ");
                    }
                    if !f.embedded {
                        s.push_str(&f.name);
                        s.push(' ');
                    }
                    self.write_type_ctx(s, c, f.ty);
                    if !f.tag.is_empty() {
                        s.push(' ');
                        s.push_str(&crate::constant::quote(f.tag.as_bytes()));
                    }
                }
                s.push('}');
            }
            Type::Func(sig) => {
                s.push_str("func");
                self.write_sig_ctx(s, c, sig);
            }
            Type::Interface(ms) => {
                if ms.is_empty() {
                    // gc prints `any` where the source wrote it
                    s.push_str(if c.any { "any" } else { "interface{}" });
                    return;
                }
                s.push_str("interface{");
                for (i, m) in ms.iter().enumerate() {
                    if i > 0 {
                        s.push_str("; ");
                    }
                    s.push_str(&m.name);
                    if let Type::Func(sig) = self.get(m.sig) {
                        self.write_sig_ctx(s, c, sig);
                    }
                }
                s.push('}');
            }
            Type::Tuple(ts) => {
                s.push('(');
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.write_type_ctx(s, c, *t);
                }
                s.push(')');
            }
            Type::Named(n) => {
                let o = &objs[n.obj.0 as usize];
                if let Some(p) = &o.pkg {
                    if p != pkg {
                        s.push_str(p.rsplit('/').next().unwrap_or(p));
                        s.push('.');
                    }
                }
                s.push_str(&o.name);
            }
        }
    }

    pub(crate) fn write_sig_ctx(&self, s: &mut String, c: &StrCtx, sig: &crate::Signature) {
        s.push('(');
        for (i, p) in sig.params.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            if sig.variadic && i == sig.params.len() - 1 {
                s.push_str("...");
                if let Type::Slice(e) = self.get(*p) {
                    self.write_type_ctx(s, c, *e);
                    continue;
                }
            }
            self.write_type_ctx(s, c, *p);
        }
        s.push(')');
        match sig.results.len() {
            0 => {}
            1 => {
                s.push(' ');
                self.write_type_ctx(s, c, sig.results[0]);
            }
            _ => {
                s.push_str(" (");
                for (i, p) in sig.results.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.write_type_ctx(s, c, *p);
                }
                s.push(')');
            }
        }
    }
}

impl<'a> Checker<'a> {
    pub(crate) fn ts(&self, t: TypeId) -> String {
        let mut s = String::new();
        let c = StrCtx {
            objs: &self.objs,
            pkg: &self.path,
            byte: self.spelled(crate::BasicKind::Uint8, self.prefer_byte),
            rune: self.spelled(crate::BasicKind::Int32, self.prefer_rune),
            any: self.prefer_any,
        };
        self.tt.write_type_ctx(&mut s, &c, t);
        s
    }

    /// The position of the last `ch` before `p` in the source, skipping blanks and the bytes
    /// in `skip` (the AST does not keep the positions of `[` and `:`).
    pub(crate) fn token_before(
        &self,
        p: gorc_syntax::Pos,
        ch: u8,
        skip: &[u8],
    ) -> gorc_syntax::Pos {
        if let Some(f) = self.fset.file_of(p) {
            let b = f.src.as_bytes();
            let mut i = (p.0 - f.base) as usize;
            while i > 0 {
                i -= 1;
                let c = b[i];
                if c == ch {
                    return gorc_syntax::Pos(f.base + i as u32);
                }
                if !(c == b' ' || c == b'\t' || c == b'\n' || c == b'\r' || skip.contains(&c)) {
                    break;
                }
            }
        }
        p
    }

    /// The position of the first `ch` after the expression starting at `p` (for the `:` of a
    /// key: value element): scans forward over balanced brackets and literals.
    pub(crate) fn token_after(&self, p: gorc_syntax::Pos, ch: u8) -> gorc_syntax::Pos {
        if let Some(f) = self.fset.file_of(p) {
            let b = f.src.as_bytes();
            let mut i = (p.0 - f.base) as usize;
            let mut depth = 0i32;
            while i < b.len() {
                let c = b[i];
                match c {
                    b'"' | b'\'' | b'`' => {
                        let q = c;
                        i += 1;
                        while i < b.len() && b[i] != q {
                            if b[i] == b'\\' && q != b'`' {
                                i += 1;
                            }
                            i += 1;
                        }
                    }
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' | b'}' => {
                        if depth == 0 {
                            break;
                        }
                        depth -= 1
                    }
                    _ if c == ch && depth == 0 => return gorc_syntax::Pos(f.base + i as u32),
                    _ => {}
                }
                i += 1;
            }
        }
        p
    }

    /// go/types' operand printing: `x (variable of type int)`, `1 (untyped int constant)`.
    pub(crate) fn op_string(&self, x: &Operand) -> String {
        if x.ty == self.untyped_nil() && !matches!(x.mode, OMode::Invalid | OMode::Type) {
            return "nil".into();
        }
        let expr = match x.expr {
            Some(e) => crate::exprstr::expr_string(e),
            None => match &x.mode {
                OMode::Builtin(b) => builtin_name(*b).to_string(),
                OMode::Type => self.ts(x.ty),
                OMode::Const(v) => value_string(v),
                _ => String::new(),
            },
        };
        let mut s = String::new();
        if !expr.is_empty() {
            s.push_str(&expr);
            s.push_str(" (");
        }
        let mut has_type = false;
        let named_sig = self.named_sig_string(x);
        match x.mode {
            OMode::Invalid | OMode::NoValue | OMode::Builtin(_) | OMode::Type => {}
            _ => {
                if self.tt.is_untyped(x.ty) {
                    s.push_str(&self.ts(x.ty));
                    s.push(' ');
                } else {
                    has_type = true;
                }
            }
        }
        s.push_str(match &x.mode {
            OMode::Invalid => "invalid operand",
            OMode::NoValue => "no value",
            OMode::Builtin(_) => "built-in",
            OMode::Type => "type",
            OMode::Const(_) => "constant",
            OMode::Variable => "variable",
            OMode::MapIndex => "map index expression",
            OMode::Value => "value",
            OMode::CommaOk => "comma, ok expression",
        });
        if let OMode::Const(v) = &x.mode {
            let vs = value_string(v);
            if vs != expr {
                s.push(' ');
                s.push_str(&vs);
            }
        }
        if has_type {
            if x.ty != crate::table::INVALID {
                s.push_str(" of type ");
                match named_sig {
                    Some(ns) => s.push_str(&ns),
                    None => s.push_str(&self.ts(x.ty)),
                }
            } else {
                s.push_str(" with invalid type");
            }
        }
        if !expr.is_empty() {
            s.push(')');
        }
        s
    }
}

impl<'a> Checker<'a> {
    fn spelled(&self, k: crate::BasicKind, default: bool) -> bool {
        self.spell_override
            .iter()
            .rev()
            .find(|(kk, _)| *kk == k)
            .map_or(default, |&(_, a)| a)
    }

    /// Notes how the declaration being checked spells uint8/int32 (`byte`, `rune`), so
    /// that its diagnostics print the type as written; returns the previous stack depth.
    pub(crate) fn push_spelling(&mut self, ty: Option<&gorc_syntax::ast::Expr>) -> usize {
        let n = self.spell_override.len();
        if let Some(gorc_syntax::ast::ExprKind::Ident(name)) = ty.map(|t| &t.kind) {
            let s = match name.as_str() {
                "byte" => Some((crate::BasicKind::Uint8, true)),
                "uint8" => Some((crate::BasicKind::Uint8, false)),
                "rune" => Some((crate::BasicKind::Int32, true)),
                "int32" => Some((crate::BasicKind::Int32, false)),
                _ => None,
            };
            if let Some(s) = s {
                self.spell_override.push(s);
            }
        }
        n
    }

    /// gc keeps parameter names in signatures: a function literal or a declared function
    /// prints as `func(s string) int`.
    fn named_sig_string(&self, x: &Operand) -> Option<String> {
        use gorc_syntax::ast::ExprKind;
        let e = crate::expr::unparen(x.expr?);
        let ft = match &e.kind {
            ExprKind::FuncLit { sig, .. } => sig,
            ExprKind::Ident(_) => {
                let o = self.info.uses.get(&e.id)?;
                match self.decls.get(o)? {
                    crate::check::DeclInfo::Func { decl, .. } if decl.recv.is_none() => &decl.sig,
                    _ => return None,
                }
            }
            _ => return None,
        };
        let has_names = ft
            .params
            .iter()
            .chain(&ft.results)
            .any(|f| !f.names.is_empty());
        if !has_names {
            return None;
        }
        let tmp = gorc_syntax::ast::Expr {
            id: Default::default(),
            pos: Default::default(),
            kind: ExprKind::FuncType(ft.clone()),
        };
        Some(crate::exprstr::expr_string(&tmp))
    }

    /// gc prints `byte`/`rune` where the source wrote them; we share one type id with
    /// uint8/int32, so print the alias when the package only ever uses the alias spelling.
    pub(crate) fn init_display(&mut self, fset: &gorc_syntax::FileSet) {
        let has = |w: &str| {
            fset.files.iter().any(|f| {
                let b = f.src.as_bytes();
                let mut i = 0;
                while let Some(p) = f.src[i..].find(w) {
                    let s = i + p;
                    let e = s + w.len();
                    let ok_l = s == 0
                        || !(b[s - 1].is_ascii_alphanumeric()
                            || b[s - 1] == b'_'
                            || b[s - 1] == b'.');
                    let ok_r = e >= b.len() || !(b[e].is_ascii_alphanumeric() || b[e] == b'_');
                    if ok_l && ok_r {
                        return true;
                    }
                    i = e;
                }
                false
            })
        };
        self.prefer_byte = !has("uint8");
        self.prefer_rune = !has("int32");
        self.prefer_any = has("any")
            && !fset
                .files
                .iter()
                .any(|f| f.src.contains("interface{}") || f.src.contains("interface {}"));
    }
}

pub(crate) struct StrCtx<'o> {
    pub objs: &'o [crate::Object],
    pub pkg: &'o str,
    pub byte: bool,
    pub rune: bool,
    pub any: bool,
}
