// exitcode: 2
package main

// runtime.Breakpoint without a debugger: gc's SIGTRAP crash and traceback, exit status 2.

import "runtime"

func main() {
	println("before")
	runtime.Breakpoint()
	println("after")
}
