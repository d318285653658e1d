//! `//export`: Go functions callable from C, as cgo makes them.
//!
//! For each `//export F` in a file that imports "C" (gc honours no other): in Go,
//! `_cgoexp_PFX_F(frame)`, marked `//gorc:cgoexport` so C can find it, which unpacks the
//! arguments, calls F and packs the results; in C (`_cgo_export.c`), `F` with F's C prototype,
//! which packs its arguments into a frame (a packed struct with the Go struct's layout) and
//! calls the runtime's `crosscall2`; in `_cgo_export.h`, the prototype (several results come
//! back as `struct F_return { r0; r1; ... }`). Parameter and result types are cgo's: the C
//! types (`C.int`, `*C.char`) as C spells them, Go's own as `GoInt`, `GoString`, `GoSlice`,
//! ... (`gen::PROLOGUE_H`).

use crate::ctype::Entity;
use crate::gen::{align_up, packed_struct, Generator};
use crate::gotype::Shape;
use gorc_syntax::{ast, Pos};
use std::fmt::Write;

/// An `//export`ed Go function, its types already rewritten (`C.int` is `_Ctype_int`).
struct Export {
    name: String,
    /// (name, Go type source text); unnamed parameters get `p0`, `p1`, ...
    params: Vec<(String, String)>,
    /// Go type source text of each result.
    results: Vec<String>,
}

/// What the exports of a package add.
#[derive(Default)]
pub(crate) struct Exports {
    /// `_cgo_export.c`'s stubs.
    pub c: String,
    /// `_cgo_export.h`'s declarations.
    pub h: String,
    /// The files (by name) that export: their preambles go into `_cgo_export.h`.
    pub files: Vec<String>,
}

/// The exports of `file` (which imports "C": gc honours no others), named `name`; their Go
/// half goes to `g`, whose current unit is the file's.
pub(crate) fn collect(
    file: &ast::File,
    name: &str,
    g: &mut Generator,
    out: &mut Exports,
    errors: &mut Vec<(Pos, String)>,
) {
    for d in &file.decls {
        let ast::Decl::Func(fd) = d else { continue };
        let Some(export) = fd
            .directives
            .iter()
            .find_map(|d| d.strip_prefix("export ").map(|s| s.trim().to_string()))
        else {
            continue;
        };
        if export != fd.name.name {
            errors.push((
                fd.pos,
                format!(
                    "export comment has wrong name {:?}, want {:?}",
                    export, fd.name.name
                ),
            ));
            continue;
        }
        if !out.files.iter().any(|f| f == name) {
            out.files.push(name.to_string());
        }
        let result = export_of(fd).and_then(|e| g.export(&e, &mut out.c, &mut out.h));
        if let Err(m) = result {
            errors.push((fd.pos, m));
        }
    }
}

/// An exported function's signature as Go source text.
fn export_of(fd: &ast::FuncDecl) -> Result<Export, String> {
    if fd.recv.is_some() {
        return Err("cannot export a method".into());
    }
    let mut params = Vec::new();
    for f in &fd.sig.params {
        let ty = gorc_syntax::expr_string(&f.ty);
        if f.names.is_empty() {
            let i = params.len();
            params.push((format!("p{i}"), ty));
        } else {
            for n in &f.names {
                let i = params.len();
                let name = if n.name == "_" {
                    format!("p{i}")
                } else {
                    n.name.clone()
                };
                params.push((name, ty.clone()));
            }
        }
    }
    let mut results = Vec::new();
    for f in &fd.sig.results {
        let ty = gorc_syntax::expr_string(&f.ty);
        for _ in 0..f.names.len().max(1) {
            results.push(ty.clone());
        }
    }
    Ok(Export {
        name: fd.name.name.clone(),
        params,
        results,
    })
}

