//! From the command line's paths to an executable: load the files, parse, check, generate
//! code, link with the embedded runtime.

use gorc_syntax::{FileSet, NodeIds};
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

pub fn default_output(paths: &[String]) -> PathBuf {
    let first = Path::new(&paths[0]);
    let stem = if paths[0].ends_with(".go") {
        first.file_stem().map(|s| s.to_os_string())
    } else {
        std::fs::canonicalize(first)
            .ok()
            .and_then(|p| p.file_name().map(|s| s.to_os_string()))
    };
    PathBuf::from(stem.unwrap_or_else(|| "a.out".into()))
}

/// The .go files named by the command line: the files themselves, or the non-test .go files of
/// one directory.
fn source_files(paths: &[String]) -> Result<Vec<String>, Error> {
    if paths.len() == 1 && !paths[0].ends_with(".go") {
        let dir = &paths[0];
        let entries = std::fs::read_dir(dir).map_err(|e| Error::Other(format!("{dir}: {e}")))?;
        let mut files: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                name.ends_with(".go") && !name.ends_with("_test.go") && p.is_file()
            })
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(Error::Other(format!("no Go files in {dir}")));
        }
        return Ok(files);
    }
    for p in paths {
        if !p.ends_with(".go") {
            return Err(Error::Other(format!("named files must be .go files: {p}")));
        }
    }
    Ok(paths.to_vec())
}

/// Builds an executable. A panic anywhere in the compiler is reported as an internal
/// compiler error (a bug to fix), never as a Rust panic message.
pub fn build(paths: &[String], out: &Path) -> Result<(), Error> {
    thread_local! {
        static WHERE: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    std::panic::set_hook(Box::new(|info| {
        let loc = info.location().map(|l| l.to_string()).unwrap_or_default();
        WHERE.with(|w| *w.borrow_mut() = loc);
    }));
    match std::panic::catch_unwind(|| build_unguarded(paths, out)) {
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

fn build_unguarded(paths: &[String], out: &Path) -> Result<(), Error> {
    let files = source_files(paths)?;
    let mut fset = FileSet::new();
    let mut ids = NodeIds::default();
    let mut asts = Vec::new();
    let mut diags: Vec<(gorc_syntax::Pos, String)> = Vec::new();
    for path in &files {
        let src =
            std::fs::read_to_string(path).map_err(|e| Error::Other(format!("open {path}: {e}")))?;
        let id = fset.add(path.clone(), src);
        match gorc_syntax::parse_file(&fset, id, &mut ids) {
            Ok(f) => asts.push(f),
            Err(errs) => diags.extend(errs.into_iter().map(|e| (e.pos, e.msg))),
        }
    }
    if !diags.is_empty() {
        return Err(render(&fset, diags));
    }
    let pkg = gorc_types::check_package(&fset, "main", &asts)
        .map_err(|ds| render(&fset, ds.into_iter().map(|d| (d.pos, d.msg)).collect()))?;
    let object = gorc_codegen::compile_package(&fset, &asts, &pkg).map_err(|e| {
        Error::Other(format!(
            "{}: internal compiler error: {}",
            fset.position(e.pos),
            e.msg
        ))
    })?;
    link(&object, out)
}

/// Sorts diagnostics by position and formats them as gc does; gc stops after 10.
fn render(fset: &FileSet, mut diags: Vec<(gorc_syntax::Pos, String)>) -> Error {
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

fn link(object: &[u8], out: &Path) -> Result<(), Error> {
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
    let output = std::process::Command::new(cc())
        .arg("-no-pie")
        .arg("-o")
        .arg(out)
        .arg(&obj_path)
        .arg(&rt_path)
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
