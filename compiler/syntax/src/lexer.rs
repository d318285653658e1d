//! The Go lexer: logos recognises the tokens, `Lexer` (the stream the grammar reads) validates
//! literals with gc's wording, skips comments and inserts semicolons as the spec says.
//!
//! Positions are byte offsets into the file. An automatically inserted semicolon is an empty span
//! (`lo == hi`): at the newline character that caused it, at the start of a multi-line `/* */`
//! comment, or at the end of the file; an explicit `;` is one byte long. The error messages use
//! that to say `newline`, `EOF` or `semicolon`, as gc does.

use logos::Logos;

/// The tokens the logos automaton recognises. Literal forms are matched by their first
/// character(s) and finished by hand-written scanners (`scan_*`), which know Go's rules for where
/// a literal ends even when it is malformed.
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(skip r"[ \t\r]+")]
enum Raw {
    #[token("\n")]
    Newline,
    #[token("//", scan_line_comment)]
    LineComment,
    #[token("/*", scan_block_comment)]
    BlockComment,
    #[regex(r"[\p{L}_][\p{L}\p{Nd}_]*")]
    Ident,
    #[regex(r"[0-9]", scan_number)]
    #[regex(r"\.[0-9]", scan_number)]
    Number,
    #[token("\"", scan_string)]
    String,
    #[token("`", scan_raw_string)]
    RawString,
    #[token("'", scan_rune)]
    Rune,

    #[token("break")]
    Break,
    #[token("case")]
    Case,
    #[token("chan")]
    Chan,
    #[token("const")]
    Const,
    #[token("continue")]
    Continue,
    #[token("default")]
    Default,
    #[token("defer")]
    Defer,
    #[token("else")]
    Else,
    #[token("fallthrough")]
    Fallthrough,
    #[token("for")]
    For,
    #[token("func")]
    Func,
    #[token("go")]
    Go,
    #[token("goto")]
    Goto,
    #[token("if")]
    If,
    #[token("import")]
    Import,
    #[token("interface")]
    Interface,
    #[token("map")]
    Map,
    #[token("package")]
    Package,
    #[token("range")]
    Range,
    #[token("return")]
    Return,
    #[token("select")]
    Select,
    #[token("struct")]
    Struct,
    #[token("switch")]
    Switch,
    #[token("type")]
    Type,
    #[token("var")]
    Var,

    #[token("+")]
    Add,
    #[token("-")]
    Sub,
    #[token("*")]
    Mul,
    #[token("/")]
    Quo,
    #[token("%")]
    Rem,
    #[token("&")]
    And,
    #[token("|")]
    Or,
    #[token("^")]
    Xor,
    #[token("<<")]
    Shl,
    #[token(">>")]
    Shr,
    #[token("&^")]
    AndNot,
    #[token("+=")]
    AddAssign,
    #[token("-=")]
    SubAssign,
    #[token("*=")]
    MulAssign,
    #[token("/=")]
    QuoAssign,
    #[token("%=")]
    RemAssign,
    #[token("&=")]
    AndAssign,
    #[token("|=")]
    OrAssign,
    #[token("^=")]
    XorAssign,
    #[token("<<=")]
    ShlAssign,
    #[token(">>=")]
    ShrAssign,
    #[token("&^=")]
    AndNotAssign,
    #[token("&&")]
    LAnd,
    #[token("||")]
    LOr,
    #[token("<-")]
    Arrow,
    #[token("++")]
    Inc,
    #[token("--")]
    Dec,
    #[token("==")]
    Eql,
    #[token("<")]
    Lss,
    #[token(">")]
    Gtr,
    #[token("=")]
    Assign,
    #[token("!")]
    Not,
    #[token("~")]
    Tilde,
    #[token("!=")]
    Neq,
    #[token("<=")]
    Leq,
    #[token(">=")]
    Geq,
    #[token(":=")]
    Define,
    #[token("...")]
    Ellipsis,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBrack,
    #[token("]")]
    RBrack,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token(".")]
    Period,
    #[token(":")]
    Colon,
}

