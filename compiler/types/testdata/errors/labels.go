package main

func main() {
L:
	for {
	}
	break
	continue
	for {
		continue M
	}
N:
	x := 1
	_ = x
	goto Q
	for {
		break N
	}
}
