//! `#cgo` flags a package may give the C compiler and the linker.
//!
//! As with the go command, building a package must not run arbitrary code, so only flags known
//! to be harmless are accepted (no `-fplugin=`, `-B`, `-o`, response files `@file`, ...); a
//! user widens or narrows the list with `CGO_CFLAGS_ALLOW`/`CGO_CFLAGS_DISALLOW` (and the
//! `CPPFLAGS`, `LDFLAGS` variants), each a regular expression a whole flag must match. The
//! message is gc's: `invalid flag in #cgo CFLAGS: -fplugin=foo.so`.

use regex::Regex;
use std::sync::OnceLock;

/// Compiler flags (CFLAGS, CPPFLAGS): whole-flag patterns.
const COMPILER: &[&str] = &[
    r"-D([A-Za-z_][A-Za-z0-9_]*)(=[^@\-]*)?",
    r"-U([A-Za-z_][A-Za-z0-9_]*)",
    r"-I([^@\-].*)",
    r"-O([^@\-].*)?",
    r"-W([^@,]+)?",
    r"-Wp,-D([A-Za-z_][A-Za-z0-9_]*)(=[^@,\-]*)?",
    r"-Wp,-U([A-Za-z_][A-Za-z0-9_]*)",
    r"-ansi",
    r"-f(no-)?(asynchronous-unwind-tables|blocks|common|exceptions|fast-math|inline-functions|fat-lto-objects|lto|omit-frame-pointer|permissive|plt|rtti|split-stack|strict-aliasing|use-linker-plugin|visibility-inlines-hidden|eliminate-unused-debug-types)",
    r"-f(no-)builtin-[a-zA-Z0-9_]*",
    r"-f(no-)?openmp(-simd)?",
    r"-f(no-)?(pic|PIC|pie|PIE)",
    r"-f(no-)?stack-(.+)",
    r"-f(un)?signed-char",
    r"-fdiagnostics-show-note-include-stack",
    r"-finput-charset=([^@\-].*)",
    r"-fmacro-backtrace-limit=(.+)",
    r"-fmessage-length=(.+)",
    r"-fsanitize=(.+)",
    r"-ftemplate-depth-(.+)",
    r"-fvisibility=(.+)",
    r"-g([^@\-].*)?",
    r"-m(32|64)",
    r"-m(abi|arch|cpu|fpu|tune)=([^@\-].*)",
    r"-m(no-)?v?aes",
    r"-m(no-)?avx[0-9a-z.]*",
    r"-mfpmath=[0-9a-z,+]*",
    r"-m(no-)?ms-bitfields",
    r"-m(no-)?stack-(.+)",
    r"-m(no-)?sse[0-9.]*",
    r"-m(no-)?ssse3",
    r"-mthreads",
    r"--param=ssp-buffer-size=[0-9]*",
    r"-pedantic(-errors)?",
    r"-pipe",
    r"-pthread",
    r"-?-std=([^@\-].*)",
    r"--sysroot=([^@\-].*)",
    r"-w",
    r"-x([^@\-].*)",
    r"-v",
];

/// Compiler flags whose value is the next word.
const COMPILER_WITH_ARG: &[&str] = &["-D", "-U", "-I", "-include", "-isystem", "-x", "--sysroot"];

/// Linker flags (LDFLAGS).
const LINKER: &[&str] = &[
    r"-l([^@\-].*)",
    r"-L([^@\-].*)",
    r"-O([^@\-].*)?",
    r"-f(no-)?(pic|PIC|pie|PIE)",
    r"-f(no-)?openmp(-simd)?",
    r"-fsanitize=([^@\-].*)",
    r"-g([^@\-].*)?",
    r"-m(abi|arch|cpu|fpu|tune)=([^@\-].*)",
    r"-(pic|PIC|pie|PIE)",
    r"-pthread",
    r"-rdynamic",
    r"-shared",
    r"-?-static([-a-z0-9+]*)",
    r"-v",
    r"-Wl,--(no-)?(allow-multiple-definition|allow-shlib-undefined|as-needed|export-dynamic)",
    r"-Wl,-B(dynamic|static)",
    r"-Wl,-Bsymbolic-functions",
    r"-Wl,-O([^@,\-][^,]*)?",
    r"-Wl,-d[ny]",
    r"-Wl,--(disable|enable)-new-dtags",
    r"-Wl,--(start|end)-group",
    r"-Wl,-E",
    r"-Wl,--hash-style=(sysv|gnu|both)",
    r"-Wl,--no-undefined",
    r"-Wl,-rpath(-link)?[=,]([^,@\-][^,]+)",
    r"-Wl,-s",
    r"-Wl,-z,(no)?(relro|now|execstack|noexecstack)",
    r"[a-zA-Z0-9_/].*\.(a|o|obj|dll|dylib|so)",
];

const LINKER_WITH_ARG: &[&str] = &["-l", "-L", "-framework"];

fn compiled(pats: &[&str]) -> Vec<Regex> {
    pats.iter()
        .map(|p| Regex::new(&format!("^(?:{p})$")).expect("valid flag pattern"))
        .collect()
}

fn compiler_res() -> &'static [Regex] {
    static R: OnceLock<Vec<Regex>> = OnceLock::new();
    R.get_or_init(|| compiled(COMPILER))
}

