// Package c is imported by both a and b: it is initialised once, first.
package c

var Trace []string

func Log(s string) { Trace = append(Trace, s); println("c.Log:", s) }

var Base = start()

func start() int { println("c: Base"); return 10 }

func init() { println("c: init 1") }
func init() { println("c: init 2") }
