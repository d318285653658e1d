package main

func main() {
	x := 1
	switch x {
	case "a":
	case 1, 2:
	case 1:
	}
	var i interface{} = x
	switch v := i.(type) {
	case int:
	}
	switch x.(type) {
	}
	fallthrough
}