fn linker_res() -> &'static [Regex] {
    static R: OnceLock<Vec<Regex>> = OnceLock::new();
    R.get_or_init(|| compiled(LINKER))
}

/// A value that may follow a flag taking an argument: not an option, not a response file.
fn safe_arg(a: &str) -> bool {
    !a.is_empty() && !a.starts_with('-') && !a.starts_with('@')
}

/// Checks the values of one `#cgo VAR:` line. `env` reads the environment (for
/// `CGO_<VAR>_ALLOW` / `_DISALLOW`). The error is gc's message (without the `go build pkg: `
/// the caller adds).
pub fn check(
    var: &str,
    values: &[String],
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<(), String> {
    let (valid, with_arg, name) = match var {
        "CFLAGS" | "CPPFLAGS" | "CXXFLAGS" | "FFLAGS" => (compiler_res(), COMPILER_WITH_ARG, var),
        "LDFLAGS" => (linker_res(), LINKER_WITH_ARG, var),
        _ => return Ok(()),
    };
    let source = format!("#cgo {var}");
    let user = |suffix: &str| -> Result<Option<Regex>, String> {
        match env(&format!("CGO_{name}_{suffix}")) {
            Some(p) if !p.is_empty() => Regex::new(&format!("^(?:{p})$"))
                .map(Some)
                .map_err(|e| format!("parsing $CGO_{name}_{suffix}: {e}")),
            _ => Ok(None),
        }
    };
    let allow = user("ALLOW")?;
    let disallow = user("DISALLOW")?;
    let mut i = 0;
    while i < values.len() {
        let arg = &values[i];
        i += 1;
        if disallow.as_ref().is_some_and(|r| r.is_match(arg)) {
            return Err(format!("invalid flag in {source}: {arg}"));
        }
        if allow.as_ref().is_some_and(|r| r.is_match(arg)) {
            continue;
        }
        if valid.iter().any(|r| r.is_match(arg)) {
            continue;
        }
        if with_arg.contains(&arg.as_str()) {
            match values.get(i) {
                Some(next) if safe_arg(next) => {
                    i += 1;
                    continue;
                }
                Some(next) => {
                    return Err(format!(
                        "invalid flag in {source}: {arg} {next} (see https://golang.org/s/invalidflag)"
                    ))
                }
                None => {
                    return Err(format!(
                        "invalid flag in {source}: {arg} without argument (see https://golang.org/s/invalidflag)"
                    ))
                }
            }
        }
        return Err(format!("invalid flag in {source}: {arg}"));
    }
    Ok(())
}

/// `#cgo pkg-config: names`: the compiler and linker flags `pkg-config` gives (both checked
/// like `#cgo` flags).
pub fn pkg_config(names: &[String]) -> Result<(Vec<String>, Vec<String>), String> {
    if let Some(bad) = names
        .iter()
        .find(|n| n.starts_with('-') && n.as_str() != "--static")
    {
        return Err(format!("invalid pkg-config package name: {bad}"));
    }
    let run = |what: &str| -> Result<Vec<String>, String> {
        let out = std::process::Command::new("pkg-config")
            .arg(what)
            .arg("--")
            .args(names)
            .output()
            .map_err(|e| format!("pkg-config: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "pkg-config {what} -- {}: {}",
                names.join(" "),
                String::from_utf8_lossy(&out.stderr).trim_end()
            ));
        }
        crate::preamble::split_quoted(&String::from_utf8_lossy(&out.stdout))
    };
    let c = run("--cflags")?;
    let l = run("--libs")?;
    let none = |_: &str| None;
    check("CFLAGS", &c, &none)?;
    check("LDFLAGS", &l, &none)?;
    Ok((c, l))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn safe_and_unsafe() {
        let none = |_: &str| None;
        assert!(check(
            "CFLAGS",
            &v(&["-DX=1", "-I/inc", "-O2", "-Wall", "-std=c99", "-g"]),
            &none
        )
        .is_ok());
        assert!(check("CFLAGS", &v(&["-I", "inc"]), &none).is_ok());
        assert_eq!(
            check("CFLAGS", &v(&["-fplugin=foo.so"]), &none).unwrap_err(),
            "invalid flag in #cgo CFLAGS: -fplugin=foo.so"
        );
        assert_eq!(
            check("CFLAGS", &v(&["-I"]), &none).unwrap_err(),
            "invalid flag in #cgo CFLAGS: -I without argument (see https://golang.org/s/invalidflag)"
        );
        assert!(check("LDFLAGS", &v(&["-lm", "-L/x", "-pthread"]), &none).is_ok());
        assert!(check("LDFLAGS", &v(&["-Wl,--wrap=foo"]), &none).is_err());
        assert!(check("LDFLAGS", &v(&["@file"]), &none).is_err());
    }

    #[test]
    fn environment_overrides() {
        let env = |k: &str| (k == "CGO_CFLAGS_ALLOW").then(|| "-fplugin=.*".to_string());
        assert!(check("CFLAGS", &v(&["-fplugin=foo.so"]), &env).is_ok());
        let env = |k: &str| (k == "CGO_CFLAGS_DISALLOW").then(|| "-O2".to_string());
        assert!(check("CFLAGS", &v(&["-O2"]), &env).is_err());
    }
}