impl Generator<'_> {
    /// The Go and C of an exported function.
    fn export(
        &mut self,
        e: &Export,
        export_c: &mut String,
        export_h: &mut String,
    ) -> Result<(), String> {
        let mut members = Vec::new();
        let mut go_fields = Vec::new();
        let mut off = 0u64;
        let mut max_align = 1;
        let mut proto_params = Vec::new();
        for (i, (pname, ty)) in e.params.iter().enumerate() {
            let shape = self.export_shape(ty)?;
            off = align_up(off, shape.align);
            max_align = max_align.max(shape.align);
            members.push((format!("p{i}"), shape.clone(), off));
            off += shape.size;
            go_fields.push(format!("p{i} {ty}"));
            proto_params.push(format!("{} {pname}", shape.c));
        }
        let mut result_shapes = Vec::new();
        for (i, ty) in e.results.iter().enumerate() {
            let shape = self.export_shape(ty)?;
            off = align_up(off, shape.align);
            max_align = max_align.max(shape.align);
            members.push((format!("r{i}"), shape.clone(), off));
            off += shape.size;
            go_fields.push(format!("r{i} {ty}"));
            result_shapes.push(shape);
        }
        let total = align_up(off, max_align);
        let name = &e.name;
        let exp = format!("_cgoexp_{}_{name}", self.pfx);
        // Go: unpack, call, pack.
        let args: Vec<String> = (0..e.params.len()).map(|i| format!("a.p{i}")).collect();
        let call = format!("{name}({})", args.join(", "));
        let body = if e.results.is_empty() {
            call
        } else {
            let rs: Vec<String> = (0..e.results.len()).map(|i| format!("a.r{i}")).collect();
            format!("{} = {call}", rs.join(", "))
        };
        let _ = writeln!(
            self.go,
            "//gorc:cgoexport {exp}_fn\nfunc {exp}(a *struct {{\n\t{}\n}}) {{\n\t{body}\n}}\n",
            go_fields.join("\n\t")
        );
        // C: the prototype (one result: its type; several: a struct), the stub.
        let ret = match result_shapes.len() {
            0 => "void".to_string(),
            1 => result_shapes[0].c.clone(),
            _ => {
                // gc numbers the members r0, r1, ... whatever the Go results are called.
                let mut s = format!("struct {name}_return {{\n");
                for (i, shape) in result_shapes.iter().enumerate() {
                    let _ = writeln!(s, "\t{} r{i};", shape.c);
                }
                s.push_str("};\n");
                export_h.push_str(&s);
                format!("struct {name}_return")
            }
        };
        let params = if proto_params.is_empty() {
            "void".to_string()
        } else {
            proto_params.join(", ")
        };
        let _ = writeln!(export_h, "extern {ret} {name}({params});");
        let frame = packed_struct(&members, total);
        let _ = writeln!(export_c, "extern char *{exp}_fn;\n\n{ret} {name}({params})\n{{\n\ttypedef {frame} _cgo_argtype;\n\tstatic _cgo_argtype _cgo_zero;\n\t_cgo_argtype _cgo_a = _cgo_zero;");
        for (i, (pname, _)) in e.params.iter().enumerate() {
            let _ = writeln!(export_c, "\t_cgo_a.p{i} = {pname};");
        }
        let _ = writeln!(
            export_c,
            "\tcrosscall2((void (*)(void *)){exp}_fn, &_cgo_a, {total}, 0);"
        );
        match result_shapes.len() {
            0 => {}
            1 => export_c.push_str("\treturn _cgo_a.r0;\n"),
            _ => {
                let _ = writeln!(export_c, "\t{ret} r;");
                for i in 0..e.results.len() {
                    let _ = writeln!(export_c, "\tr.r{i} = _cgo_a.r{i};");
                }
                export_c.push_str("\treturn r;\n");
            }
        }
        export_c.push_str("}\n\n");
        Ok(())
    }

    /// Size, alignment and C spelling (cgo's `_cgo_export.h` names) of a Go type of an exported
    /// function's signature.
    fn export_shape(&mut self, go: &str) -> Result<Shape, String> {
        self.export_shape_at(go, 0)
    }

    /// `export_shape`, `depth` type declarations down (`type MyInt int32` is MyInt's C type
    /// GoInt32, as with gc).
    fn export_shape_at(&mut self, go: &str, depth: u32) -> Result<Shape, String> {
        let s = |size, c: &str| Shape {
            size,
            align: size.min(8),
            c: c.to_string(),
        };
        Ok(match go {
            "int" => s(8, "GoInt"),
            "uint" => s(8, "GoUint"),
            "int8" => s(1, "GoInt8"),
            "uint8" | "byte" => s(1, "GoUint8"),
            "int16" => s(2, "GoInt16"),
            "uint16" => s(2, "GoUint16"),
            "int32" | "rune" => s(4, "GoInt32"),
            "uint32" => s(4, "GoUint32"),
            "int64" => s(8, "GoInt64"),
            "uint64" => s(8, "GoUint64"),
            "uintptr" => s(8, "GoUintptr"),
            "float32" => s(4, "GoFloat32"),
            "float64" => s(8, "GoFloat64"),
            "complex64" => Shape {
                size: 8,
                align: 4,
                c: "GoComplex64".into(),
            },
            "complex128" => Shape {
                size: 16,
                align: 8,
                c: "GoComplex128".into(),
            },
            "bool" => s(1, "GoUint8"),
            "string" => Shape {
                size: 16,
                align: 8,
                c: "GoString".into(),
            },
            "unsafe.Pointer" => s(8, "void*"),
            "error" => Shape {
                size: 16,
                align: 8,
                c: "GoInterface".into(),
            },
            _ if go.starts_with("[]") => Shape {
                size: 24,
                align: 8,
                c: "GoSlice".into(),
            },
            _ if go.starts_with("map[") => s(8, "GoMap"),
            _ if go.starts_with("chan ") || go.starts_with("<-chan") => s(8, "GoChan"),
            _ if go.starts_with("func(") => s(8, "void*"),
            _ if go.starts_with("interface") => Shape {
                size: 16,
                align: 8,
                c: "GoInterface".into(),
            },
            _ if go.starts_with('*') => {
                let inner = self
                    .export_shape_at(&go[1..], depth)
                    .map(|s| s.c)
                    .unwrap_or("void".into());
                s(8, &format!("{inner}*"))
            }
            _ if go.starts_with("_Ctype_") => {
                let cname = &go["_Ctype_".len()..];
                let id = self
                    .entities
                    .get(cname)
                    .and_then(|e| match e {
                        Entity::Type(id) => Some(*id),
                        _ => None,
                    })
                    .ok_or_else(|| format!("unrecognized Go type {go}"))?;
                self.types.shape(id)?
            }
            // A type declaration not yet rewritten (`type T C.int` in a file after this one).
            _ if go.starts_with("C.") => {
                self.export_shape_at(&format!("_Ctype_{}", &go[2..]), depth)?
            }
            _ => match self.type_decls.get(go).cloned() {
                Some(under) if depth < 32 => self.export_shape_at(&under, depth + 1)?,
                _ => return Err(format!("unrecognized Go type {go}")),
            },
        })
    }
}
