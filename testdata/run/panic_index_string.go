// exitcode: 2
package main

func lastByte(s string) byte {
	return s[len(s)-1]
}

func main() {
	println(lastByte("abc"))
	println(lastByte(""))
}
