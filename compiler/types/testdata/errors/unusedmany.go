package main

import "unsafe"

func f(a int) (r int) {
	b := 1
	for i := 0; i < 3; i++ {
		c := i
	}
	return
}

func main() {
	var x, y int
	x = 1
	switch z := 1; {
	}
	for k, v := range []int{} {
	}
}
