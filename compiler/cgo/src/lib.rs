//! cgo for gorc: what the cgo tool does for gc, inside the compiler.
//!
//! For a package whose files import "C" (`process`), each such file a unit of its own, as in gc:
//!
//! 1. `preamble`: the file's preamble (the comment above `import "C"`) and its `#cgo`
//!    directives (flags, with build constraints: they are the package's).
//! 2. `rewrite::references`: every `C.name` of the file and how it is used.
//! 3. `probe`: what each name is (type, function, variable, constant), found by compiling
//!    probe files of the file's preamble with the C compiler and reading its diagnostics and
//!    DWARF (`ctype`).
//! 4. `gen`: Go declarations for them (`_Ctype_int`, `_Cfunc_f`, ...; `gotype` maps C types to
//!    Go), the C wrappers the Go side calls through the runtime's `gorc_cgocall`, and for
//!    `//export`ed functions `_cgo_export.h` and C stubs that enter Go through `crosscall2`.
//! 5. `rewrite::rewrite`: `C.name` becomes the generated name in the syntax tree, and the
//!    `import "C"` goes away; the generated Go file joins the package. `export`: `//export`.
//!
//! The driver compiles the C files with the package's flags and links them.

pub mod ctype;
mod dwarf;
mod export;
pub mod flags;
pub mod gen;
pub mod gotype;
pub mod preamble;
pub mod probe;
pub mod rewrite;

use gorc_syntax::{ast, NodeIds, Pos};
use std::collections::BTreeMap;

/// One Go file of the package.
pub struct SourceFile<'a> {
    pub file: &'a mut ast::File,
    /// The file's text (its positions are `base + offset`).
    pub src: &'a str,
    pub base: u32,
    /// The name the file is shown as (for `#line`).
    pub name: String,
}

pub struct Config<'a> {
    /// The package's import path as the go command prints it (`command-line-arguments`).
    pub display_path: &'a str,
    /// The C compiler command (`$CC`, default `cc`).
    pub cc: &'a str,
    /// The package's directory (`${SRCDIR}`).
    pub srcdir: &'a str,
    /// Whether a build tag holds (for `#cgo` constraints).
    pub tag_ok: &'a dyn Fn(&str) -> bool,
    /// Extra allowed/disallowed flag patterns from the environment (CGO_CFLAGS_ALLOW, ...).
    pub env: &'a dyn Fn(&str) -> Option<String>,
}

/// What the rest of the build needs from cgo.
pub struct Output {
    /// Go source of the generated declarations (`_cgo_gotypes.go`).
    pub go_source: String,
    /// C translation units: (file name, text).
    pub c_files: Vec<(String, String)>,
    /// `_cgo_export.h`, for the package's own C files (always written, as cgo does).
    pub export_h: String,
    /// The package has `//export` functions (a library's header is written only then).
    pub has_exports: bool,
    /// CPPFLAGS and CFLAGS for every C file of the package.
    pub cflags: Vec<String>,
    pub ldflags: Vec<String>,
}

pub enum Error {
    /// Positioned errors, gc's wording.
    At(Vec<(Pos, String)>),
    /// A message shown as is (the C compiler's own output, ...).
    Other(String),
}

/// Whether the file imports "C" (and where: the offset of the path literal in the source).
pub fn imports_c(f: &ast::File) -> Option<Pos> {
    f.imports
        .iter()
        .find(|i| i.path.raw == "\"C\"" || i.path.raw == "`C`")
        .map(|i| i.path.pos)
}

