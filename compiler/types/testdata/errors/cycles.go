package main

type T struct{ t T }

type L struct{ next *L }

var a = b
var b = a

const c = d
const d = c

func main() {
	var l L
	_ = l
}
