//! The abstract syntax tree of Go 1.19 (without type parameters).
//!
//! The tree follows go/ast closely, so that the checker can mirror go/types: types are written
//! as expressions (`ExprKind::ArrayType`, ...), and every expression and every identifier carries
//! a `NodeId`, unique within a compilation, which the checker's side tables are keyed by.
//! Literals keep their source text; `crate::literal` decodes them.

use crate::pos::Pos;

/// Identifies an expression or identifier for the checker's side tables.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

pub type P<T> = Box<T>;

#[derive(Clone, Debug)]
pub struct Ident {
    pub id: NodeId,
    pub pos: Pos,
    pub name: String,
}

impl Ident {
    pub fn is_blank(&self) -> bool {
        self.name == "_"
    }
}

/// One source file.
#[derive(Clone, Debug)]
pub struct File {
    /// Position of the `package` keyword.
    pub pos: Pos,
    pub package: Ident,
    pub imports: Vec<ImportSpec>,
    pub decls: Vec<Decl>,
    /// Position just past the last byte of the file.
    pub end: Pos,
}

#[derive(Clone, Debug)]
pub struct ImportSpec {
    pub pos: Pos,
    /// `import name "path"`; the name may be `.` or `_`.
    pub name: Option<Ident>,
    /// The path literal's raw text, quotes included.
    pub path: BasicLit,
}

#[derive(Clone, Debug)]
pub enum Decl {
    /// `const ( ... )` or a single `const`; the specs in order.
    Const(Vec<ValueSpec>),
    Var(Vec<ValueSpec>),
    Type(Vec<TypeSpec>),
    Func(FuncDecl),
}

#[derive(Clone, Debug)]
pub struct ValueSpec {
    pub pos: Pos,
    pub names: Vec<Ident>,
    pub ty: Option<Expr>,
    /// Empty in a `const` group spec that repeats the previous spec's expressions, and in
    /// `var x T`.
    pub values: Vec<Expr>,
    /// Index of this spec in its group: the value of `iota` (meaningful for const).
    pub iota: u32,
}

#[derive(Clone, Debug)]
pub struct TypeSpec {
    pub pos: Pos,
    pub name: Ident,
    /// `type A = B`.
    pub alias: bool,
    pub ty: Expr,
}