/// Runs cgo over the package's files that import "C" (others are left alone), rewriting them in
/// place. `import_path` names the package's symbols; `pkg_name` is its package clause.
pub fn process(
    import_path: &str,
    pkg_name: &str,
    files: Vec<SourceFile>,
    ids: &mut NodeIds,
    cfg: &Config,
) -> Result<Output, Error> {
    // 1. Preambles and flags.
    let mut preambles = Vec::new();
    let mut cflags = Vec::new();
    let mut ldflags = Vec::new();
    let mut errors = Vec::new();
    let mut files = files;
    // The files that import "C" (the import goes in the rewrite).
    let cgo_file: Vec<bool> = files.iter().map(|f| imports_c(f.file).is_some()).collect();
    for f in &files {
        let Some(pos) = imports_c(f.file) else {
            continue;
        };
        let off = (pos.0 - f.base) as usize;
        match preamble::extract(f.src, off, cfg.srcdir, cfg.tag_ok) {
            Ok(p) => {
                for d in &p.directives {
                    if let Err(msg) = flags::check(&d.var, &d.values, cfg.env) {
                        return Err(Error::Other(format!(
                            "go build {}: {msg}",
                            cfg.display_path
                        )));
                    }
                    match d.var.as_str() {
                        "CFLAGS" | "CPPFLAGS" => cflags.extend(d.values.iter().cloned()),
                        "LDFLAGS" => ldflags.extend(d.values.iter().cloned()),
                        "pkg-config" => match flags::pkg_config(&d.values) {
                            Ok((c, l)) => {
                                cflags.extend(c);
                                ldflags.extend(l);
                            }
                            Err(msg) => {
                                return Err(Error::Other(format!(
                                    "go build {}: {msg}",
                                    cfg.display_path
                                )))
                            }
                        },
                        _ => {}
                    }
                }
                preambles.push((f.name.clone(), p));
            }
            Err((line, msg)) => errors.push((line_pos(f.src, f.base, line), msg)),
        }
    }
    if !errors.is_empty() {
        return Err(Error::At(errors));
    }
    // The names are looked up with the flags the package's C is compiled with: the
    // environment's (CGO_CPPFLAGS, CGO_CFLAGS), then the #cgo lines'.
    let mut probe_flags = Vec::new();
    for var in ["CGO_CPPFLAGS", "CGO_CFLAGS"] {
        if let Some(v) = (cfg.env)(var) {
            probe_flags.extend(preamble::split_quoted(&v).unwrap_or_default());
        }
    }
    probe_flags.extend(cflags.iter().cloned());

    // 2, 3. Each file is a unit, as in gc: its names are looked up in its own preamble.
    let mut units = Vec::new();
    let mut unknown = Vec::new();
    // `preambles` holds the cgo files' preambles in order.
    let cgo_files = (0..files.len()).filter(|&fi| cgo_file[fi]);
    for (unit, fi) in cgo_files.enumerate() {
        let f = &mut files[fi];
        let (uses, first_use) = names_used(f.file);
        let mut names: Vec<String> = uses
            .keys()
            .filter(|n| !gen::HELPERS.contains(&n.as_str()))
            .cloned()
            .collect();
        if uses.keys().any(|n| gen::HELPERS.contains(&n.as_str())) {
            for n in ["char", "int", "size_t"] {
                if !names.iter().any(|x| x == n) {
                    names.push(n.to_string());
                }
            }
        }
        let preamble_c = format!(
            "{}{}",
            gen::BUILTIN_PROLOG,
            preambles_text(&preambles[unit..unit + 1], |_| true)
        );
        let probed = if names.is_empty() {
            probe::Probed {
                types: Default::default(),
                entities: Vec::new(),
            }
        } else {
            let input = probe::ProbeInput {
                cc: cfg.cc,
                dir: std::path::Path::new(cfg.srcdir),
                cflags: &probe_flags,
                preamble: &preamble_c,
                names: &names,
            };
            match probe::probe(&input) {
                Ok(p) => p,
                Err(probe::ProbeError::Compiler(msg)) => {
                    return Err(Error::Other(format!(
                        "# {}\n{}",
                        cfg.display_path,
                        msg.trim_end()
                    )))
                }
                Err(probe::ProbeError::Other(msg)) => return Err(Error::Other(msg)),
                Err(probe::ProbeError::Unknown(names)) => {
                    for n in names {
                        unknown.push((
                            first_use.get(&n).copied().unwrap_or(Pos::NONE),
                            format!("could not determine kind of name for C.{n}"),
                        ));
                    }
                    continue;
                }
            }
        };
        units.push(Unit {
            file: fi,
            uses,
            first_use,
            preamble_c,
            probed,
        });
    }
    if !unknown.is_empty() {
        unknown.sort_by_key(|e| e.0);
        return Err(Error::At(unknown));
    }

    // 4, 5. Per unit: the declarations its names need, the rewrite, its exports; its C.
    let mut g = gen::Generator::new(import_path);
    for f in files.iter() {
        for d in &f.file.decls {
            if let ast::Decl::Type(specs) = d {
                for spec in specs {
                    g.type_decls
                        .insert(spec.name.name.clone(), gorc_syntax::expr_string(&spec.ty));
                }
            }
        }
    }
    let mut exports = export::Exports::default();
    let mut c_files = Vec::new();
    let mut errors = Vec::new();
    for u in &units {
        g.begin_unit(&u.probed.types, &u.probed.entities);
        if let Err((name, m)) = g.declare_all(&u.uses) {
            let pos = u.first_use.get(&name).or(u.first_use.values().next());
            return Err(Error::At(vec![(pos.copied().unwrap_or(Pos::NONE), m)]));
        }
        let f = &mut files[u.file];
        // What each (name, use) of the file becomes, or why it cannot.
        let mut resolved: BTreeMap<(String, rewrite::Use), Result<rewrite::Replacement, String>> =
            BTreeMap::new();
        for (name, _pos, use_) in rewrite::references(f.file) {
            resolved
                .entry((name.clone(), use_))
                .or_insert_with(|| g.target(&name, use_));
        }
        for ((name, _), r) in &resolved {
            if let Err(m) = r {
                errors.push((
                    u.first_use.get(name).copied().unwrap_or(Pos::NONE),
                    m.clone(),
                ));
            }
        }
        rewrite::rewrite(f.file, ids, &|name, use_| {
            match resolved.get(&(name.to_string(), use_)) {
                Some(Ok(r)) => r.clone(),
                // Reported: the build stops before anything checks this name.
                _ => rewrite::Replacement::Ident(format!("_Cbad_{name}")),
            }
        });
        f.file
            .imports
            .retain(|i| i.path.raw != "\"C\"" && i.path.raw != "`C`");
        // The exports' signatures name the rewritten types.
        export::collect(f.file, &f.name, &mut g, &mut exports, &mut errors);
        let stem = std::path::Path::new(&f.name)
            .file_stem()
            .map_or("cgo".into(), |s| s.to_string_lossy().into_owned());
        c_files.push((
            format!("{stem}.cgo2.c"),
            format!(
                "/* Code generated by gorc's cgo; DO NOT EDIT. */\n\n{}\n#line 1 \"cgo-generated-wrappers\"\n#include <errno.h>\n\n{}",
                u.preamble_c,
                g.end_unit()
            ),
        ));
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.0);
        errors.dedup();
        return Err(Error::At(errors));
    }

    let go_source = g.go_file(pkg_name);
    // As with gc, the header carries the preambles of the files that export (the package's C
    // files include it: other files' definitions would be defined twice).
    let header_preamble =
        preambles_text(&preambles, |name| exports.files.iter().any(|n| n == name));
    let header = format!(
        "/* Code generated by gorc's cgo; DO NOT EDIT. */\n\n{prologue}\n/* Start of preamble from import \"C\" comments.  */\n{header_preamble}\n/* End of preamble from import \"C\" comments.  */\n\n#ifdef __cplusplus\nextern \"C\" {{\n#endif\n\nextern void crosscall2(void (*fn)(void *), void *a, int c, size_t ctxt);\n\n{}\n#ifdef __cplusplus\n}}\n#endif\n",
        exports.h,
        prologue = gen::PROLOGUE_H,
    );
    if !exports.c.is_empty() {
        c_files.push((
            "_cgo_export.c".to_string(),
            format!(
                "/* Code generated by gorc's cgo; DO NOT EDIT. */\n\n#include \"_cgo_export.h\"\n\n{}",
                exports.c
            ),
        ));
    }
    Ok(Output {
        go_source,
        c_files,
        export_h: header,
        has_exports: !exports.files.is_empty(),
        cflags,
        ldflags,
    })
}

