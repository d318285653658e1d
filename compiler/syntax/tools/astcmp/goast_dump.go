// Command goast_dump prints Go files parsed by go/parser in the S-expression format of
// gorc-syntax's examples/dumpast.rs, so that the two parsers' trees can be compared
// (see compare.sh).
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
)

var w *bufio.Writer

func p(s string) { w.WriteString(s) }

func expr(e ast.Expr) {
	if e == nil {
		p("_")
		return
	}
	switch x := e.(type) {
	case *ast.Ident:
		p(x.Name)
	case *ast.BasicLit:
		p(x.Value)
	case *ast.CompositeLit:
		p("(lit ")
		expr(x.Type)
		for _, el := range x.Elts {
			p(" ")
			expr(el)
		}
		p(")")
	case *ast.KeyValueExpr:
		p("(kv ")
		expr(x.Key)
		p(" ")
		expr(x.Value)
		p(")")
	case *ast.FuncLit:
		p("(funclit ")
		ftype(x.Type)
		p(" ")
		block(x.Body)
		p(")")
	case *ast.ParenExpr:
		p("(paren ")
		expr(x.X)
		p(")")
	case *ast.SelectorExpr:
		p("(sel ")
		expr(x.X)
		p(" " + x.Sel.Name + ")")
	case *ast.IndexExpr:
		p("(index ")
		expr(x.X)
		p(" ")
		expr(x.Index)
		p(")")
	case *ast.SliceExpr:
		p("(slice ")
		expr(x.X)
		p(" ")
		expr(x.Low)
		p(" ")
		expr(x.High)
		p(" ")
		expr(x.Max)
		p(fmt.Sprintf(" %v)", x.Slice3))
	case *ast.TypeAssertExpr:
		p("(assert ")
		expr(x.X)
		p(" ")
		if x.Type == nil {
			p("type")
		} else {
			expr(x.Type)
		}
		p(")")
	case *ast.CallExpr:
		p("(call ")
		expr(x.Fun)
		for _, a := range x.Args {
			p(" ")
			expr(a)
		}
		if x.Ellipsis.IsValid() {
			p(" ...")
		}
		p(")")
	case *ast.StarExpr:
		p("(star ")
		expr(x.X)
		p(")")
	case *ast.UnaryExpr:
		p("(un " + x.Op.String() + " ")
		expr(x.X)
		p(")")
	case *ast.BinaryExpr:
		p("(bin " + x.Op.String() + " ")
		expr(x.X)
		p(" ")
		expr(x.Y)
		p(")")
	case *ast.ArrayType:
		p("(array ")
		if x.Len == nil {
			p("[]")
		} else if _, ok := x.Len.(*ast.Ellipsis); ok {
			p("...")
		} else {
			expr(x.Len)
		}
		p(" ")
		expr(x.Elt)
		p(")")
	case *ast.StructType:
		p("(struct")
		fields(x.Fields)
		p(")")
	case *ast.FuncType:
		ftype(x)
	case *ast.InterfaceType:
		p("(iface")
		for _, f := range x.Methods.List {
			if len(f.Names) > 0 {
				p(" (m " + f.Names[0].Name + " ")
				ftype(f.Type.(*ast.FuncType))
				p(")")
			} else {
				p(" (e ")
				expr(f.Type)
				p(")")
			}
		}
		p(")")
	case *ast.MapType:
		p("(map ")
		expr(x.Key)
		p(" ")
		expr(x.Value)
		p(")")
	case *ast.ChanType:
		d := "both"
		if x.Dir == ast.SEND {
			d = "send"
		} else if x.Dir == ast.RECV {
			d = "recv"
		}
		p("(chan " + d + " ")
		expr(x.Value)
		p(")")
	case *ast.Ellipsis:
		p("(ell ")
		expr(x.Elt)
		p(")")
	default:
		p(fmt.Sprintf("(?%T)", e))
	}
}

func fields(fl *ast.FieldList) {
	if fl == nil {
		return
	}
	for _, f := range fl.List {
		p(" (field (")
		for i, n := range f.Names {
			if i > 0 {
				p(" ")
			}
			p(n.Name)
		}
		p(") ")
		expr(f.Type)
		if f.Tag != nil {
			p(" " + f.Tag.Value)
		}
		p(")")
	}
}

func ftype(f *ast.FuncType) {
	p("(functype (params")
	fields(f.Params)
	p(") (results")
	fields(f.Results)
	p("))")
}

func block(b *ast.BlockStmt) {
	if b == nil {
		p("nobody")
		return
	}
	p("{")
	stmts(b.List)
	p("}")
}

func stmts(l []ast.Stmt) {
	for _, s := range l {
		if _, ok := s.(*ast.EmptyStmt); ok {
			continue
		}
		p(" ")
		stmt(s)
	}
}

func exprs(l []ast.Expr) {
	for i, e := range l {
		if i > 0 {
			p(" ")
		}
		expr(e)
	}
}

func stmtOpt(s ast.Stmt) {
	if s == nil {
		p("_")
	} else {
		stmt(s)
	}
}

