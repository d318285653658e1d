// exitcode: 2
package main

type ErrCode int

func fail(c ErrCode) {
	panic(c)
}

func main() {
	fail(ErrCode(404))
}
