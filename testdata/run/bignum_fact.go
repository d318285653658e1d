package main

// Arbitrary precision via base-10^4 digit slices.

type Big []int // little-endian limbs

const base = 10000

func (b Big) MulSmall(k int) Big {
	carry := 0
	out := make(Big, 0, len(b)+2)
	for _, d := range b {
		v := d*k + carry
		out = append(out, v%base)
		carry = v / base
	}
	for carry > 0 {
		out = append(out, carry%base)
		carry /= base
	}
	return out
}

func (b Big) Add(c Big) Big {
	if len(b) < len(c) {
		b, c = c, b
	}
	out := make(Big, 0, len(b)+1)
	carry := 0
	for i := range b {
		v := b[i] + carry
		if i < len(c) {
			v += c[i]
		}
		out = append(out, v%base)
		carry = v / base
	}
	if carry > 0 {
		out = append(out, carry)
	}
	return out
}

func (b Big) String() string {
	s := ""
	for i := len(b) - 1; i >= 0; i-- {
		d := b[i]
		part := ""
		for j := 0; j < 4; j++ {
			part = string(rune('0'+d%10)) + part
			d /= 10
		}
		if i == len(b)-1 {
			for len(part) > 1 && part[0] == '0' {
				part = part[1:]
			}
		}
		s += part
	}
	return s
}

func main() {
	f := Big{1}
	for i := 2; i <= 50; i++ {
		f = f.MulSmall(i)
	}
	println("50! =", f.String())
	a, b := Big{0}, Big{1}
	for i := 0; i < 200; i++ {
		a, b = b, a.Add(b)
	}
	println("fib(200) =", a.String())
	p := Big{1}
	for i := 0; i < 100; i++ {
		p = p.MulSmall(2)
	}
	println("2^100 =", p.String())
	digitSum := 0
	for _, c := range f.String() {
		digitSum += int(c - '0')
	}
	println("digit sum of 50!:", digitSum)
}
