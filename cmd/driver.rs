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

/// The C compiler as the user names it: `$CC` (which may carry arguments, `gcc -m64`), else
/// `cc`.
pub fn cc() -> String {
    std::env::var("CC")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .unwrap_or_else(|| "cc".into())
}

/// A command running the C compiler: `$CC`'s first word, with its other words as the first
/// arguments.
pub fn cc_command() -> std::process::Command {
    let words = gorc_cgo::preamble::split_quoted(&cc()).unwrap_or_default();
    let (prog, args) = words
        .split_first()
        .map_or(("cc", &[][..]), |(p, a)| (p.as_str(), a));
    let mut cmd = std::process::Command::new(prog);
    cmd.args(args);
    cmd
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

/// What `gorc build` makes of a main package (`-buildmode`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BuildMode {
    /// An executable (`exe`, `default`).
    Exe,
    /// A static library for C programs, with its header (`c-archive`).
    CArchive,
    /// A shared library for C programs, with its header (`c-shared`).
    CShared,
}

impl BuildMode {
    pub fn parse(s: &str) -> Result<BuildMode, Error> {
        match s {
            "default" | "exe" => Ok(BuildMode::Exe),
            "c-archive" => Ok(BuildMode::CArchive),
            "c-shared" => Ok(BuildMode::CShared),
            // gc's modes gorc does not implement get gc's message for an unknown one.
            _ => Err(Error::Other(format!("buildmode={s} not supported"))),
        }
    }

    fn name(self) -> &'static str {
        match self {
            BuildMode::Exe => "exe",
            BuildMode::CArchive => "c-archive",
            BuildMode::CShared => "c-shared",
        }
    }

    fn is_library(self) -> bool {
        self != BuildMode::Exe
    }
}

/// `gorc build`: one main package is linked to `out` (default: named after the files or the
/// package, as the go command names it); several packages, or a package that is not a
/// command, are compiled and the results discarded. In the library modes the arguments must
/// name exactly one main package, which becomes a library (and its header, gc's rules: see
/// `build_library`).
pub fn build_command(args: &[String], out: Option<PathBuf>, mode: BuildMode) -> Result<(), Error> {
    let roots = roots(args)?;
    if mode.is_library() {
        let one_main = |ok: bool| {
            if ok {
                Ok(())
            } else {
                Err(Error::Other(format!(
                    "-buildmode={} requires exactly one main package",
                    mode.name()
                )))
            }
        };
        one_main(roots.len() == 1)?;
        let root = &roots[0];
        let program = compile_guarded(root, mode)?;
        one_main(program.is_command)?;
        return build_library(root, &program, out, mode);
    }
    let single = roots.len() == 1;
    for root in &roots {
        let program = compile_guarded(root, mode)?;
        if single && program.is_command {
            let out = out
                .clone()
                .unwrap_or_else(|| default_output(root, &program));
            link(&program, &out)?;
        }
    }
    Ok(())
}

