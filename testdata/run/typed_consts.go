package main

type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

func (d Duration) Hours() int64 { return int64(d / Hour) }

func (d Duration) Split() (h, m, s int64) {
	h = int64(d / Hour)
	d %= Hour
	m = int64(d / Minute)
	d %= Minute
	s = int64(d / Second)
	return
}

type Color uint8

const (
	Red Color = iota + 1
	Green
	Blue
	numColors = iota
)

const mask = 0xF0
const pi = 3.14159265358979323846264338327950288419716939937510582097494459

func main() {
	d := 3*Hour + 25*Minute + 45*Second + 500*Millisecond
	println(d, d.Hours())
	println(d.Split())
	println(Red, Green, Blue, numColors)
	var c Color = Blue
	c += mask
	println(c, Color(mask)>>4)
	println(pi, float32(pi), pi*1e10)
	const huge = 1e300 * 1e300 / 1e300
	println(huge)
	const x uint8 = 255
	println(x, x/2, ^x)
	const s string = "typed"
	type Str string
	var ns Str = Str(s) + "!"
	println(ns, len(ns))
	println(len("héllo"), len([3]int{}), cap([5]int{}))
	const l = len("constant")
	var arr [l]byte
	println(len(arr))
}
