package main

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

func (d Weekday) String() string {
	names := [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	if d < 0 || int(d) >= len(names) {
		return "???"
	}
	return names[d]
}

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
	TB
)

const (
	a, b = iota, iota * 10
	c, d
	e, f
)

const (
	x = "x"
	y
	z = iota
	w
)

type Flags uint8

const (
	FlagA Flags = 1 << iota
	FlagB
	FlagC
	FlagD
)

func main() {
	for d := Sunday; d <= Saturday+1; d++ {
		print(d.String(), "=", int(d), " ")
	}
	println()
	println(KB, MB, GB, TB)
	println(a, b, c, d, e, f)
	println(x, y, z, w)
	fl := FlagA | FlagC
	println(fl, fl&FlagB != 0, fl&FlagC != 0, fl&^FlagA, FlagD)
}