/// `-buildmode=c-archive|c-shared`: the library, and next to it `<out without extension>.h`,
/// the main package's `_cgo_export.h` — written only when the package has `//export`
/// functions, as gc (no header for a package without cgo or without exports). The default
/// output name is the executable's, plus `.a` for an archive (gc adds no suffix for c-shared).
fn build_library(
    root: &Root,
    program: &Compiled,
    out: Option<PathBuf>,
    mode: BuildMode,
) -> Result<(), Error> {
    let out = out.unwrap_or_else(|| {
        let exe = default_output(root, program);
        if mode == BuildMode::CArchive {
            let mut s = exe.into_os_string();
            s.push(".a");
            PathBuf::from(s)
        } else {
            exe
        }
    });
    link_library(program, &out, mode)?;
    if let Some(h) = &program.export_h {
        let header = out.with_extension("h");
        // `-o /dev/null` discards the library; the header has nowhere to go either.
        let discard = matches!(std::fs::metadata(&out), Ok(m) if !m.is_file());
        if !discard {
            std::fs::write(&header, h)
                .map_err(|e| Error::Other(format!("writing {}: {e}", header.display())))?;
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
    let program = compile_guarded(root, BuildMode::Exe)?;
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
    /// The root package's `_cgo_export.h`, if it has `//export` functions (a library's header).
    export_h: Option<String>,
    /// Compiled position-independent, for a library.
    pic: bool,
}

/// Compiles a program; a panic anywhere in the compiler is reported as an internal compiler
/// error (a bug to fix), never as a Rust panic message.
fn compile_guarded(root: &Root, mode: BuildMode) -> Result<Compiled, Error> {
    thread_local! {
        static WHERE: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    std::panic::set_hook(Box::new(|info| {
        let loc = info.location().map(|l| l.to_string()).unwrap_or_default();
        WHERE.with(|w| *w.borrow_mut() = loc);
    }));
    match std::panic::catch_unwind(|| compile(root, mode)) {
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
fn compile(root: &Root, mode: BuildMode) -> Result<Compiled, Error> {
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
    // A library's header is written only when the package exports something.
    let export_h = root_pkg
        .cgo
        .as_ref()
        .filter(|c| c.out.has_exports)
        .map(|c| c.out.export_h.clone());
    let pic = mode.is_library();
    let mut cgo = Vec::new();
    let mut files: Vec<gorc_syntax::ast::File> = Vec::new();
    for p in loaded.packages {
        files.extend(p.files);
        cgo.extend(p.cgo);
    }
    let opts = gorc_codegen::Options { pic };
    let object = gorc_codegen::compile_program_with(&fset, &files, &prog, &opts).map_err(|e| {
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
        export_h,
        pic,
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

/// The pieces every link starts from, in a temporary directory: the program's object, the
/// runtime library, the C objects of its cgo packages and their `#cgo LDFLAGS`.
struct Staged {
    dir: tempfile::TempDir,
    obj: PathBuf,
    runtime: PathBuf,
    c_objects: Vec<PathBuf>,
    ldflags: Vec<String>,
}

fn stage(program: &Compiled) -> Result<Staged, Error> {
    let dir = tempfile::Builder::new()
        .prefix("gorc-build")
        .tempdir()
        .map_err(|e| Error::Other(format!("creating a temporary directory: {e}")))?;
    let obj = dir.path().join("main.o");
    let runtime = dir.path().join("libgorc_rt.a");
    std::fs::write(&obj, &program.object).map_err(|e| Error::Other(e.to_string()))?;
    std::fs::write(&runtime, RUNTIME_LIB).map_err(|e| Error::Other(e.to_string()))?;
    let mut c_objects = Vec::new();
    let mut ldflags = Vec::new();
    for (i, pkg) in program.cgo.iter().enumerate() {
        let work = dir.path().join(format!("cgo{i}"));
        std::fs::create_dir_all(&work).map_err(|e| Error::Other(e.to_string()))?;
        c_objects.extend(crate::cgobuild::compile_c(pkg, &work, program.pic)?);
        ldflags.extend(pkg.out.ldflags.iter().cloned());
    }
    ldflags.extend(crate::cgobuild::env_flags("CGO_LDFLAGS"));
    Ok(Staged {
        dir,
        obj,
        runtime,
        c_objects,
        ldflags,
    })
}

/// `-o /dev/null` (or any other non-regular file) means "build, then discard", as with the
/// go command: the linker would otherwise replace the device node with a file.
fn output_or_discard<'a>(out: &'a Path, staged: &'a Staged) -> PathBuf {
    match std::fs::metadata(out) {
        Ok(m) if !m.is_file() && !m.is_dir() => staged.dir.path().join("discarded"),
        _ => out.to_path_buf(),
    }
}

/// Runs a tool, turning a failure into `what failed:` and its messages.
fn run_tool(cmd: &mut std::process::Command, what: &str) -> Result<(), Error> {
    let prog = cmd.get_program().to_string_lossy().into_owned();
    let output = cmd
        .output()
        .map_err(|e| Error::Other(format!("running {prog}: {e}")))?;
    if !output.status.success() {
        return Err(Error::Other(format!(
            "{what} failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    Ok(())
}

/// System libraries the runtime needs (with cc's own: libc, libgcc).
const SYSTEM_LIBS: &[&str] = &["-lpthread", "-ldl", "-lm", "-lrt", "-lgcc_s", "-lc"];

fn link(program: &Compiled, out: &Path) -> Result<(), Error> {
    let st = stage(program)?;
    let out = output_or_discard(out, &st);
    // `-z now`: every dynamic symbol is bound at startup. A lazily bound PLT slot would run
    // the dynamic linker's resolver on whatever stack made the first call — a goroutine's
    // small segment, whose guard area the resolver's register save overflows.
    run_tool(
        cc_command()
            .arg("-no-pie")
            .arg("-Wl,-z,now")
            .arg("-o")
            .arg(&out)
            .arg(&st.obj)
            .args(&st.c_objects)
            .arg(&st.runtime)
            .args(&st.ldflags)
            .args(SYSTEM_LIBS),
        "link",
    )
}

/// The library's constructor, which starts the runtime when the library is loaded
/// (runtime/src/libinit.rs). glibc calls `.init_array` functions with argc, argv and envp.
const LIB_CTOR_C: &str = "\
/* gorc: start the Go runtime when the library is loaded (runtime/src/libinit.rs). */
extern void _gorc_lib_init(int, char **, char **);

__attribute__((constructor)) static void
_gorc_lib_ctor(int argc, char **argv, char **envp)
{
\t_gorc_lib_init(argc, argv, envp);
}
";

/// `-buildmode=c-archive` and `c-shared`. Everything is position-independent (the program's
/// object by `Options::pic`, the C files by `-fPIC`, the runtime as rustc builds it), and a
/// small C object adds the constructor that starts the runtime.
///
/// * c-archive: the program's object, the constructor and the C objects are combined into one
///   relocatable object, `go.o` (`cc -r`: whenever the C program pulls in any of it — an
///   exported function — the constructor comes along), written with the runtime archive's
///   members into one archive (archive.rs). The C program links it with `-lpthread` (and `-lm -ldl` with
///   some C libraries; cc adds libgcc). `#cgo LDFLAGS` are the C program's business, as in gc.
/// * c-shared: `cc -shared` with `-Bsymbolic` (the library's references bind within it, as
///   gc's), `-z now` (no lazy binding: see `link`), `-z nodelete` (the runtime's threads
///   cannot be unloaded, as gc's) and `--exclude-libs ALL`: only the C side (the exported
///   functions, the package's C functions) is exported, not the runtime's symbols.
fn link_library(program: &Compiled, out: &Path, mode: BuildMode) -> Result<(), Error> {
    let st = stage(program)?;
    let out = output_or_discard(out, &st);
    let ctor_c = st.dir.path().join("_gorc_libinit.c");
    let ctor_o = st.dir.path().join("_gorc_libinit.o");
    std::fs::write(&ctor_c, LIB_CTOR_C).map_err(|e| Error::Other(e.to_string()))?;
    run_tool(
        cc_command()
            .args(["-fPIC", "-O2", "-c", "-o"])
            .arg(&ctor_o)
            .arg(&ctor_c),
        "compiling the library constructor",
    )?;
    match mode {
        BuildMode::CShared => run_tool(
            cc_command()
                .arg("-shared")
                .args([
                    "-Wl,-Bsymbolic",
                    "-Wl,-z,now",
                    "-Wl,-z,nodelete",
                    "-Wl,--exclude-libs,ALL",
                ])
                .arg("-o")
                .arg(&out)
                .arg(&st.obj)
                .arg(&ctor_o)
                .args(&st.c_objects)
                .arg(&st.runtime)
                .args(&st.ldflags)
                .args(SYSTEM_LIBS),
            "link",
        ),
        BuildMode::CArchive => {
            let go_o = st.dir.path().join("go.o");
            run_tool(
                cc_command()
                    .args(["-r", "-nostdlib", "-o"])
                    .arg(&go_o)
                    .arg(&st.obj)
                    .arg(&ctor_o)
                    .args(&st.c_objects),
                "link",
            )?;
            let go_o = std::fs::read(&go_o).map_err(|e| Error::Other(e.to_string()))?;
            let archive = crate::archive::write(RUNTIME_LIB, &[("go.o", go_o)])?;
            std::fs::write(&out, archive)
                .map_err(|e| Error::Other(format!("writing {}: {e}", out.display())))
        }
        BuildMode::Exe => unreachable!("link_library for an executable"),
    }
}
