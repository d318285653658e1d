package main

func main() {
unused: // ERROR "label unused defined and not used"
	for i := 0; i < 3; i++ {
		if i == 1 {
			break missing // ERROR "break label not defined: missing"
		}
	}
	goto nowhere // ERROR "label nowhere not defined"
outer:
	for {
		break outer
	}
dup:
	println()
dup: // ERROR "label dup already defined at .*labels.go:15:1"
	println()
	goto dup
}
