//! Finding and parsing the packages of a program, as the go command does in module mode: the
//! module is the nearest `go.mod` at or above the working directory (or the named directory),
//! import paths under its `module` path are directories of the module, and the standard
//! packages come from gorc's own stdlib/ (embedded in the binary, or the directory named by
//! `GORC_STDLIB`, handy when working on the standard packages).
//!
//! Loading is depth-first from the root package; a package is appended to the result after the
//! packages it imports, so the result is in an order the type checker can take them in, and a
//! package met again while it is still being loaded is an import cycle.

use crate::driver::Error;
use gorc_syntax::{ast, FileSet, NodeIds, Pos};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The standard packages' sources, embedded by build.rs: (path under stdlib/, text).
static STDLIB_FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/stdlib_files.rs"));

/// The import path the go command gives a package made of files named on the command line.
pub const COMMAND_LINE_PATH: &str = "command-line-arguments";

/// The main module: the directory holding `go.mod` and the module path it declares.
#[derive(Clone, Debug)]
pub struct Module {
    pub root: PathBuf,
    pub path: String,
}

impl Module {
    /// The directory of the package with import path `path`, if the module holds it.
    pub fn dir_of(&self, path: &str) -> Option<PathBuf> {
        let rel = if path == self.path {
            ""
        } else {
            path.strip_prefix(&self.path)?.strip_prefix('/')?
        };
        Some(self.root.join(rel))
    }
}

/// The nearest `go.mod` at or above `start`, if any.
pub fn find_module(start: &Path) -> Result<Option<Module>, Error> {
    let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    let mut dir = Some(start.as_path());
    while let Some(d) = dir {
        let gomod = d.join("go.mod");
        if gomod.is_file() {
            let text = std::fs::read_to_string(&gomod)
                .map_err(|e| Error::Other(format!("go: reading {}: {e}", gomod.display())))?;
            let path = module_path(&text).ok_or_else(|| {
                Error::Other(format!(
                    "go: error reading {}: no module declaration in go.mod",
                    gomod.display()
                ))
            })?;
            return Ok(Some(Module {
                root: d.to_path_buf(),
                path,
            }));
        }
        dir = d.parent();
    }
    Ok(None)
}

/// The path of go.mod's `module` directive (quoted or not, comments allowed).
fn module_path(gomod: &str) -> Option<String> {
    gomod.lines().find_map(|l| {
        let l = l.split("//").next().unwrap_or("").trim();
        let rest = l.strip_prefix("module")?;
        if !rest.starts_with(char::is_whitespace) {
            return None;
        }
        let p = rest.trim().trim_matches('"');
        (!p.is_empty()).then(|| p.to_string())
    })
}

/// What the command line names as the package to build.
pub enum Root {
    /// .go files of one package.
    Files(Vec<String>),
    /// A directory.
    Dir(PathBuf),
}

/// A parsed package.
pub struct LoadedPackage {
    /// The path the checker and the symbols use: `main` for a main package, else the import
    /// path.
    pub path: String,
    /// The import path the go command would print (`command-line-arguments` for files).
    pub import_path: String,
    pub name: String,
    pub files: Vec<ast::File>,
    /// What cgo made of the package's `import "C"` files, if it has any.
    pub cgo: Option<CgoBuild>,
}

/// A cgo package's C side, for the driver to compile and link.
pub struct CgoBuild {
    pub import_path: String,
    /// The package's directory (`${SRCDIR}`, and where its own C files are).
    pub srcdir: PathBuf,
    pub out: gorc_cgo::Output,
    /// The package's own `.c` and `.S` files (for a package loaded from a directory; the go
    /// command ignores them when files are named on the command line).
    pub c_sources: Vec<PathBuf>,
}

/// A program's packages, each after the packages it imports (the root last).
pub struct Loaded {
    pub fset: FileSet,
    pub packages: Vec<LoadedPackage>,
}

struct Loader {
    fset: FileSet,
    ids: NodeIds,
    module: Option<Module>,
    cwd: PathBuf,
    /// Import path → index in `done`.
    index: HashMap<String, usize>,
    done: Vec<LoadedPackage>,
    /// Import paths being loaded, outermost first (for cycle reports).
    stack: Vec<String>,
}

