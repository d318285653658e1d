package main

var a = f()

func f() int { return a }

var x = x

const c = c

type A B
type B A

type T struct{ u U }
type U struct{ t T }

type Ar [2]Ar

func main() {}
