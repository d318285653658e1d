package main

import (
	"os"      // ERROR `imported and not used: "os"`
	"strings" // ERROR `imported and not used: "strings"`
)

func main() {
	println("imports are unused")
}
