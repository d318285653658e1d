// exitcode: 2
package main

import "time"

// Methods of a Timer that NewTimer or AfterFunc did not make panic as gc's do.

func main() {
	var t time.Timer
	func() {
		defer func() { println("recovered:", recover().(string)) }()
		t.Reset(time.Second)
	}()
	t.Stop()
	println("not reached")
}
