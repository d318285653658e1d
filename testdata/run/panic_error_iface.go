// exitcode: 2
package main

type notFound struct {
	name string
	code int
}

func (e *notFound) Error() string { return "not found: " + e.name }

func lookup(name string) (int, error) {
	if name == "x" {
		return 1, nil
	}
	return 0, &notFound{name, 404}
}

func main() {
	v, err := lookup("x")
	println(v, err == nil)
	_, err = lookup("y")
	if nf, ok := err.(*notFound); ok {
		println(nf.code)
	}
	panic(err)
}
