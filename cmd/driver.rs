//! From the command line's paths to an executable: load the files, parse, check, generate
//! code, link with the embedded runtime.

use crate::load::{self, Root};
use gorc_syntax::FileSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The runtime static library, built by build.rs and carried inside the gorc binary.
static RUNTIME_LIB: &[u8] = include_bytes!(env!("GORC_RT_LIB"));

pub enum Error {
    /// Compile errors, already formatted as `file:line:col: message`.
    Diagnostics(Vec<String>),
    /// Anything else (unreadable file, linker failure), one message.
    Other(String),
}

impl Error {
    /// Prints the error the way the go command does and returns exit status 1.
    pub fn report(self) -> ExitCode {
        match self {
            Error::Diagnostics(lines) => {
                for l in lines {
                    eprintln!("{l}");
                }
            }
            Error::Other(msg) => eprintln!("{msg}"),
        }
        ExitCode::from(1)
    }
}

pub fn cc() -> String {
    std::env::var("CC").unwrap_or_else(|_| "cc".into())
}

/// `gorc run a.go b.go -x y` runs a.go and b.go with arguments `-x y`; `gorc run dir args`
/// runs the package in dir.
pub fn split_run_args(args: &[String]) -> (Vec<String>, Vec<String>) {
    let n = args.iter().take_while(|a| a.ends_with(".go")).count();
    if n > 0 {
        (args[..n].to_vec(), args[n..].to_vec())
    } else {
        (args[..1].to_vec(), args[1..].to_vec())
    }
}

/// What one command-line argument list names: files of one package, or packages.
fn roots(args: &[String]) -> Result<Vec<Root>, Error> {
    if args.iter().any(|a| a.ends_with(".go")) {
        if let Some(p) = args.iter().find(|a| !a.ends_with(".go")) {
            return Err(Error::Other(format!("named files must be .go files: {p}")));
        }
        return Ok(vec![Root::Files(args.to_vec())]);
    }
    let mut out = Vec::new();
    for a in args {
        if let Some(base) = a.strip_suffix("/...").or((a == "...").then_some(".")) {
            let base = if base.is_empty() { "/" } else { base };
            let dirs = load::expand_dots(Path::new(base));
            if dirs.is_empty() {
                eprintln!("go: warning: \"{a}\" matched no packages");
            }
            out.extend(dirs.into_iter().map(Root::Dir));
        } else if is_local_path(a) || Path::new(a).is_dir() {
            out.push(Root::Dir(PathBuf::from(a)));
        } else {
            // An import path in the main module.
            let cwd = std::env::current_dir().map_err(|e| Error::Other(e.to_string()))?;
            let module = load::find_module(&cwd)?;
            let dir = module.and_then(|m| m.dir_of(a));
            match dir {
                Some(d) => out.push(Root::Dir(d)),
                None => return Err(Error::Other(format!("package {a} is not in GOROOT"))),
            }
        }
    }
    Ok(out)
}

/// `.`, `..`, and paths starting with `./`, `../` or `/` name directories, as for the go
/// command; anything else is an import path.
fn is_local_path(a: &str) -> bool {
    a == "." || a == ".." || a.starts_with("./") || a.starts_with("../") || a.starts_with('/')
}

/// `gorc build`: one main package is linked to `out` (default: named after the files or the
/// package, as the go command names it); several packages, or a package that is not a
/// command, are compiled and the results discarded.
pub fn build_command(args: &[String], out: Option<PathBuf>) -> Result<(), Error> {
    let roots = roots(args)?;
    let single = roots.len() == 1;
    for root in &roots {
        let program = compile_guarded(root)?;
        if single && program.is_command {
            let out = out
                .clone()
                .unwrap_or_else(|| default_output(root, &program));
            link(&program, &out)?;
        }
    }
    Ok(())
}

/// `gorc run`: builds the one main package the arguments name into `exe`.
pub fn build_for_run(args: &[String], exe: &Path) -> Result<(), Error> {
    let roots = roots(args)?;
    let [root] = &roots[..] else {
        return Err(Error::Other(
            "go: cannot run *_test.go files or several packages".into(),
        ));
    };
    let program = compile_guarded(root)?;
    if !program.is_command {
        return Err(Error::Other(format!(
            "package {} is not a main package",
            program.import_path
        )));
    }
    link(&program, exe)
}

/// The executable's default name: the first file's stem, or the last element of the
/// package's import path (the directory's name outside a module).
fn default_output(root: &Root, program: &Compiled) -> PathBuf {
    match root {
        Root::Files(files) => {
            let stem = Path::new(&files[0]).file_stem().map(|s| s.to_os_string());
            PathBuf::from(stem.unwrap_or_else(|| "a.out".into()))
        }
        Root::Dir(d) => {
            if program.import_path != load::COMMAND_LINE_PATH {
                let last = program.import_path.rsplit('/').next().unwrap_or("a.out");
                return PathBuf::from(last);
            }
            let name = std::fs::canonicalize(d)
                .ok()
                .and_then(|p| p.file_name().map(|s| s.to_os_string()));
            PathBuf::from(name.unwrap_or_else(|| "a.out".into()))
        }
    }
}

