package main

type Meters int
type Feet int

func main() {
	var i int = 1
	var f float64 = 2
	var s string = "s"
	var m Meters = 3
	var ft Feet = 4
	println(i + f) // ERROR "invalid operation: i \+ f \(mismatched types int and float64\)"
	println(s + i) // ERROR "invalid operation: s \+ i \(mismatched types string and int\)"
	println(m == ft) // ERROR "invalid operation: m == ft \(mismatched types Meters and Feet\)"
	var i32 int32 = 5
	println(i32 < i) // ERROR "mismatched types int32 and int"
}
