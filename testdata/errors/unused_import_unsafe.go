package main

// The only package importable before the standard library exists is unsafe; an unused
// import of it is reported like any other.
import "unsafe" // ERROR `imported and not used: "unsafe"`

func main() {
	x := 1 // ERROR "x declared but not used"
}