/// A compiled program: the object file of all its packages.
struct Compiled {
    object: Vec<u8>,
    /// The C halves of the program's cgo packages.
    cgo: Vec<load::CgoBuild>,
    /// The root package is `package main`.
    is_command: bool,
    import_path: String,
}

/// Compiles a program; a panic anywhere in the compiler is reported as an internal compiler
/// error (a bug to fix), never as a Rust panic message.
fn compile_guarded(root: &Root) -> Result<Compiled, Error> {
    thread_local! {
        static WHERE: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    std::panic::set_hook(Box::new(|info| {
        let loc = info.location().map(|l| l.to_string()).unwrap_or_default();
        WHERE.with(|w| *w.borrow_mut() = loc);
    }));
    match std::panic::catch_unwind(|| compile(root)) {
        Ok(r) => r,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<String>()
                .map(|s| s.as_str())
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("unknown panic");
            let loc = WHERE.with(|w| w.borrow().clone());
            Err(Error::Other(format!(
                "gorc: internal compiler error: {msg} (at {loc})"
            )))
        }
    }
}

/// Loads, checks and compiles the program rooted at `root`.
fn compile(root: &Root) -> Result<Compiled, Error> {
    let loaded = load::load(root)?;
    let fset = loaded.fset;
    let mut prog = gorc_types::Program::new();
    for p in &loaded.packages {
        prog.check_package(&fset, &p.path, &p.files).map_err(|ds| {
            // The go command names the failing package first when it is not the root.
            render(&fset, ds.into_iter().map(|d| (d.pos, d.msg)).collect())
        })?;
    }
    let root_pkg = loaded.packages.last().expect("the root package is loaded");
    let is_command = root_pkg.name == "main";
    let import_path = root_pkg.import_path.clone();
    let mut cgo = Vec::new();
    let mut files: Vec<gorc_syntax::ast::File> = Vec::new();
    for p in loaded.packages {
        files.extend(p.files);
        cgo.extend(p.cgo);
    }
    let object = gorc_codegen::compile_program(&fset, &files, &prog).map_err(|e| {
        Error::Other(format!(
            "{}: internal compiler error: {}",
            fset.position(e.pos),
            e.msg
        ))
    })?;
    Ok(Compiled {
        object,
        cgo,
        is_command,
        import_path,
    })
}

/// Sorts diagnostics by position and formats them as gc does; gc stops after 10.
pub fn render(fset: &FileSet, mut diags: Vec<(gorc_syntax::Pos, String)>) -> Error {
    diags.sort_by_key(|d| d.0);
    let mut lines = Vec::new();
    for (i, (pos, msg)) in diags.iter().enumerate() {
        if i == 10 {
            lines.push(format!("{}: too many errors", fset.position(*pos)));
            break;
        }
        lines.push(format!("{}: {}", fset.position(*pos), msg));
    }
    Error::Diagnostics(lines)
}

fn link(program: &Compiled, out: &Path) -> Result<(), Error> {
    let object = &program.object;
    let dir = tempfile::Builder::new()
        .prefix("gorc-build")
        .tempdir()
        .map_err(|e| Error::Other(format!("creating a temporary directory: {e}")))?;
    // `-o /dev/null` (or any other non-regular file) means "build, then discard", as with the
    // go command: the linker would otherwise replace the device node with a file.
    let discard = dir.path().join("discarded");
    let out = match std::fs::metadata(out) {
        Ok(m) if !m.is_file() && !m.is_dir() => discard.as_path(),
        _ => out,
    };
    let obj_path = dir.path().join("main.o");
    let rt_path = dir.path().join("libgorc_rt.a");
    std::fs::write(&obj_path, object).map_err(|e| Error::Other(e.to_string()))?;
    std::fs::write(&rt_path, RUNTIME_LIB).map_err(|e| Error::Other(e.to_string()))?;
    let mut c_objects = Vec::new();
    let mut ldflags = Vec::new();
    for (i, pkg) in program.cgo.iter().enumerate() {
        let work = dir.path().join(format!("cgo{i}"));
        std::fs::create_dir_all(&work).map_err(|e| Error::Other(e.to_string()))?;
        c_objects.extend(crate::cgobuild::compile_c(pkg, &work)?);
        ldflags.extend(pkg.out.ldflags.iter().cloned());
    }
    ldflags.extend(crate::cgobuild::env_flags("CGO_LDFLAGS"));
    // `-z now`: every dynamic symbol is bound at startup. A lazily bound PLT slot would run
    // the dynamic linker's resolver on whatever stack made the first call — a goroutine's
    // small segment, whose guard area the resolver's register save overflows.
    let output = std::process::Command::new(cc())
        .arg("-no-pie")
        .arg("-Wl,-z,now")
        .arg("-o")
        .arg(out)
        .arg(&obj_path)
        .args(&c_objects)
        .arg(&rt_path)
        .args(&ldflags)
        .args(["-lpthread", "-ldl", "-lm", "-lrt", "-lgcc_s", "-lc"])
        .output()
        .map_err(|e| Error::Other(format!("running {}: {e}", cc())))?;
    if !output.status.success() {
        return Err(Error::Other(format!(
            "link failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    Ok(())
}