/// Loads the root package and, transitively, every package it imports.
pub fn load(root: &Root) -> Result<Loaded, Error> {
    let cwd = std::env::current_dir().map_err(|e| Error::Other(format!("go: {e}")))?;
    let module = match root {
        Root::Dir(d) => find_module(d)?,
        Root::Files(_) => find_module(&cwd)?,
    };
    let mut l = Loader {
        fset: FileSet::new(),
        ids: NodeIds::default(),
        module,
        cwd,
        index: HashMap::new(),
        done: Vec::new(),
        stack: Vec::new(),
    };
    let (import_path, sources) = match root {
        Root::Files(files) => {
            let mut srcs = Vec::new();
            for f in files {
                let text = std::fs::read_to_string(f)
                    .map_err(|e| Error::Other(format!("open {f}: {e}")))?;
                srcs.push((f.clone(), text));
            }
            (COMMAND_LINE_PATH.to_string(), srcs)
        }
        Root::Dir(d) => {
            let srcs = dir_sources(d, &l.cwd)?;
            if srcs.is_empty() {
                return Err(Error::Other(format!(
                    "no Go files in {}",
                    absolute(d).display()
                )));
            }
            (l.dir_import_path(d), srcs)
        }
    };
    let dir = match root {
        Root::Dir(d) => Some(d.clone()),
        Root::Files(_) => None,
    };
    l.load_package(&import_path, sources, dir)?;
    Ok(Loaded {
        fset: l.fset,
        packages: l.done,
    })
}

impl Loader {
    /// The import path of a directory: under the module's root, the module path joined with
    /// the relative directory; elsewhere the go command's `command-line-arguments`.
    fn dir_import_path(&self, dir: &Path) -> String {
        let abs = absolute(dir);
        if let Some(m) = &self.module {
            if let Ok(rel) = abs.strip_prefix(&m.root) {
                let rel = rel.to_string_lossy();
                return if rel.is_empty() {
                    m.path.clone()
                } else {
                    format!("{}/{}", m.path, rel)
                };
            }
        }
        COMMAND_LINE_PATH.to_string()
    }

    /// Parses a package's files, loads its imports first, then records it.
    fn load_package(
        &mut self,
        import_path: &str,
        sources: Vec<(String, String)>,
        dir: Option<PathBuf>,
    ) -> Result<usize, Error> {
        let mut files = Vec::new();
        let mut file_ids = Vec::new();
        let mut syntax = Vec::new();
        for (name, text) in sources {
            let id = self.fset.add(name, text);
            match gorc_syntax::parse_file(&self.fset, id, &mut self.ids) {
                Ok(f) => {
                    files.push(f);
                    file_ids.push(id);
                }
                Err(errs) => syntax.extend(errs.into_iter().map(|e| (e.pos, e.msg))),
            }
        }
        if !syntax.is_empty() {
            return Err(crate::driver::render(&self.fset, syntax));
        }
        let uses_cgo = files.iter().any(|f| gorc_cgo::imports_c(f).is_some());
        if uses_cgo && !crate::buildtags::cgo_enabled() {
            // Files that import "C" carry an implicit `cgo` build constraint.
            let keep: Vec<bool> = files
                .iter()
                .map(|f| gorc_cgo::imports_c(f).is_none())
                .collect();
            let mut k = keep.iter();
            files.retain(|_| *k.next().unwrap_or(&true));
            let mut k = keep.iter();
            file_ids.retain(|_| *k.next().unwrap_or(&true));
            if files.is_empty() {
                let d = dir.clone().unwrap_or_else(|| PathBuf::from("."));
                return Err(Error::Other(format!(
                    "package {import_path}: build constraints exclude all Go files in {}",
                    absolute(&d).display()
                )));
            }
        }
        let uses_cgo = uses_cgo && crate::buildtags::cgo_enabled();
        let name = self.package_name(&files)?;
        self.stack.push(import_path.to_string());
        // Every import, in source order, each reported at its first use.
        let mut imports: Vec<(String, Pos)> = Vec::new();
        for f in &files {
            for imp in &f.imports {
                let path = gorc_syntax::literal::parse_string(&imp.path.raw)
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .unwrap_or_default();
                if path != "unsafe"
                    && path != "C"
                    && !path.is_empty()
                    && !imports.iter().any(|i| i.0 == path)
                {
                    imports.push((path, imp.path.pos));
                }
            }
        }
        // cgo's generated declarations use package syscall (errno as syscall.Errno).
        if uses_cgo && !imports.iter().any(|i| i.0 == "syscall") {
            imports.push(("syscall".to_string(), Pos::NONE));
        }
        let mut errors = Vec::new();
        for (path, pos) in imports {
            if self.stack.contains(&path) {
                let mut msg = format!("package {}", self.stack[0]);
                for p in &self.stack[1..] {
                    msg.push_str(&format!("\n\timports {p}"));
                }
                msg.push_str(&format!("\n\timports {path}: import cycle not allowed"));
                return Err(Error::Other(msg));
            }
            if self.index.contains_key(&path) {
                continue;
            }
            match self.find_import(&path) {
                Ok((srcs, dir)) => {
                    let i = self.load_package(&path, srcs, dir)?;
                    if self.done[i].name == "main" {
                        errors.push((
                            pos,
                            format!("import \"{path}\" is a program, not an importable package"),
                        ));
                    }
                }
                Err(msg) => errors.push((pos, msg)),
            }
        }
        self.stack.pop();
        if !errors.is_empty() {
            return Err(crate::driver::render(&self.fset, errors));
        }
        let path = if name == "main" {
            "main".to_string()
        } else {
            import_path.to_string()
        };
        let cgo = if uses_cgo {
            Some(self.run_cgo(import_path, &path, &name, &mut files, &file_ids, dir)?)
        } else {
            None
        };
        self.done.push(LoadedPackage {
            path,
            import_path: import_path.to_string(),
            name,
            files,
            cgo,
        });
        let i = self.done.len() - 1;
        self.index.insert(import_path.to_string(), i);
        Ok(i)
    }