/// One file that imports "C": the names it uses, what its preamble says they are.
struct Unit {
    /// Index in the package's files.
    file: usize,
    uses: BTreeMap<String, gen::NameUse>,
    first_use: BTreeMap<String, Pos>,
    /// The builtin prolog and the file's preamble: the start of its C translation unit.
    preamble_c: String,
    probed: probe::Probed,
}

/// The `C.name`s of a file, how each is used, and where first.
fn names_used(file: &mut ast::File) -> (BTreeMap<String, gen::NameUse>, BTreeMap<String, Pos>) {
    let mut uses: BTreeMap<String, gen::NameUse> = BTreeMap::new();
    let mut first_use = BTreeMap::new();
    for (name, pos, u) in rewrite::references(file) {
        let e = uses.entry(name.clone()).or_default();
        match u {
            rewrite::Use::Call => e.called = true,
            rewrite::Use::Call2 => e.called2 = true,
            rewrite::Use::Other => e.other = true,
        }
        first_use.entry(name).or_insert(pos);
    }
    (uses, first_use)
}

/// The position of the start of 1-based line `line` of a file.
fn line_pos(src: &str, base: u32, line: u32) -> Pos {
    let mut off = 0usize;
    for _ in 1..line {
        match src[off..].find('\n') {
            Some(i) => off += i + 1,
            None => break,
        }
    }
    Pos(base + off as u32)
}

/// The preambles of the files `keep` accepts, each after a `#line` pointing into its file.
fn preambles_text(
    preambles: &[(String, preamble::Preamble)],
    keep: impl Fn(&str) -> bool,
) -> String {
    let mut text = String::new();
    for (name, p) in preambles.iter().filter(|(n, _)| keep(n)) {
        if p.line > 0 {
            text.push_str(&format!("#line {} \"{}\"\n", p.line, name));
        }
        text.push_str(&p.text);
        if !text.ends_with('\n') {
            text.push('\n');
        }
    }
    text
}
