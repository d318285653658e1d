// exitcode: 2
package main

func main() {
	var d uint8 = 3
	for i := uint8(9); ; i-- {
		println(i % d)
		d--
	}
}
