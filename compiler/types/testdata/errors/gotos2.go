package main

func main() {
	goto L
	var y, z int
	_, _ = y, z
L:
	goto N
	switch {
	case true:
	N:
	}
}