    /// Runs cgo over a package's files (rewriting their `C.name`s) and adds the generated Go
    /// file to them. `symbols` is the path the package's symbols are qualified with.
    fn run_cgo(
        &mut self,
        import_path: &str,
        symbols: &str,
        pkg_name: &str,
        files: &mut Vec<ast::File>,
        file_ids: &[gorc_syntax::FileId],
        dir: Option<PathBuf>,
    ) -> Result<CgoBuild, Error> {
        let first = &self.fset.file(file_ids[0]).path;
        let srcdir = match &dir {
            Some(d) => absolute(d),
            None => absolute(Path::new(first).parent().unwrap_or(Path::new("."))),
        };
        let srcdir = if srcdir.as_os_str().is_empty() {
            absolute(Path::new("."))
        } else {
            srcdir
        };
        let cc = crate::driver::cc();
        let srcdir_str = srcdir.to_string_lossy().into_owned();
        let env = |k: &str| std::env::var(k).ok();
        let cfg = gorc_cgo::Config {
            display_path: import_path,
            cc: &cc,
            srcdir: &srcdir_str,
            tag_ok: &crate::buildtags::tag_true,
            env: &env,
        };
        let fset = &self.fset;
        let sources: Vec<gorc_cgo::SourceFile> = files
            .iter_mut()
            .zip(file_ids)
            .map(|(f, &id)| {
                let sf = fset.file(id);
                gorc_cgo::SourceFile {
                    file: f,
                    src: &sf.src,
                    base: sf.base,
                    name: sf.path.clone(),
                }
            })
            .collect();
        let out = gorc_cgo::process(symbols, pkg_name, sources, &mut self.ids, &cfg).map_err(
            |e| match e {
                gorc_cgo::Error::At(list) => crate::driver::render(&self.fset, list),
                gorc_cgo::Error::Other(msg) => Error::Other(msg),
            },
        )?;
        let id = self.fset.add("_cgo_gotypes.go", out.go_source.clone());
        match gorc_syntax::parse_file(&self.fset, id, &mut self.ids) {
            Ok(f) => files.push(f),
            Err(errs) => {
                let msgs = errs.into_iter().map(|e| (e.pos, e.msg)).collect();
                let Error::Diagnostics(lines) = crate::driver::render(&self.fset, msgs) else {
                    unreachable!()
                };
                return Err(Error::Other(format!(
                    "gorc: internal compiler error: cgo's generated Go does not parse:\n{}",
                    lines.join("\n")
                )));
            }
        }
        let c_sources = match &dir {
            Some(d) => c_files(d),
            None => Vec::new(),
        };
        Ok(CgoBuild {
            import_path: import_path.to_string(),
            srcdir,
            out,
            c_sources,
        })
    }

    /// The package clause all files agree on.
    fn package_name(&self, files: &[ast::File]) -> Result<String, Error> {
        let first = &files[0];
        for f in &files[1..] {
            if f.package.name != first.package.name {
                let file_name = |f: &ast::File| {
                    let p = self.fset.position(f.pos).file;
                    Path::new(&p)
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or(p)
                };
                let dir = Path::new(&self.fset.position(first.pos).file)
                    .parent()
                    .map(absolute)
                    .unwrap_or_default();
                return Err(Error::Other(format!(
                    "found packages {} ({}) and {} ({}) in {}",
                    first.package.name,
                    file_name(first),
                    f.package.name,
                    file_name(f),
                    dir.display()
                )));
            }
        }
        Ok(first.package.name.clone())
    }

