package main

type T struct{ n int }

func (t T) String() string { return "T" }

type S interface{ String() string }

func try(name string, f func()) {
	defer func() { println(name, recover().(error).Error()) }()
	f()
}

func main() {
	var p *T
	try("expr", func() { g := (*T).String; g(p) })
	try("value", func() { g := p.String; g() })
	try("iface", func() { var s S = p; s.String() })
	try("direct", func() { p.String() })
}
