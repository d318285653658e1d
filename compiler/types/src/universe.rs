//! The universe scope (predeclared types, constants, nil, builtins) and package `unsafe`.

use crate::check::Checker;
use crate::table::basic;
use crate::{BasicKind, Builtin, ConstValue, InterfaceMethod, NamedType, ObjKind, Signature, Type};

impl<'a> Checker<'a> {
    pub(crate) fn build_universe(&mut self) {
        use BasicKind::*;
        let u = self.universe;
        for k in [
            Bool, Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64, Uintptr,
            Float32, Float64, Complex64, Complex128, String,
        ] {
            let o = self.new_obj(
                k.name(),
                gorc_syntax::Pos::NONE,
                None,
                ObjKind::TypeName { ty: basic(k) },
            );
            self.scopes.insert(u, k.name(), o);
        }
        for (n, k) in [("byte", Uint8), ("rune", Int32)] {
            let o = self.new_obj(
                n,
                gorc_syntax::Pos::NONE,
                None,
                ObjKind::TypeName { ty: basic(k) },
            );
            self.scopes.insert(u, n, o);
        }
        let empty = self.tt.mk(Type::Interface(vec![]));
        let o = self.new_obj(
            "any",
            gorc_syntax::Pos::NONE,
            None,
            ObjKind::TypeName { ty: empty },
        );
        self.scopes.insert(u, "any", o);
        // error
        let eobj = self.new_obj(
            "error",
            gorc_syntax::Pos::NONE,
            None,
            ObjKind::TypeName {
                ty: crate::table::INVALID,
            },
        );
        let sig = self.tt.mk(Type::Func(Signature {
            params: vec![],
            results: vec![basic(String)],
            variadic: false,
        }));
        let iface = self.tt.mk(Type::Interface(vec![InterfaceMethod {
            name: "Error".into(),
            pkg: None,
            sig,
        }]));
        let et = self.tt.mk(Type::Named(NamedType {
            obj: eobj,
            underlying: iface,
            methods: vec![],
        }));
        self.objs[eobj.0 as usize].kind = ObjKind::TypeName { ty: et };
        self.scopes.insert(u, "error", eobj);
        self.error_type = et;
        for (n, b) in [("true", true), ("false", false)] {
            let o = self.new_obj(
                n,
                gorc_syntax::Pos::NONE,
                None,
                ObjKind::Const {
                    ty: basic(UntypedBool),
                    value: ConstValue::Bool(b),
                },
            );
            self.scopes.insert(u, n, o);
        }
        let o = self.new_obj(
            "iota",
            gorc_syntax::Pos::NONE,
            None,
            ObjKind::Const {
                ty: basic(UntypedInt),
                value: ConstValue::int(0),
            },
        );
        self.scopes.insert(u, "iota", o);
        self.iota_obj = o;
        let o = self.new_obj("nil", gorc_syntax::Pos::NONE, None, ObjKind::Nil);
        self.scopes.insert(u, "nil", o);
        use Builtin as B;
        for (n, b) in [
            ("append", B::Append),
            ("cap", B::Cap),
            ("close", B::Close),
            ("complex", B::Complex),
            ("copy", B::Copy),
            ("delete", B::Delete),
            ("imag", B::Imag),
            ("len", B::Len),
            ("make", B::Make),
            ("new", B::New),
            ("panic", B::Panic),
            ("print", B::Print),
            ("println", B::Println),
            ("real", B::Real),
            ("recover", B::Recover),
        ] {
            let o = self.new_obj(n, gorc_syntax::Pos::NONE, None, ObjKind::Builtin(b));
            self.scopes.insert(u, n, o);
        }
        // package unsafe
        let us = self.scopes.new_scope(None);
        let pkg = Some("unsafe".to_string());
        let o = self.new_obj(
            "Pointer",
            gorc_syntax::Pos::NONE,
            pkg.clone(),
            ObjKind::TypeName {
                ty: basic(UnsafePointer),
            },
        );
        self.scopes.insert(us, "Pointer", o);
        for (n, b) in [
            ("Sizeof", B::Sizeof),
            ("Alignof", B::Alignof),
            ("Offsetof", B::Offsetof),
            ("Add", B::Add),
            ("Slice", B::Slice),
        ] {
            let o = self.new_obj(n, gorc_syntax::Pos::NONE, pkg.clone(), ObjKind::Builtin(b));
            self.scopes.insert(us, n, o);
        }
        self.unsafe_scope = us;
    }
}

pub(crate) fn builtin_name(b: Builtin) -> &'static str {
    use Builtin as B;
    match b {
        B::Append => "append",
        B::Cap => "cap",
        B::Close => "close",
        B::Complex => "complex",
        B::Copy => "copy",
        B::Delete => "delete",
        B::Imag => "imag",
        B::Len => "len",
        B::Make => "make",
        B::New => "new",
        B::Panic => "panic",
        B::Print => "print",
        B::Println => "println",
        B::Real => "real",
        B::Recover => "recover",
        B::Alignof => "unsafe.Alignof",
        B::Offsetof => "unsafe.Offsetof",
        B::Sizeof => "unsafe.Sizeof",
        B::Add => "unsafe.Add",
        B::Slice => "unsafe.Slice",
    }
}
