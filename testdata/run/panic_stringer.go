// exitcode: 2
package main

type Temp float64

func (t Temp) String() string { return "temperature" }

type E struct{ msg string }

func (e E) Error() string { return "E: " + e.msg }

func main() {
	var x interface{} = Temp(3)
	println(x.(Temp).String())
	var err error = E{"first"}
	println(err.Error())
	panic(Temp(451))
}