fn scan_line_comment(lex: &mut logos::Lexer<Raw>) {
    let rest = lex.remainder();
    let n = rest.find('\n').unwrap_or(rest.len());
    lex.bump(n);
}

fn scan_block_comment(lex: &mut logos::Lexer<Raw>) {
    let rest = lex.remainder();
    let n = match rest.find("*/") {
        Some(i) => i + 2,
        None => rest.len(),
    };
    lex.bump(n);
}

/// Extent of a number literal as Go's scanner takes it: digits of the base (any decimal digit
/// for bases up to 10, so that `089` is one bad literal), `_`, one `.`, an exponent, `i`.
fn scan_number(lex: &mut logos::Lexer<Raw>) {
    let start = lex.slice().as_bytes();
    let rest = lex.remainder().as_bytes();
    let mut i = 0;
    let mut hex = false;
    let mut seen_point = start[0] == b'.';
    let digits = |i: &mut usize, hex: bool| {
        while *i < rest.len()
            && (rest[*i].is_ascii_digit()
                || rest[*i] == b'_'
                || (hex && rest[*i].is_ascii_hexdigit()))
        {
            *i += 1;
        }
    };
    if !seen_point {
        if start[0] == b'0' && i < rest.len() {
            match rest[0] | 0x20 {
                b'x' => {
                    hex = true;
                    i = 1;
                }
                b'o' | b'b' => i = 1,
                _ => {}
            }
        }
        digits(&mut i, hex);
        if i < rest.len() && rest[i] == b'.' {
            seen_point = true;
            i += 1;
        }
    }
    if seen_point {
        digits(&mut i, hex);
    }
    if i < rest.len() && matches!(rest[i] | 0x20, b'e' | b'p') {
        i += 1;
        if i < rest.len() && (rest[i] == b'+' || rest[i] == b'-') {
            i += 1;
        }
        digits(&mut i, false);
    }
    if i < rest.len() && rest[i] == b'i' {
        i += 1;
    }
    lex.bump(i);
}

/// Up to the closing quote, or up to (not including) a newline or the end of input.
fn scan_quoted(lex: &mut logos::Lexer<Raw>, quote: u8) {
    let rest = lex.remainder().as_bytes();
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            b'\\' => {
                i += 1;
                if i < rest.len() && rest[i] != b'\n' {
                    // Step over the escaped character (whole UTF-8 sequence).
                    i += utf8_len(rest[i]);
                }
            }
            b'\n' => break,
            c if c == quote => {
                i += 1;
                break;
            }
            _ => i += 1,
        }
    }
    lex.bump(i.min(rest.len()));
}

pub(crate) fn utf8_len(b: u8) -> usize {
    match b {
        0xf0..=0xff => 4,
        0xe0..=0xef => 3,
        0xc0..=0xdf => 2,
        _ => 1,
    }
}

fn scan_string(lex: &mut logos::Lexer<Raw>) {
    scan_quoted(lex, b'"')
}

fn scan_rune(lex: &mut logos::Lexer<Raw>) {
    scan_quoted(lex, b'\'')
}

fn scan_raw_string(lex: &mut logos::Lexer<Raw>) {
    let rest = lex.remainder();
    let n = match rest.find('`') {
        Some(i) => i + 1,
        None => rest.len(),
    };
    lex.bump(n);
}

