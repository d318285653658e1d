//! Compiling a cgo package's C side: the generated wrappers and export stubs, and the
//! package's own `.c` and `.S` files, each with `$CC`, the package's `#cgo` flags and
//! `CGO_CPPFLAGS`/`CGO_CFLAGS` (default `-g -O2`, as the go command's), `_cgo_export.h` on the
//! include path; `-fPIC` for a library (`-buildmode=c-archive|c-shared`).

use crate::driver::{cc, Error};
use crate::load::CgoBuild;
use std::path::{Path, PathBuf};

/// Flags from an environment variable, split as the go command splits them.
pub fn env_flags(var: &str) -> Vec<String> {
    match std::env::var(var) {
        Ok(v) => gorc_cgo::preamble::split_quoted(&v).unwrap_or_default(),
        Err(_) if var == "CGO_CFLAGS" => vec!["-g".into(), "-O2".into()],
        Err(_) => Vec::new(),
    }
}

/// Writes the generated C files into `work`, compiles them and the package's own C files, and
/// returns the objects. A C compiler failure is reported as the go command reports it: `# pkg`
/// and the compiler's own messages.
pub fn compile_c(pkg: &CgoBuild, work: &Path, pic: bool) -> Result<Vec<PathBuf>, Error> {
    let write = |name: &str, text: &str| {
        std::fs::write(work.join(name), text)
            .map_err(|e| Error::Other(format!("writing {name}: {e}")))
    };
    write("_cgo_export.h", &pkg.out.export_h)?;
    let mut sources: Vec<PathBuf> = Vec::new();
    for (name, text) in &pkg.out.c_files {
        write(name, text)?;
        sources.push(work.join(name));
    }
    sources.extend(pkg.c_sources.iter().cloned());
    let mut flags = env_flags("CGO_CPPFLAGS");
    flags.extend(env_flags("CGO_CFLAGS"));
    flags.extend(pkg.out.cflags.iter().cloned());
    if pic {
        // A library: its C code goes into a shared object, or a PIE (as gc, -fPIC).
        flags.insert(0, "-fPIC".into());
    }
    let mut objects = Vec::new();
    for (i, src) in sources.iter().enumerate() {
        let obj = work.join(format!("_c{i}.o"));
        let output = crate::driver::cc_command()
            .arg("-I")
            .arg(work)
            .arg("-I")
            .arg(&pkg.srcdir)
            .args(&flags)
            .arg("-c")
            .arg(src)
            .arg("-o")
            .arg(&obj)
            .current_dir(&pkg.srcdir)
            .output()
            .map_err(|e| Error::Other(format!("running {}: {e}", cc())))?;
        if !output.status.success() {
            return Err(Error::Other(format!(
                "# {}\n{}",
                pkg.import_path,
                String::from_utf8_lossy(&output.stderr).trim_end()
            )));
        }
        objects.push(obj);
    }
    Ok(objects)
}
