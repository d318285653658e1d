//! The preamble of `import "C"` and its `#cgo` directives.
//!
//! As with the cgo tool, the preamble is the comment immediately above the `import "C"` line
//! (`//` lines, or one `/* ... */` block, with no blank line in between): `//` markers are
//! removed and nothing else (the first space stays), `/*` and `*/` are removed. Lines whose
//! first non-blank text is `#cgo` are directives, not C: they are taken out of the preamble
//! (replaced by empty lines, so the C compiler's line numbers still match the Go file) and
//! parsed as `#cgo [constraints] VAR: values`.

/// The preamble of one file.
#[derive(Clone, Debug, Default)]
pub struct Preamble {
    /// The C text, `#cgo` lines blanked.
    pub text: String,
    /// The 1-based line of the Go file on which `text` starts (for `#line`).
    pub line: u32,
    pub directives: Vec<Directive>,
}

/// One `#cgo` line that applies to this build (its constraint held).
#[derive(Clone, Debug, PartialEq)]
pub struct Directive {
    /// `CFLAGS`, `CPPFLAGS`, `CXXFLAGS`, `FFLAGS`, `LDFLAGS` or `pkg-config`.
    pub var: String,
    /// The values, split as a shell would split them (quotes respected), `${SRCDIR}`
    /// expanded.
    pub values: Vec<String>,
    /// 1-based line in the Go file (for messages).
    pub line: u32,
}

/// Finds the preamble of the `import "C"` whose path literal starts at byte `import_off` of
/// `src`. `srcdir` replaces `${SRCDIR}`; `tag_ok` says whether a build tag holds. A
/// malformed `#cgo` line is an error `(line, message)` worded as gc words it.
pub fn extract(
    src: &str,
    import_off: usize,
    srcdir: &str,
    tag_ok: &dyn Fn(&str) -> bool,
) -> Result<Preamble, (u32, String)> {
    let (text, first_line) = comment_above(src, import_off);
    let mut out = Preamble {
        line: first_line,
        ..Default::default()
    };
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("#cgo") {
            if rest.starts_with(|c: char| c.is_whitespace()) {
                let lineno = first_line + i as u32;
                if let Some(d) = parse_directive(rest, lineno, srcdir, tag_ok)? {
                    out.directives.push(d);
                }
                out.text
                    .push_str(if line.ends_with('\n') { "\n" } else { "" });
                continue;
            }
        }
        out.text.push_str(line);
    }
    Ok(out)
}

/// The text of the comment group ending on the line above the one holding `off`, and the line
/// on which that text starts; empty if there is none.
fn comment_above(src: &str, off: usize) -> (String, u32) {
    let line_start = src[..off.min(src.len())].rfind('\n').map_or(0, |i| i + 1);
    let line_of = |o: usize| src[..o].bytes().filter(|&b| b == b'\n').count() as u32 + 1;
    // Lines above, nearest first.
    let above = &src[..line_start];
    let lines: Vec<&str> = above.split_inclusive('\n').collect();
    let mut i = lines.len();
    let prev = |i: usize| lines[i - 1].trim();
    if i == 0 {
        return (String::new(), 0);
    }
    if prev(i).starts_with("//") {
        // A run of `//` lines.
        while i > 0 && prev(i).starts_with("//") {
            i -= 1;
        }
        let mut text = String::new();
        for l in &lines[i..] {
            let t = l.trim_start();
            text.push_str(&t[2..]);
        }
        let start: usize = lines[..i].iter().map(|l| l.len()).sum();
        return (text, line_of(start));
    }
    if prev(i).ends_with("*/") {
        let end = line_start - lines[i - 1].len() + lines[i - 1].rfind("*/").unwrap_or(0);
        // Block comments do not nest: this one opens at the first `/*` after the `*/` that
        // ends whatever came before it (its own text may hold more `/*`).
        let after_prev = src[..end].rfind("*/").map_or(0, |p| p + 2);
        if let Some(open) = src[after_prev..end].find("/*").map(|o| after_prev + o) {
            // The comment must start a line (only blanks before it).
            let ls = src[..open].rfind('\n').map_or(0, |p| p + 1);
            if src[ls..open].trim().is_empty() {
                return (src[open + 2..end].to_string(), line_of(open));
            }
        }
    }
    (String::new(), 0)
}

