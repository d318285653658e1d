package main

// A recursive-descent parser/evaluator for integer expressions with
// + - * / % parentheses and unary minus.

type parser struct {
	src string
	pos int
	err string
}

func (p *parser) peek() byte {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
	if p.pos >= len(p.src) {
		return 0
	}
	return p.src[p.pos]
}

func (p *parser) expr() int {
	v := p.term()
	for {
		switch p.peek() {
		case '+':
			p.pos++
			v += p.term()
		case '-':
			p.pos++
			v -= p.term()
		default:
			return v
		}
	}
}

func (p *parser) term() int {
	v := p.factor()
	for {
		switch op := p.peek(); op {
		case '*', '/', '%':
			p.pos++
			r := p.factor()
			if op == '*' {
				v *= r
			} else if r == 0 {
				p.err = "division by zero"
				return 0
			} else if op == '/' {
				v /= r
			} else {
				v %= r
			}
		default:
			return v
		}
	}
}

func (p *parser) factor() int {
	c := p.peek()
	switch {
	case c == '-':
		p.pos++
		return -p.factor()
	case c == '(':
		p.pos++
		v := p.expr()
		if p.peek() != ')' {
			p.err = "missing )"
			return 0
		}
		p.pos++
		return v
	case c >= '0' && c <= '9':
		v := 0
		for p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
			v = v*10 + int(p.src[p.pos]-'0')
			p.pos++
		}
		return v
	}
	p.err = "unexpected character"
	return 0
}

func eval(s string) (int, string) {
	p := &parser{src: s}
	v := p.expr()
	if p.err == "" && p.peek() != 0 {
		p.err = "trailing input"
	}
	return v, p.err
}

func main() {
	for _, s := range []string{"1 + 2 * 3", "(1 + 2) * 3", "-7 / 2", "-7 % 3", "2 * (3 + 4) * 5 - 6",
		"100 / (5 - 5)", "(1 + 2", "1 2", "--5", "((((42))))", "1-2-3", "2*3%4"} {
		v, err := eval(s)
		if err != "" {
			println(s, "=> error:", err)
		} else {
			println(s, "=>", v)
		}
	}
}
