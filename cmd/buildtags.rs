//! Build constraints: which files the go command would compile for linux/amd64. A file is
//! left out when its name ends in another system's `_GOOS`, `_GOARCH` or `_GOOS_GOARCH`, or
//! when its `//go:build` line (before the package clause) is false.

const GOOS: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "windows",
    "zos",
];
const GOARCH: &[&str] = &[
    "386",
    "amd64",
    "amd64p32",
    "arm",
    "armbe",
    "arm64",
    "arm64be",
    "loong64",
    "mips",
    "mipsle",
    "mips64",
    "mips64le",
    "mips64p32",
    "mips64p32le",
    "ppc",
    "ppc64",
    "ppc64le",
    "riscv",
    "riscv64",
    "s390",
    "s390x",
    "sparc",
    "sparc64",
    "wasm",
];

/// Whether a tag is satisfied when building with gorc for linux/amd64. gorc is neither `gc`
/// nor `gccgo` (files with those tags hold compiler-specific code); `cgo` holds unless
/// `CGO_ENABLED=0`.
pub fn tag_true(tag: &str) -> bool {
    if let Some(minor) = tag.strip_prefix("go1.") {
        return minor.parse::<u32>().is_ok_and(|m| m <= 19);
    }
    matches!(tag, "linux" | "amd64" | "unix" | "gorc") || (tag == "cgo" && cgo_enabled())
}

/// cgo is on unless `CGO_ENABLED=0`, as for the go command on a native build.
pub fn cgo_enabled() -> bool {
    std::env::var("CGO_ENABLED").map_or(true, |v| v != "0")
}

/// The file name's stem (without `.go`) allows linux/amd64.
pub fn name_matches(stem: &str) -> bool {
    let parts: Vec<&str> = stem.split('_').collect();
    let n = parts.len();
    if n >= 3 && GOOS.contains(&parts[n - 2]) && GOARCH.contains(&parts[n - 1]) {
        return parts[n - 2] == "linux" && parts[n - 1] == "amd64";
    }
    if n >= 2 {
        let last = parts[n - 1];
        if GOOS.contains(&last) {
            return last == "linux";
        }
        if GOARCH.contains(&last) {
            return last == "amd64";
        }
    }
    true
}

/// The file's `//go:build` constraint, if any, holds.
pub fn file_matches(src: &str) -> bool {
    for line in src.lines() {
        let t = line.trim();
        if let Some(expr) = t.strip_prefix("//go:build") {
            if expr.starts_with(char::is_whitespace) {
                return eval(expr).unwrap_or(false);
            }
        }
        // Constraints must come before the package clause.
        if t.starts_with("package ") || t == "package" {
            break;
        }
    }
    true
}

/// Evaluates a constraint expression: tags, `!`, `&&`, `||` and parentheses. `None` when it
/// does not parse.
fn eval(expr: &str) -> Option<bool> {
    let mut toks = Vec::new();
    let mut chars = expr.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            c if c.is_whitespace() => {}
            '!' | '(' | ')' => toks.push(expr[i..i + 1].to_string()),
            '&' | '|' => {
                if chars.next().map(|x| x.1) != Some(c) {
                    return None;
                }
                toks.push(if c == '&' { "&&" } else { "||" }.to_string());
            }
            _ => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_alphanumeric() || d == '_' || d == '.' {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                toks.push(expr[i..end].to_string());
            }
        }
    }
    let mut p = 0;
    let v = or_expr(&toks, &mut p)?;
    (p == toks.len()).then_some(v)
}

fn or_expr(t: &[String], p: &mut usize) -> Option<bool> {
    let mut v = and_expr(t, p)?;
    while t.get(*p).is_some_and(|s| s == "||") {
        *p += 1;
        let r = and_expr(t, p)?;
        v = v || r;
    }
    Some(v)
}

fn and_expr(t: &[String], p: &mut usize) -> Option<bool> {
    let mut v = unary(t, p)?;
    while t.get(*p).is_some_and(|s| s == "&&") {
        *p += 1;
        let r = unary(t, p)?;
        v = v && r;
    }
    Some(v)
}

fn unary(t: &[String], p: &mut usize) -> Option<bool> {
    let tok = t.get(*p)?;
    *p += 1;
    match tok.as_str() {
        "!" => unary(t, p).map(|v| !v),
        "(" => {
            let v = or_expr(t, p)?;
            (t.get(*p)? == ")").then(|| *p += 1)?;
            Some(v)
        }
        ")" | "&&" | "||" => None,
        tag => Some(tag_true(tag)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraints() {
        assert!(file_matches("//go:build linux && amd64\n\npackage x\n"));
        assert!(!file_matches("//go:build ignore\n\npackage main\n"));
        assert!(file_matches("//go:build !windows\npackage x"));
        assert!(!file_matches(
            "//go:build (darwin || windows) && !linux\npackage x"
        ));
        assert!(file_matches("//go:build go1.18\npackage x"));
        assert!(!file_matches("//go:build go1.21\npackage x"));
        assert!(file_matches("package x\n//go:build ignore\n"));
        assert!(name_matches("file_linux"));
        assert!(!name_matches("file_windows"));
        assert!(!name_matches("file_linux_arm64"));
        assert!(name_matches("file_amd64"));
        assert!(name_matches("linux"));
        assert!(name_matches("my_file"));
    }
}
