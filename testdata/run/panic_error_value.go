// exitcode: 2
package main

type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	return "parse error: " + e.Msg
}

func parse(s string) int {
	if s == "" {
		panic(&ParseError{1, "empty input"})
	}
	return len(s)
}

func main() {
	println(parse("abc"))
	println(parse(""))
}
