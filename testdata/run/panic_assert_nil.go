// exitcode: 2
package main

type T struct{ a int }

func get() interface{} { return nil }

func main() {
	v := get()
	println(v == nil)
	println(v.(T).a)
}