#[derive(Clone, Debug)]
pub struct FuncDecl {
    /// Position of the `func` keyword.
    pub pos: Pos,
    /// The receiver parameter list (exactly one field when well-formed).
    pub recv: Option<Vec<Field>>,
    pub name: Ident,
    pub sig: FuncType,
    /// None for a function declared without a body (implemented elsewhere).
    pub body: Option<Block>,
    /// Compiler directives in the comment block right above the declaration, without the
    /// leading `//`: `go:noinline`, `gorc:extern gorc_exit`, `export F`.
    pub directives: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct FuncType {
    pub pos: Pos,
    pub params: Vec<Field>,
    /// Result fields; a single unnamed result is one field with no names.
    pub results: Vec<Field>,
}

/// A parameter, result, struct field or interface element group.
/// For parameters, a variadic last parameter has `ty` = `ExprKind::Ellipsis(Some(elem))`.
#[derive(Clone, Debug)]
pub struct Field {
    pub pos: Pos,
    /// Empty for an unnamed parameter/result and for an embedded struct field.
    pub names: Vec<Ident>,
    pub ty: Expr,
    /// Struct field tag, raw text with quotes.
    pub tag: Option<BasicLit>,
}

/// An element of an interface type: a method or an embedded interface.
#[derive(Clone, Debug)]
pub enum InterfaceElem {
    Method { name: Ident, sig: FuncType },
    Embedded(Expr),
}

#[derive(Clone, Debug)]
pub struct Block {
    pub lbrace: Pos,
    pub stmts: Vec<Stmt>,
    pub rbrace: Pos,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LitKind {
    Int,
    Float,
    Imag,
    Rune,
    String,
}

#[derive(Clone, Debug)]
pub struct BasicLit {
    pub pos: Pos,
    pub kind: LitKind,
    /// The literal exactly as written in the source.
    pub raw: String,
}

/// An expression (or a type written as one).
///
/// `pos` follows go/ast's `Pos()` (the first token: the operand of a selector, index, slice,
/// call or type assertion; the type of a composite literal, or its `{` when elided; the `(` of a
/// parenthesized expression; the operator of a unary expression; the `func` of a literal), with
/// one exception, as in gc's syntax package: a **binary** expression's `pos` is its
/// **operator**, which is where gc reports `invalid operation` errors. `Expr::start` gives the
/// first token's position for every kind.
#[derive(Clone, Debug)]
pub struct Expr {
    pub id: NodeId,
    pub pos: Pos,
    pub kind: ExprKind,
}

impl Expr {
    /// Position of the expression's first token (differs from `pos` only for binary
    /// expressions, whose `pos` is the operator's).
    pub fn start(&self) -> Pos {
        let mut e = self;
        while let ExprKind::Binary(_, l, _) = &e.kind {
            e = l;
        }
        e.pos
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Plus, // +x
    Neg,  // -x
    Not,  // !x
    Xor,  // ^x
    Addr, // &x
    Recv, // <-x
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Add,    // +
    Sub,    // -
    Mul,    // *
    Div,    // /
    Rem,    // %
    And,    // &
    Or,     // |
    Xor,    // ^
    Shl,    // <<
    Shr,    // >>
    AndNot, // &^
    LAnd,   // &&
    LOr,    // ||
    Eq,     // ==
    Ne,     // !=
    Lt,     // <
    Le,     // <=
    Gt,     // >
    Ge,     // >=
}

impl BinaryOp {
    pub fn as_str(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            LAnd => "&&",
            LOr => "||",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
        }
    }
    pub fn is_comparison(self) -> bool {
        use BinaryOp::*;
        matches!(self, Eq | Ne | Lt | Le | Gt | Ge)
    }
    pub fn is_shift(self) -> bool {
        matches!(self, BinaryOp::Shl | BinaryOp::Shr)
    }
}

impl UnaryOp {
    pub fn as_str(self) -> &'static str {
        match self {
            UnaryOp::Plus => "+",
            UnaryOp::Neg => "-",
            UnaryOp::Not => "!",
            UnaryOp::Xor => "^",
            UnaryOp::Addr => "&",
            UnaryOp::Recv => "<-",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both, // chan T
    Send, // chan<- T
    Recv, // <-chan T
}

#[derive(Clone, Debug)]
pub enum ArrayLen {
    /// `[]T`: a slice type.
    Slice,
    /// `[...]T` in a composite literal.
    Ellipsis,
    Expr(P<Expr>),
}

/// An element of a composite literal: `value` or `key: value`. A nested literal with its type
/// elided (`{1, 2}` inside `[][]int{...}`) is a `CompositeLit` with `ty: None`.
#[derive(Clone, Debug)]
pub struct Element {
    pub key: Option<Expr>,
    pub value: Expr,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Ident(String),
    BasicLit(BasicLit),
    CompositeLit {
        ty: Option<P<Expr>>,
        elts: Vec<Element>,
        lbrace: Pos,
        rbrace: Pos,
    },
    FuncLit {
        sig: FuncType,
        body: Block,
    },
    Paren(P<Expr>),
    /// `x.sel`: a field, a method, or a qualified identifier `pkg.Name`.
    Selector(P<Expr>, Ident),
    Index(P<Expr>, P<Expr>),
    /// `x[lo:hi]` or `x[lo:hi:max]` (`three` set for the 3-index form).
    Slice {
        x: P<Expr>,
        lo: Option<P<Expr>>,
        hi: Option<P<Expr>>,
        max: Option<P<Expr>>,
        three: bool,
    },
    /// `x.(T)`; `ty` is None for `x.(type)` in a type switch guard.
    TypeAssert(P<Expr>, Option<P<Expr>>),
    Call {
        func: P<Expr>,
        args: Vec<Expr>,
        /// Position of `...` in `f(xs...)`.
        ellipsis: Option<Pos>,
        rparen: Pos,
    },
    /// `*x`: a dereference or a pointer type.
    Star(P<Expr>),
    Unary(UnaryOp, P<Expr>),
    Binary(BinaryOp, P<Expr>, P<Expr>),
    // Type expressions. (`key: value` is not an expression: see `Element`.)
    ArrayType {
        len: ArrayLen,
        elem: P<Expr>,
    },
    StructType(Vec<Field>),
    FuncType(FuncType),
    InterfaceType(Vec<InterfaceElem>),
    MapType(P<Expr>, P<Expr>),
    ChanType(ChanDir, P<Expr>),
    /// `...T` as the type of a variadic parameter (`None` only after a syntax error).
    Ellipsis(Option<P<Expr>>),
    /// Placeholder after a syntax error.
    Bad,
}

/// A statement; `pos` is its first token (`Labeled`: the label; `Assign`, `Define`, `Send`,
/// `IncDec`, `Expr`: the start of the first expression).
#[derive(Clone, Debug)]
pub struct Stmt {
    pub pos: Pos,
    pub kind: StmtKind,
}

#[derive(Clone, Debug)]
pub struct CaseClause {
    pub pos: Pos,
    /// None for `default:`.
    pub exprs: Option<Vec<Expr>>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct TypeCaseClause {
    pub pos: Pos,
    /// None for `default:`; `nil` appears as an identifier expression.
    pub types: Option<Vec<Expr>>,
    pub body: Vec<Stmt>,
    /// Identifies the variable a type switch binds in this clause (`switch v := x.(type)`).
    pub implicit: NodeId,
}

#[derive(Clone, Debug)]
pub struct CommClause {
    pub pos: Pos,
    /// A send statement or a receive (`ExprStmt`, `Assign` or `Define` whose rhs is `<-ch`);
    /// None for `default:`.
    pub comm: Option<P<Stmt>>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub enum AssignOp {
    /// `=`
    Plain,
    /// `+=`, `<<=`, ...
    Op(BinaryOp),
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Empty,
    Expr(Expr),
    /// `ch <- v`
    Send(Expr, Expr),
    /// `x++` (true) or `x--` (false)
    IncDec(Expr, bool),
    Assign {
        lhs: Vec<Expr>,
        op: AssignOp,
        rhs: Vec<Expr>,
    },
    /// `a, b := x, y`. The parser reports a non-identifier on the left.
    Define {
        lhs: Vec<Ident>,
        rhs: Vec<Expr>,
    },
    /// A `const`, `var` or `type` declaration inside a function.
    Decl(Decl),
    Labeled(Ident, P<Stmt>),
    Go(Expr),
    Defer(Expr),
    Return(Vec<Expr>),
    Break(Option<Ident>),
    Continue(Option<Ident>),
    Goto(Ident),
    Fallthrough,
    Block(Block),
    If {
        init: Option<P<Stmt>>,
        cond: Expr,
        then: Block,
        /// Either an `If` statement or a `Block`.
        els: Option<P<Stmt>>,
    },
    Switch {
        init: Option<P<Stmt>>,
        tag: Option<Expr>,
        body: Vec<CaseClause>,
        rbrace: Pos,
    },
    /// `switch [init;] [v :=] x.(type) { ... }`
    TypeSwitch {
        init: Option<P<Stmt>>,
        bind: Option<Ident>,
        /// The expression whose dynamic type is switched on (`x` in `x.(type)`).
        x: Expr,
        body: Vec<TypeCaseClause>,
        rbrace: Pos,
    },
    Select {
        body: Vec<CommClause>,
        rbrace: Pos,
    },
    For {
        init: Option<P<Stmt>>,
        cond: Option<Expr>,
        post: Option<P<Stmt>>,
        body: Block,
    },
    /// `for k, v := range x`, `for k = range x`, `for range x`.
    Range {
        key: Option<Expr>,
        value: Option<Expr>,
        /// `:=` (key and value are then identifiers).
        define: bool,
        x: Expr,
        body: Block,
    },
}