    /// The sources of the package an import path names, or the go command's message.
    fn find_import(&self, path: &str) -> Result<(Vec<(String, String)>, Option<PathBuf>), String> {
        // The main module first: its path need not contain a dot (`module myapp`).
        if let Some(m) = &self.module {
            if let Some(dir) = m.dir_of(path) {
                return match dir_sources(&dir, &self.cwd) {
                    Ok(srcs) if !srcs.is_empty() => Ok((srcs, Some(dir))),
                    _ => Err(not_provided(path)),
                };
            }
        }
        let first = path.split('/').next().unwrap_or("");
        if !first.contains('.') {
            // A standard package (the go command's rule: no dot in the first element).
            return std_sources(path)
                .map(|s| (s, None))
                .ok_or_else(|| format!("package {path} is not in GOROOT ({})", std_dir(path)));
        }
        if self.module.is_none() {
            return Err(format!(
                "cannot find package \"{path}\" (go.mod file not found in current directory or any parent directory)"
            ));
        }
        Err(not_provided(path))
    }
}

/// The go command's message for an import no module provides.
fn not_provided(path: &str) -> String {
    format!("no required module provides package {path}; to add it:\n\tgo get {path}")
}

/// The non-test .go files of a directory, sorted, named relative to `cwd` when below it (as
/// the go command names them in messages).
pub fn dir_sources(dir: &Path, cwd: &Path) -> Result<Vec<(String, String)>, Error> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| Error::Other(format!("{}: {e}", dir.display())))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            is_go_source(name) && p.is_file()
        })
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p)
            .map_err(|e| Error::Other(format!("open {}: {e}", p.display())))?;
        if !crate::buildtags::file_matches(&text) {
            continue;
        }
        let abs = absolute(&p);
        let shown = match abs.strip_prefix(cwd) {
            Ok(rel) => rel.to_string_lossy().into_owned(),
            Err(_) => abs.to_string_lossy().into_owned(),
        };
        out.push((shown, text));
    }
    Ok(out)
}

/// The C and assembly files of a cgo package's directory that the go command compiles with it
/// (`.c`, `.S`, `.s`... here `.c` and `.S`), chosen by the same name and `//go:build` rules.
fn c_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
            matches!(ext, "c" | "S")
                && !name.starts_with('.')
                && !name.starts_with('_')
                && crate::buildtags::name_matches(stem)
                && std::fs::read_to_string(p).is_ok_and(|t| crate::buildtags::file_matches(&t))
        })
        .collect();
    out.sort();
    out
}

/// A .go file the go command builds on linux/amd64: not a test, not hidden, and without an
/// `_os`/`_arch` suffix for another system.
fn is_go_source(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".go") else {
        return false;
    };
    if stem.ends_with("_test") || name.starts_with('.') || name.starts_with('_') {
        return false;
    }
    crate::buildtags::name_matches(stem)
}

/// A standard package's files: from `GORC_STDLIB` when set, else the embedded copy.
fn std_sources(path: &str) -> Option<Vec<(String, String)>> {
    if let Some(dir) = std::env::var_os("GORC_STDLIB") {
        let d = PathBuf::from(dir).join(path);
        let srcs = dir_sources(&d, Path::new("/")).ok()?;
        // Shown by absolute path, as gc shows GOROOT files.
        let srcs: Vec<_> = srcs
            .into_iter()
            .map(|(n, t)| (format!("/{n}"), t))
            .collect();
        return (!srcs.is_empty()).then_some(srcs);
    }
    let stdlib_dir = env!("GORC_STDLIB_DIR");
    let mut out = Vec::new();
    for (rel, text) in STDLIB_FILES {
        let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
        let stem = name.strip_suffix(".go").unwrap_or(name);
        if dir == path
            && crate::buildtags::name_matches(stem)
            && crate::buildtags::file_matches(text)
        {
            out.push((format!("{stdlib_dir}/{rel}"), text.to_string()));
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Where the standard package `path` would be (for messages).
fn std_dir(path: &str) -> String {
    match std::env::var_os("GORC_STDLIB") {
        Some(d) => PathBuf::from(d).join(path).display().to_string(),
        None => format!("{}/{path}", env!("GORC_STDLIB_DIR")),
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// The package directories a `dir/...` pattern matches: `dir` and every directory below it
/// holding .go files, skipping `testdata`, names starting with `.` or `_`, and nested
/// modules, as the go command does.
pub fn expand_dots(base: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![base.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        let mut has_go = false;
        let mut subdirs = Vec::new();
        for e in entries.filter_map(|e| e.ok()) {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if p.is_dir() {
                if name.starts_with('.') || name.starts_with('_') || name == "testdata" {
                    continue;
                }
                if p.join("go.mod").exists() {
                    continue;
                }
                subdirs.push(p);
            } else if is_go_source(&name) {
                has_go = true;
            }
        }
        if has_go {
            out.push(d.clone());
        }
        subdirs.sort();
        subdirs.reverse();
        stack.extend(subdirs);
    }
    out.sort();
    out
}