/// `#cgo [GOOS GOARCH tags] VAR: values` (after `#cgo`). `None` when the constraint does not
/// hold for this build.
fn parse_directive(
    rest: &str,
    line: u32,
    srcdir: &str,
    tag_ok: &dyn Fn(&str) -> bool,
) -> Result<Option<Directive>, (u32, String)> {
    let bad = || {
        (
            line,
            format!("#cgo:{}: invalid #cgo line: #cgo{}", line, rest.trim_end()),
        )
    };
    let (head, values) = rest.split_once(':').ok_or_else(bad)?;
    let mut words: Vec<&str> = head.split_whitespace().collect();
    let var = words.pop().ok_or_else(bad)?;
    if !matches!(
        var,
        "CFLAGS" | "CPPFLAGS" | "CXXFLAGS" | "FFLAGS" | "LDFLAGS" | "pkg-config"
    ) {
        return Err((
            line,
            format!("#cgo {var}: invalid #cgo verb: #cgo{}", rest.trim_end()),
        ));
    }
    // Space-separated alternatives, each a comma-separated conjunction of (negated) tags.
    if !words.is_empty() {
        let holds = words.iter().any(|alt| {
            alt.split(',').all(|t| match t.strip_prefix('!') {
                Some(n) => !tag_ok(n),
                None => tag_ok(t),
            })
        });
        if !holds {
            return Ok(None);
        }
    }
    let values = split_quoted(values).map_err(|m| (line, m))?;
    let values = values
        .into_iter()
        .map(|v| v.replace("${SRCDIR}", srcdir))
        .collect();
    Ok(Some(Directive {
        var: var.to_string(),
        values,
        line,
    }))
}

/// Splits on white space, with single and double quotes grouping (and removed), as the cgo
/// tool splits `#cgo` values.
pub fn split_quoted(s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut have = false;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in s.chars() {
        if escaped {
            cur.push(c);
            escaped = false;
            continue;
        }
        match (quote, c) {
            (_, '\\') => {
                escaped = true;
                have = true;
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => cur.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                have = true;
            }
            (None, c) if c.is_whitespace() => {
                if have {
                    out.push(std::mem::take(&mut cur));
                    have = false;
                }
            }
            (None, c) => {
                cur.push(c);
                have = true;
            }
        }
    }
    if quote.is_some() {
        return Err("unclosed quote".into());
    }
    if escaped {
        return Err("unfinished escaping".into());
    }
    if have {
        out.push(cur);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linux(t: &str) -> bool {
        matches!(t, "linux" | "amd64" | "unix" | "cgo")
    }

    #[test]
    fn line_comments() {
        let src = "package main\n\n// #include <stdio.h>\n//#cgo CFLAGS: -DX=1 -I${SRCDIR}/inc\n// int f(void);\nimport \"C\"\n";
        let off = src.find("\"C\"").unwrap();
        let p = extract(src, off, "/d", &linux).unwrap();
        assert_eq!(p.line, 3);
        assert_eq!(p.text, " #include <stdio.h>\n\n int f(void);\n");
        assert_eq!(p.directives.len(), 1);
        assert_eq!(p.directives[0].var, "CFLAGS");
        assert_eq!(p.directives[0].values, vec!["-DX=1", "-I/d/inc"]);
        assert_eq!(p.directives[0].line, 4);
    }

    #[test]
    fn block_comment_and_constraints() {
        let src = "package p\n\n/*\n#cgo windows LDFLAGS: -lfoo\n#cgo linux,amd64 LDFLAGS: -lm\n#cgo !linux CFLAGS: -DNO\nint x;\n*/\nimport \"C\"\n";
        let off = src.find("\"C\"").unwrap();
        let p = extract(src, off, "/d", &linux).unwrap();
        assert_eq!(p.line, 3);
        assert_eq!(p.text, "\n\n\n\nint x;\n");
        assert_eq!(p.directives.len(), 1);
        assert_eq!(p.directives[0].values, vec!["-lm"]);
    }

    #[test]
    fn block_comment_holding_an_opener() {
        let src = "package p\n/* x */\n/*\nchar *pat = \"/tmp/*.txt\";\n*/\nimport \"C\"\n";
        let p = extract(src, src.find("\"C\"").unwrap(), "", &linux).unwrap();
        assert_eq!(p.text, "\nchar *pat = \"/tmp/*.txt\";\n");
        assert_eq!(p.line, 3);
    }

    #[test]
    fn no_preamble_after_blank_line() {
        let src = "package p\n// not it\n\nimport \"C\"\n";
        let p = extract(src, src.find("\"C\"").unwrap(), "", &linux).unwrap();
        assert_eq!(p.text, "");
    }

    #[test]
    fn grouped_import() {
        let src = "package p\nimport (\n\t// int y;\n\t\"C\"\n\t\"unsafe\"\n)\n";
        let p = extract(src, src.find("\"C\"").unwrap(), "", &linux).unwrap();
        assert_eq!(p.text, " int y;\n");
        assert_eq!(p.line, 3);
    }

    #[test]
    fn quoting() {
        assert_eq!(
            split_quoted(r#"-DA="x y" 'b c' d\ e"#).unwrap(),
            vec!["-DA=x y", "b c", "d e"]
        );
        assert!(split_quoted("'x").is_err());
    }

    #[test]
    fn bad_verb() {
        let src = "package p\n// #cgo FOO: x\nimport \"C\"\n";
        assert!(extract(src, src.find("\"C\"").unwrap(), "", &linux).is_err());
    }
}
