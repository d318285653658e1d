package main

func mandel(cr, ci float64, limit int) int {
	zr, zi := 0.0, 0.0
	for i := 0; i < limit; i++ {
		zr, zi = zr*zr-zi*zi+cr, 2*zr*zi+ci
		if zr*zr+zi*zi > 4 {
			return i
		}
	}
	return limit
}

func main() {
	const shades = " .:-=+*#%@"
	inside := 0
	for y := 0; y < 24; y++ {
		line := make([]byte, 0, 64)
		for x := 0; x < 64; x++ {
			cr := -2.2 + float64(x)*3.0/64
			ci := -1.2 + float64(y)*2.4/24
			n := mandel(cr, ci, 50)
			if n == 50 {
				inside++
				line = append(line, '@')
			} else {
				line = append(line, shades[n%9])
			}
		}
		println(string(line))
	}
	println("inside:", inside)
	var f32 float32 = 0.25
	println(mandel(float64(f32), 0, 1000), mandel(0.26, 0, 1000))
}