func stmt(s ast.Stmt) {
	switch x := s.(type) {
	case *ast.EmptyStmt:
		p("(empty)")
	case *ast.ExprStmt:
		p("(expr ")
		expr(x.X)
		p(")")
	case *ast.SendStmt:
		p("(send ")
		expr(x.Chan)
		p(" ")
		expr(x.Value)
		p(")")
	case *ast.IncDecStmt:
		p("(incdec " + x.Tok.String() + " ")
		expr(x.X)
		p(")")
	case *ast.AssignStmt:
		p("(assign " + x.Tok.String() + " (")
		exprs(x.Lhs)
		p(") (")
		exprs(x.Rhs)
		p("))")
	case *ast.DeclStmt:
		decl(x.Decl)
	case *ast.LabeledStmt:
		p("(label " + x.Label.Name + " ")
		stmt(x.Stmt)
		p(")")
	case *ast.GoStmt:
		p("(go ")
		expr(x.Call)
		p(")")
	case *ast.DeferStmt:
		p("(defer ")
		expr(x.Call)
		p(")")
	case *ast.ReturnStmt:
		p("(return ")
		exprs(x.Results)
		p(")")
	case *ast.BranchStmt:
		p("(" + x.Tok.String())
		if x.Label != nil {
			p(" " + x.Label.Name)
		}
		p(")")
	case *ast.BlockStmt:
		block(x)
	case *ast.IfStmt:
		p("(if ")
		stmtOpt(x.Init)
		p(" ")
		expr(x.Cond)
		p(" ")
		block(x.Body)
		p(" ")
		stmtOpt(x.Else)
		p(")")
	case *ast.SwitchStmt:
		p("(switch ")
		stmtOpt(x.Init)
		p(" ")
		expr(x.Tag)
		for _, c := range x.Body.List {
			cc := c.(*ast.CaseClause)
			p(" ")
			clause(cc)
		}
		p(")")
	case *ast.TypeSwitchStmt:
		p("(typeswitch ")
		stmtOpt(x.Init)
		p(" ")
		switch a := x.Assign.(type) {
		case *ast.AssignStmt:
			p(a.Lhs[0].(*ast.Ident).Name + " ")
			expr(a.Rhs[0].(*ast.TypeAssertExpr).X)
		case *ast.ExprStmt:
			p("_ ")
			expr(a.X.(*ast.TypeAssertExpr).X)
		}
		for _, c := range x.Body.List {
			p(" ")
			clause(c.(*ast.CaseClause))
		}
		p(")")
	case *ast.SelectStmt:
		p("(select")
		for _, c := range x.Body.List {
			cc := c.(*ast.CommClause)
			p(" (comm ")
			stmtOpt(cc.Comm)
			stmts(cc.Body)
			p(")")
		}
		p(")")
	case *ast.ForStmt:
		p("(for ")
		stmtOpt(x.Init)
		p(" ")
		expr(x.Cond)
		p(" ")
		stmtOpt(x.Post)
		p(" ")
		block(x.Body)
		p(")")
	case *ast.RangeStmt:
		p("(range ")
		expr(x.Key)
		p(" ")
		expr(x.Value)
		p(fmt.Sprintf(" %v ", x.Tok == token.DEFINE))
		expr(x.X)
		p(" ")
		block(x.Body)
		p(")")
	default:
		p(fmt.Sprintf("(?%T)", s))
	}
}

func clause(cc *ast.CaseClause) {
	if cc.List == nil {
		p("(default")
	} else {
		p("(case (")
		exprs(cc.List)
		p(")")
	}
	stmts(cc.Body)
	p(")")
}

func decl(d ast.Decl) {
	switch x := d.(type) {
	case *ast.GenDecl:
		p("(" + x.Tok.String())
		for _, s := range x.Specs {
			switch sp := s.(type) {
			case *ast.ValueSpec:
				p(" (spec (")
				for i, n := range sp.Names {
					if i > 0 {
						p(" ")
					}
					p(n.Name)
				}
				p(") ")
				expr(sp.Type)
				p(" (")
				exprs(sp.Values)
				p("))")
			case *ast.TypeSpec:
				p(" (tspec " + sp.Name.Name)
				if sp.Assign.IsValid() {
					p(" =")
				}
				p(" ")
				expr(sp.Type)
				p(")")
			case *ast.ImportSpec:
				p(" (import ")
				if sp.Name != nil {
					p(sp.Name.Name)
				} else {
					p("_none")
				}
				p(" " + sp.Path.Value + ")")
			}
		}
		p(")")
	case *ast.FuncDecl:
		p("(func ")
		if x.Recv != nil {
			p("(recv")
			fields(x.Recv)
			p(") ")
		}
		p(x.Name.Name + " ")
		ftype(x.Type)
		p(" ")
		block(x.Body)
		p(")")
	}
}

func main() {
	w = bufio.NewWriterSize(os.Stdout, 1<<20)
	defer w.Flush()
	for _, path := range os.Args[1:] {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			p("FILE " + path + " ERROR\n")
			continue
		}
		p("FILE " + path + "\n")
		p("package " + f.Name.Name + "\n")
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
				for _, s := range g.Specs {
					sp := s.(*ast.ImportSpec)
					p("(import ")
					if sp.Name != nil {
						p(sp.Name.Name)
					} else {
						p("_none")
					}
					p(" " + sp.Path.Value + ")\n")
				}
				continue
			}
			decl(d)
			p("\n")
		}
	}
}