/// A token of the grammar. Literals and identifiers carry their source text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok<'a> {
    Ident(&'a str),
    Int(&'a str),
    Float(&'a str),
    Imag(&'a str),
    Rune(&'a str),
    /// Interpreted or raw string literal, quotes included.
    Str(&'a str),

    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,

    Add,
    Sub,
    Mul,
    Quo,
    Rem,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AndNot,
    AddAssign,
    SubAssign,
    MulAssign,
    QuoAssign,
    RemAssign,
    AndAssign,
    OrAssign,
    XorAssign,
    ShlAssign,
    ShrAssign,
    AndNotAssign,
    LAnd,
    LOr,
    Arrow,
    Inc,
    Dec,
    Eql,
    Lss,
    Gtr,
    Assign,
    Not,
    Tilde,
    Neq,
    Leq,
    Geq,
    Define,
    Ellipsis,
    LParen,
    RParen,
    LBrack,
    RBrack,
    LBrace,
    RBrace,
    Comma,
    /// Explicit or automatically inserted (see the module comment).
    Semi,
    Period,
    Colon,
    /// Never produced by the lexer: the parser's error recovery puts it where gc's parser
    /// makes a bad expression (`Expr::Bad`), so that parsing can go on after a syntax error.
    Bad,
}

impl<'a> Tok<'a> {
    /// The token as gc names it in `syntax error: unexpected X`.
    pub fn describe(&self, lo: usize, hi: usize, src_len: usize) -> String {
        use Tok::*;
        match *self {
            Ident(s) => s.to_string(),
            Int(s) | Float(s) | Imag(s) | Rune(s) | Str(s) => format!("literal {}", s),
            Semi => {
                if hi > lo {
                    "semicolon".into()
                } else if lo >= src_len {
                    "EOF".into()
                } else {
                    "newline".into()
                }
            }
            Comma => "comma".into(),
            t => t.text().to_string(),
        }
    }

    /// Source text of a keyword or operator token.
    pub fn text(&self) -> &'static str {
        use Tok::*;
        match *self {
            Ident(_) => "name",
            Int(_) | Float(_) | Imag(_) | Rune(_) | Str(_) => "literal",
            Break => "break",
            Case => "case",
            Chan => "chan",
            Const => "const",
            Continue => "continue",
            Default => "default",
            Defer => "defer",
            Else => "else",
            Fallthrough => "fallthrough",
            For => "for",
            Func => "func",
            Go => "go",
            Goto => "goto",
            If => "if",
            Import => "import",
            Interface => "interface",
            Map => "map",
            Package => "package",
            Range => "range",
            Return => "return",
            Select => "select",
            Struct => "struct",
            Switch => "switch",
            Type => "type",
            Var => "var",
            Add => "+",
            Sub => "-",
            Mul => "*",
            Quo => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            AddAssign => "+=",
            SubAssign => "-=",
            MulAssign => "*=",
            QuoAssign => "/=",
            RemAssign => "%=",
            AndAssign => "&=",
            OrAssign => "|=",
            XorAssign => "^=",
            ShlAssign => "<<=",
            ShrAssign => ">>=",
            AndNotAssign => "&^=",
            LAnd => "&&",
            LOr => "||",
            Arrow => "<-",
            Inc => "++",
            Dec => "--",
            Eql => "==",
            Lss => "<",
            Gtr => ">",
            Assign => "=",
            Not => "!",
            Tilde => "~",
            Neq => "!=",
            Leq => "<=",
            Geq => ">=",
            Define => ":=",
            Bad => "bad expression",
            Ellipsis => "...",
            LParen => "(",
            RParen => ")",
            LBrack => "[",
            RBrack => "]",
            LBrace => "{",
            RBrace => "}",
            Comma => ",",
            Semi => ";",
            Period => ".",
            Colon => ":",
        }
    }

    /// Whether a newline after this token inserts a semicolon.
    fn ends_statement(&self) -> bool {
        use Tok::*;
        matches!(
            self,
            Ident(_)
                | Int(_)
                | Float(_)
                | Imag(_)
                | Rune(_)
                | Str(_)
                | Break
                | Continue
                | Fallthrough
                | Return
                | Inc
                | Dec
                | RParen
                | RBrack
                | RBrace
        )
    }
}

/// A lexical error: byte offset in the file and gc's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexError {
    pub offset: usize,
    pub msg: String,
}

/// The token stream of one file, with semicolons inserted. Lexical errors are collected in
/// `errors` (the offending token is still produced, so parsing goes on).
pub struct Lexer<'a> {
    src: &'a str,
    inner: logos::Lexer<'a, Raw>,
    /// The last token produced allows a semicolon at a newline.
    nlsemi: bool,
    done: bool,
    /// Bytes before this offset belong to a character already reported as invalid.
    skip_until: usize,
    pub errors: Vec<LexError>,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Lexer<'a> {
        let mut inner = Raw::lexer(src);
        // A byte order mark is allowed at the very start.
        if src.starts_with('\u{feff}') {
            inner.bump(3);
        }
        Lexer {
            src,
            inner,
            nlsemi: false,
            done: false,
            skip_until: 0,
            errors: Vec::new(),
        }
    }

    fn error(&mut self, offset: usize, msg: impl Into<String>) {
        self.errors.push(LexError {
            offset,
            msg: msg.into(),
        });
    }

    /// The next token with its span, or None at the end of input.
    pub fn next_token(&mut self) -> Option<(usize, Tok<'a>, usize)> {
        loop {
            let raw = match self.inner.next() {
                None => {
                    if self.done {
                        return None;
                    }
                    self.done = true;
                    if self.nlsemi {
                        self.nlsemi = false;
                        let n = self.src.len();
                        return Some((n, Tok::Semi, n));
                    }
                    return None;
                }
                Some(r) => r,
            };
            let span = self.inner.span();
            let (lo, hi) = (span.start, span.end);
            let text = &self.src[lo..hi];
            let raw = match raw {
                Ok(r) => r,
                Err(()) => {
                    if lo < self.skip_until {
                        continue;
                    }
                    let c = self.src[lo..].chars().next().unwrap_or('\u{fffd}');
                    self.skip_until = lo + c.len_utf8();
                    if hi < self.skip_until {
                        self.inner.bump(self.skip_until - hi);
                    }
                    let msg = if c == '\0' {
                        "invalid NUL character".to_string()
                    } else if c == '\u{feff}' {
                        "invalid BOM in the middle of the file".to_string()
                    } else if c.is_numeric() && !c.is_ascii() {
                        format!(
                            "identifier cannot begin with digit {}",
                            crate::literal::fmt_unicode(c as u32)
                        )
                    } else if !c.is_ascii() {
                        format!(
                            "invalid character {} in identifier",
                            crate::literal::fmt_unicode(c as u32)
                        )
                    } else {
                        format!(
                            "invalid character {}",
                            crate::literal::fmt_unicode(c as u32)
                        )
                    };
                    self.error(lo, msg);
                    continue;
                }
            };
            let tok = match raw {
                Raw::Newline => {
                    if self.nlsemi {
                        self.nlsemi = false;
                        return Some((lo, Tok::Semi, lo));
                    }
                    continue;
                }
                Raw::LineComment => continue,
                Raw::BlockComment => {
                    if !text.ends_with("*/") || text.len() < 4 {
                        self.error(lo, "comment not terminated");
                    }
                    if self.nlsemi && text.contains('\n') {
                        self.nlsemi = false;
                        return Some((lo, Tok::Semi, lo));
                    }
                    continue;
                }
                Raw::Ident => Tok::Ident(text),
                Raw::Number => self.number(lo, text),
                Raw::String => {
                    self.string(lo, text);
                    Tok::Str(text)
                }
                Raw::RawString => {
                    if text.len() < 2 || !text.ends_with('`') {
                        self.error(lo, "string literal not terminated");
                    }
                    Tok::Str(text)
                }
                Raw::Rune => {
                    self.rune(lo, text);
                    Tok::Rune(text)
                }
                Raw::Break => Tok::Break,
                Raw::Case => Tok::Case,
                Raw::Chan => Tok::Chan,
                Raw::Const => Tok::Const,
                Raw::Continue => Tok::Continue,
                Raw::Default => Tok::Default,
                Raw::Defer => Tok::Defer,
                Raw::Else => Tok::Else,
                Raw::Fallthrough => Tok::Fallthrough,
                Raw::For => Tok::For,
                Raw::Func => Tok::Func,
                Raw::Go => Tok::Go,
                Raw::Goto => Tok::Goto,
                Raw::If => Tok::If,
                Raw::Import => Tok::Import,
                Raw::Interface => Tok::Interface,
                Raw::Map => Tok::Map,
                Raw::Package => Tok::Package,
                Raw::Range => Tok::Range,
                Raw::Return => Tok::Return,
                Raw::Select => Tok::Select,
                Raw::Struct => Tok::Struct,
                Raw::Switch => Tok::Switch,
                Raw::Type => Tok::Type,
                Raw::Var => Tok::Var,
                Raw::Add => Tok::Add,
                Raw::Sub => Tok::Sub,
                Raw::Mul => Tok::Mul,
                Raw::Quo => Tok::Quo,
                Raw::Rem => Tok::Rem,
                Raw::And => Tok::And,
                Raw::Or => Tok::Or,
                Raw::Xor => Tok::Xor,
                Raw::Shl => Tok::Shl,
                Raw::Shr => Tok::Shr,
                Raw::AndNot => Tok::AndNot,
                Raw::AddAssign => Tok::AddAssign,
                Raw::SubAssign => Tok::SubAssign,
                Raw::MulAssign => Tok::MulAssign,
                Raw::QuoAssign => Tok::QuoAssign,
                Raw::RemAssign => Tok::RemAssign,
                Raw::AndAssign => Tok::AndAssign,
                Raw::OrAssign => Tok::OrAssign,
                Raw::XorAssign => Tok::XorAssign,
                Raw::ShlAssign => Tok::ShlAssign,
                Raw::ShrAssign => Tok::ShrAssign,
                Raw::AndNotAssign => Tok::AndNotAssign,
                Raw::LAnd => Tok::LAnd,
                Raw::LOr => Tok::LOr,
                Raw::Arrow => Tok::Arrow,
                Raw::Inc => Tok::Inc,
                Raw::Dec => Tok::Dec,
                Raw::Eql => Tok::Eql,
                Raw::Lss => Tok::Lss,
                Raw::Gtr => Tok::Gtr,
                Raw::Assign => Tok::Assign,
                Raw::Not => Tok::Not,
                Raw::Tilde => Tok::Tilde,
                Raw::Neq => Tok::Neq,
                Raw::Leq => Tok::Leq,
                Raw::Geq => Tok::Geq,
                Raw::Define => Tok::Define,
                Raw::Ellipsis => Tok::Ellipsis,
                Raw::LParen => Tok::LParen,
                Raw::RParen => Tok::RParen,
                Raw::LBrack => Tok::LBrack,
                Raw::RBrack => Tok::RBrack,
                Raw::LBrace => Tok::LBrace,
                Raw::RBrace => Tok::RBrace,
                Raw::Comma => Tok::Comma,
                Raw::Semi => Tok::Semi,
                Raw::Period => Tok::Period,
                Raw::Colon => Tok::Colon,
            };
            self.nlsemi = tok.ends_statement();
            return Some((lo, tok, hi));
        }
    }

    fn number(&mut self, lo: usize, text: &'a str) -> Tok<'a> {
        match crate::literal::check_number(text) {
            Ok(kind) => match kind {
                crate::ast::LitKind::Int => Tok::Int(text),
                crate::ast::LitKind::Float => Tok::Float(text),
                _ => Tok::Imag(text),
            },
            Err((kind, at, msg)) => {
                self.error(lo + at, msg);
                match kind {
                    crate::ast::LitKind::Int => Tok::Int(text),
                    crate::ast::LitKind::Float => Tok::Float(text),
                    _ => Tok::Imag(text),
                }
            }
        }
    }

    fn string(&mut self, lo: usize, text: &str) {
        if !closed(text) {
            if lo + text.len() < self.src.len() && self.src.as_bytes()[lo + text.len()] == b'\n' {
                self.error(lo + text.len(), "newline in string");
            } else {
                self.error(lo, "string literal not terminated");
            }
            return;
        }
        if let Err((at, msg)) = crate::literal::check_escapes(&text[1..text.len() - 1], b'"') {
            self.error(lo + 1 + at, msg);
        }
    }

    fn rune(&mut self, lo: usize, text: &str) {
        let terminated = closed(text);
        let body = if terminated {
            &text[1..text.len() - 1]
        } else {
            &text[1..]
        };
        if let Err((at, msg)) = crate::literal::check_escapes(body, b'\'') {
            self.error(lo + 1 + at, msg);
            return;
        }
        if !terminated {
            if lo + text.len() < self.src.len() && self.src.as_bytes()[lo + text.len()] == b'\n' {
                self.error(lo + text.len(), "newline in rune literal");
            } else {
                self.error(lo, "rune literal not terminated");
            }
            return;
        }
        match crate::literal::count_chars(body) {
            0 => self.error(lo + 1, "empty rune literal or unescaped '"),
            1 => {}
            _ => self.error(lo, "more than one character in rune literal"),
        }
    }
}

/// Whether a quoted literal's last quote really closes it (is not escaped).
fn closed(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 1;
    while i < b.len() {
        if b[i] == b'\\' {
            i += 2;
            continue;
        }
        if b[i] == b[0] {
            return i == b.len() - 1;
        }
        i += 1;
    }
    false
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Result<(usize, Tok<'a>, usize), LexError>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_token().map(Ok)
    }
}

/// All tokens of `src` (for tests and tools).
pub fn tokenize(src: &str) -> (Vec<(usize, Tok<'_>, usize)>, Vec<LexError>) {
    let mut lx = Lexer::new(src);
    let mut toks = Vec::new();
    while let Some(t) = lx.next_token() {
        toks.push(t);
    }
    (toks, lx.errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok<'_>> {
        let (t, errs) = tokenize(src);
        assert!(errs.is_empty(), "{:?}", errs);
        t.into_iter().map(|t| t.1).collect()
    }

    fn err(src: &str) -> String {
        let (_, errs) = tokenize(src);
        assert!(!errs.is_empty(), "no error for {:?}", src);
        errs[0].msg.clone()
    }

    #[test]
    fn idents_keywords() {
        use Tok::*;
        assert_eq!(
            toks("break breaker _x é9 chan"),
            vec![Break, Ident("breaker"), Ident("_x"), Ident("é9"), Chan]
        );
    }

    #[test]
    fn semicolons() {
        use Tok::*;
        assert_eq!(toks("x\ny"), vec![Ident("x"), Semi, Ident("y"), Semi]);
        assert_eq!(toks("x +\ny"), vec![Ident("x"), Add, Ident("y"), Semi]);
        assert_eq!(toks("return\n"), vec![Return, Semi]);
        assert_eq!(toks("x++ // c\n"), vec![Ident("x"), Inc, Semi]);
        assert_eq!(
            toks("f() /* a\n b */ g"),
            vec![Ident("f"), LParen, RParen, Semi, Ident("g"), Semi]
        );
        assert_eq!(
            toks("f() /* a */ g"),
            vec![Ident("f"), LParen, RParen, Ident("g"), Semi]
        );
        assert_eq!(toks("{\n}\n"), vec![LBrace, RBrace, Semi]);
        assert_eq!(
            toks("a[1]\n"),
            vec![Ident("a"), LBrack, Int("1"), RBrack, Semi]
        );
        assert_eq!(toks("x,\ny"), vec![Ident("x"), Comma, Ident("y"), Semi]);
        for kw in ["break", "continue", "fallthrough", "return"] {
            assert_eq!(toks(&format!("{}\n", kw)).len(), 2);
        }
        for kw in ["if", "for", "func", "go", "defer", "var"] {
            assert_eq!(toks(&format!("{}\n", kw)).len(), 1);
        }
        // Inserted semicolon spans are empty: at the newline, or at EOF.
        let (t, _) = tokenize("x\n");
        assert_eq!(t[1], (1, Semi, 1));
        let (t, _) = tokenize("x");
        assert_eq!(t[1], (1, Semi, 1));
        let (t, _) = tokenize("x;");
        assert_eq!(t[1], (1, Semi, 2));
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn literals() {
        use Tok::*;
        let cases: &[(&str, Tok)] = &[
            ("42", Int("42")),
            ("4_2", Int("4_2")),
            ("0600", Int("0600")),
            ("0_600", Int("0_600")),
            ("0o600", Int("0o600")),
            ("0O600", Int("0O600")),
            ("0xBadFace", Int("0xBadFace")),
            ("0xBad_Face", Int("0xBad_Face")),
            ("0x_67_7a_2f_cc_40_c6", Int("0x_67_7a_2f_cc_40_c6")),
            ("0b1011", Int("0b1011")),
            ("0B_1_0", Int("0B_1_0")),
            (
                "170141183460469231731687303715884105727",
                Int("170141183460469231731687303715884105727"),
            ),
            ("0.", Float("0.")),
            ("72.40", Float("72.40")),
            ("072.40", Float("072.40")),
            ("2.71828", Float("2.71828")),
            ("1.e+0", Float("1.e+0")),
            ("6.67428e-11", Float("6.67428e-11")),
            ("1E6", Float("1E6")),
            (".25", Float(".25")),
            (".12345E+5", Float(".12345E+5")),
            ("1_5.", Float("1_5.")),
            ("0.15e+0_2", Float("0.15e+0_2")),
            ("0x1p-2", Float("0x1p-2")),
            ("0x2.p10", Float("0x2.p10")),
            ("0x1.Fp+0", Float("0x1.Fp+0")),
            ("0X.8p-0", Float("0X.8p-0")),
            ("0X_1FFFP-16", Float("0X_1FFFP-16")),
            ("089.5", Float("089.5")),
            ("0i", Imag("0i")),
            ("0123i", Imag("0123i")),
            ("0o123i", Imag("0o123i")),
            ("0xabci", Imag("0xabci")),
            ("0.i", Imag("0.i")),
            ("2.71828i", Imag("2.71828i")),
            ("1.e+0i", Imag("1.e+0i")),
            ("6.67428e-11i", Imag("6.67428e-11i")),
            ("1E6i", Imag("1E6i")),
            (".25i", Imag(".25i")),
            ("0x1p-2i", Imag("0x1p-2i")),
            ("'a'", Rune("'a'")),
            ("'ä'", Rune("'ä'")),
            ("'本'", Rune("'本'")),
            ("'\\t'", Rune("'\\t'")),
            ("'\\000'", Rune("'\\000'")),
            ("'\\007'", Rune("'\\007'")),
            ("'\\377'", Rune("'\\377'")),
            ("'\\x07'", Rune("'\\x07'")),
            ("'\\xff'", Rune("'\\xff'")),
            ("'\\u12e4'", Rune("'\\u12e4'")),
            ("'\\U00101234'", Rune("'\\U00101234'")),
            ("'\\''", Rune("'\\''")),
            ("`abc`", Str("`abc`")),
            ("`\\n\n\\n`", Str("`\\n\n\\n`")),
            ("\"\\n\"", Str("\"\\n\"")),
            ("\"\\\"\"", Str("\"\\\"\"")),
            ("\"Hello, world!\\n\"", Str("\"Hello, world!\\n\"")),
            ("\"日本語\"", Str("\"日本語\"")),
            ("\"\\u65e5本\\U00008a9e\"", Str("\"\\u65e5本\\U00008a9e\"")),
            ("\"\\xff\\u00FF\"", Str("\"\\xff\\u00FF\"")),
            (
                "\"\\a\\b\\f\\n\\r\\t\\v\\\\\"",
                Str("\"\\a\\b\\f\\n\\r\\t\\v\\\\\""),
            ),
        ];
        for (src, want) in cases {
            let got = toks(src);
            assert_eq!(got, vec![*want, Semi], "{}", src);
        }
    }

    #[test]
    fn operators() {
        use Tok::*;
        assert_eq!(
            toks("+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! ~ != <= >= := ... ( ) [ ] { } , ; . :"),
            vec![
                Add, Sub, Mul, Quo, Rem, And, Or, Xor, Shl, Shr, AndNot, AddAssign, SubAssign,
                MulAssign, QuoAssign, RemAssign, AndAssign, OrAssign, XorAssign, ShlAssign,
                ShrAssign, AndNotAssign, LAnd, LOr, Arrow, Inc, Dec, Eql, Lss, Gtr, Assign, Not,
                Tilde, Neq, Leq, Geq, Define, Ellipsis, LParen, RParen, LBrack, RBrack, LBrace,
                RBrace, Comma, Semi, Period, Colon,
            ]
        );
        assert_eq!(toks("x.y"), vec![Ident("x"), Period, Ident("y"), Semi]);
        assert_eq!(
            toks("a[1:]"),
            vec![Ident("a"), LBrack, Int("1"), Colon, RBrack, Semi]
        );
    }

    #[test]
    fn errors() {
        assert_eq!(err("@"), "invalid character U+0040 '@'");
        assert_eq!(err("x := \"abc\ny"), "newline in string");
        assert_eq!(err("x := \"abc"), "string literal not terminated");
        assert_eq!(err("x := `abc"), "string literal not terminated");
        assert_eq!(err("'ab'"), "more than one character in rune literal");
        assert_eq!(err("''"), "empty rune literal or unescaped '");
        assert_eq!(err("'a"), "rune literal not terminated");
        assert_eq!(err("'a\n'"), "newline in rune literal");
        assert_eq!(err("1__2"), "'_' must separate successive digits");
        assert_eq!(err("12_"), "'_' must separate successive digits");
        assert_eq!(err("0_x1"), "'_' must separate successive digits");
        assert_eq!(err("0128"), "invalid digit '8' in octal literal");
        assert_eq!(err("0o8"), "invalid digit '8' in octal literal");
        assert_eq!(err("0b12"), "invalid digit '2' in binary literal");
        assert_eq!(err("0x"), "hexadecimal literal has no digits");
        assert_eq!(err("0x1.0"), "hexadecimal mantissa requires a 'p' exponent");
        assert_eq!(err("1p4"), "'p' exponent requires hexadecimal mantissa");
        assert_eq!(err("1e"), "exponent has no digits");
        assert_eq!(err("0o1.2"), "invalid radix point in octal literal");
        assert_eq!(err("\"\\400\""), "octal escape value 256 > 255");
        assert_eq!(
            err("\"\\uD800\""),
            "escape is invalid Unicode code point U+D800"
        );
        assert_eq!(
            err("'\\U00110000'"),
            "escape is invalid Unicode code point U+110000"
        );
        assert_eq!(err("\"\\q\""), "unknown escape");
        assert_eq!(err("\"\\'\""), "unknown escape");
        assert_eq!(err("'\\\"'"), "unknown escape");
        assert_eq!(
            err("\"\\xg0\""),
            "invalid character 'g' in hexadecimal escape"
        );
        assert_eq!(err("/* abc"), "comment not terminated");
    }

    #[test]
    fn error_positions() {
        let (_, errs) = tokenize("x := 1 @");
        assert_eq!(errs[0].offset, 7);
        let (_, errs) = tokenize("x := 0128");
        assert_eq!(errs[0].offset, 8);
        // As gc: value errors after the escape's digits, unknown escapes at the letter,
        // newlines where they are.
        let (_, errs) = tokenize("  \"\\400\"");
        assert_eq!(errs[0].offset, 7);
        let (_, errs) = tokenize("\"\\q\"");
        assert_eq!(errs[0].offset, 2);
        let (_, errs) = tokenize("\"ab\n");
        assert_eq!(errs[0].offset, 3);
        let (_, errs) = tokenize("''");
        assert_eq!(errs[0].offset, 1);
        let (_, errs) = tokenize("x = 0x1.0");
        assert_eq!(errs[0].offset, 9);
    }
}
