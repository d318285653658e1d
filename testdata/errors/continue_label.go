package main

func main() {
notALoop:
	switch {
	case true:
		for i := 0; i < 2; i++ {
			continue notALoop // ERROR "invalid continue label notALoop"
		}
	}
block:
	{
		break block // ERROR "invalid break label block"
	}
	for {
		break
	}
}
