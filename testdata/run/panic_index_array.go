// exitcode: 2
package main

var table [8]byte

func idx(k int) int { return k * 3 }

func main() {
	for k := 0; k < 5; k++ {
		table[idx(k)] = byte(k)
		println("stored", k)
	}
}
