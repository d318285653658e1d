//! The `//gorc:` directives of function declarations, which mark functions the code generator
//! gives a body of its own or exports to C:
//!
//! * `//gorc:extern SYMBOL` (body-less): calls the runtime function SYMBOL (stdlib/ uses it);
//! * `//gorc:cgocall SYMBOL [errno]` (body-less): calls the C function SYMBOL through
//!   `gorc_cgocall` with an argument frame; with `errno` the last result, an `int32`, is
//!   `gorc_cgocall`'s return value;
//! * `//gorc:csymaddr SYMBOL` (body-less, `func() unsafe.Pointer`): the address of the C
//!   symbol SYMBOL;
//! * `//gorc:cgoexport SYMBOL` (with a body, `func(p *T)` or `func(p unsafe.Pointer)`): C code
//!   reaches the function through the exported data object SYMBOL holding its address.
//!
//! The cgo front end generates the last three (its `_cgo_gotypes.go`); they are checked like
//! any other declaration, so a wrong generator fails at its own line.

use crate::check::Checker;
use crate::table::basic;
use crate::{BasicKind, Native, ObjId, Type, TypeId};
use gorc_syntax::ast::{self, ExprKind};

impl<'a> Checker<'a> {
    /// Reads the gorc directives of `fd`: what body-less function it is, and the symbol it is
    /// exported to C as. Malformed and conflicting directives, and bodies (or their absence)
    /// that do not fit, are reported at the function's name.
    pub(crate) fn func_directives(
        &mut self,
        fd: &'a ast::FuncDecl,
    ) -> (Option<Native>, Option<String>) {
        let pos = fd.name.pos;
        let mut native = None;
        let mut export = None;
        let mut seen: Option<&str> = None;
        for d in &fd.directives {
            let mut words = d.split_whitespace();
            let Some(kind @ ("gorc:extern" | "gorc:cgocall" | "gorc:csymaddr" | "gorc:cgoexport")) =
                words.next()
            else {
                continue;
            };
            let symbol = words.next().map(str::to_string);
            let rest: Vec<&str> = words.collect();
            let Some(symbol) = symbol else {
                self.error(pos, format!("{kind} directive needs a symbol name"));
                continue;
            };
            let errno = kind == "gorc:cgocall" && rest == ["errno"];
            if !rest.is_empty() && !errno {
                self.error(pos, format!("malformed {kind} directive: {d}"));
                continue;
            }
            if let Some(prev) = seen {
                self.error(pos, format!("{kind} conflicts with {prev} directive"));
                continue;
            }
            seen = Some(kind);
            match kind {
                "gorc:extern" => native = Some(Native::Extern(symbol)),
                "gorc:cgocall" => native = Some(Native::CgoCall { symbol, errno }),
                "gorc:csymaddr" => native = Some(Native::CSymAddr(symbol)),
                _ => export = Some(symbol),
            }
        }
        let Some(kind) = seen else {
            return (None, None);
        };
        if fd.recv.is_some() {
            self.error(pos, format!("{kind} function must not be a method"));
            return (None, None);
        }
        if native.is_some() && fd.body.is_some() {
            self.error(pos, format!("{kind} function must not have a body"));
        }
        if matches!(native, Some(Native::Extern(_))) {
            self.check_extern_signature(fd);
        }
        (native, export)
    }

    /// An extern function is called with the C convention: every parameter and the one
    /// result (if any) must fit a register. Checked on the syntax, before types are resolved:
    /// named types are allowed (their underlying type is checked by the code generator).
    fn check_extern_signature(&mut self, fd: &'a ast::FuncDecl) {
        let results: usize = fd.sig.results.iter().map(|f| f.names.len().max(1)).sum();
        if results > 1 {
            self.error(
                fd.name.pos,
                "gorc:extern function can have at most one result",
            );
        }
        let fields = fd.sig.params.iter().chain(&fd.sig.results);
        for f in fields {
            let scalar = !matches!(
                &f.ty.kind,
                ExprKind::ArrayType { .. }
                    | ExprKind::StructType(..)
                    | ExprKind::MapType(..)
                    | ExprKind::ChanType(..)
                    | ExprKind::FuncType(..)
                    | ExprKind::InterfaceType(..)
                    | ExprKind::Ellipsis(..)
            ) && !matches!(&f.ty.kind, ExprKind::Ident(n) if n == "string");
            if !scalar {
                self.error(
                    f.ty.pos,
                    "gorc:extern parameters and results must be scalars (pass others by pointer)",
                );
            }
        }
    }

    /// The signature rules of the cgo directives, on the resolved signature `sig` of `o`.
    pub(crate) fn check_directive_signature(
        &mut self,
        o: ObjId,
        fd: &'a ast::FuncDecl,
        sig: TypeId,
    ) {
        let crate::ObjKind::Func(fi) = &self.obj(o).kind else {
            return;
        };
        let (native, export) = (fi.native.clone(), fi.cgo_export.is_some());
        let Type::Func(s) = self.tt.get(sig) else {
            return;
        };
        let (params, results) = (s.params.clone(), s.results.clone());
        let pos = fd.name.pos;
        match native {
            Some(Native::CgoCall { errno: true, .. })
                if results.last() != Some(&basic(BasicKind::Int32)) =>
            {
                self.error(
                    pos,
                    "gorc:cgocall errno function must have a last result of type int32",
                );
            }
            Some(Native::CSymAddr(_))
                if !params.is_empty() || results != [basic(BasicKind::UnsafePointer)] =>
            {
                self.error(
                    pos,
                    "gorc:csymaddr function must have no parameters and one result of type unsafe.Pointer",
                );
            }
            _ => {}
        }
        // crosscall2 calls it with one pointer argument (in the Go convention) and expects no
        // result.
        if export {
            let pointer = |c: &Self, t: TypeId| c.tt.is_pointer(t) || c.tt.is_unsafe_pointer(t);
            if params.len() != 1 || !pointer(self, params[0]) || !results.is_empty() {
                self.error(
                    pos,
                    "gorc:cgoexport function must have one pointer parameter and no results",
                );
            }
        }
    }
}
