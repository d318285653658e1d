package main

func main() {
	x := 1
	switch x {
	case 1:
		fallthrough
	case 2:
		if x > 0 {
			fallthrough // ERROR "fallthrough statement out of place"
		}
	case 3:
		fallthrough // ERROR "cannot fallthrough final case in switch"
	}
	for {
		fallthrough // ERROR "fallthrough statement out of place"
	}
}
