package strconv

// Minimal unsigned big integers for exact float <-> decimal conversion:
// little-endian base-2**32 digits, normalized (no high zero words).

type nat []uint32

func natFromUint64(x uint64) nat {
	z := nat{uint32(x), uint32(x >> 32)}
	return z.norm()
}

func (z nat) norm() nat {
	i := len(z)
	for i > 0 && z[i-1] == 0 {
		i--
	}
	return z[:i]
}

// mulAdd returns z*m + a.
func (z nat) mulAdd(m, a uint32) nat {
	carry := uint64(a)
	out := make(nat, len(z), len(z)+1)
	for i := 0; i < len(z); i++ {
		t := uint64(z[i])*uint64(m) + carry
		out[i] = uint32(t)
		carry = t >> 32
	}
	if carry != 0 {
		out = append(out, uint32(carry))
	}
	return out.norm()
}

// mul64 returns z*m for a 64-bit m, in one new slice.
func (z nat) mul64(m uint64) nat {
	out := make(nat, len(z)+2)
	mlo, mhi := uint64(uint32(m)), m>>32
	var carry uint64
	for i := 0; i < len(z); i++ {
		t := uint64(z[i])*mlo + carry
		out[i] = uint32(t)
		carry = t >> 32
	}
	out[len(z)] = uint32(carry)
	if mhi != 0 {
		carry = 0
		for i := 0; i < len(z); i++ {
			t := uint64(z[i])*mhi + uint64(out[i+1]) + carry
			out[i+1] = uint32(t)
			carry = t >> 32
		}
		out[len(z)+1] = uint32(carry)
	}
	return out.norm()
}

func (z nat) add(y nat) nat {
	if len(z) < len(y) {
		z, y = y, z
	}
	out := make(nat, len(z), len(z)+1)
	var carry uint64
	for i := 0; i < len(z); i++ {
		t := uint64(z[i]) + carry
		if i < len(y) {
			t += uint64(y[i])
		}
		out[i] = uint32(t)
		carry = t >> 32
	}
	if carry != 0 {
		out = append(out, uint32(carry))
	}
	return out
}

// shl returns z << s.
func (z nat) shl(s uint) nat {
	if len(z) == 0 {
		return z
	}
	words := int(s / 32)
	bits := s % 32
	out := make(nat, len(z)+words+1)
	for i := 0; i < len(z); i++ {
		v := uint64(z[i]) << bits
		out[i+words] |= uint32(v)
		out[i+words+1] |= uint32(v >> 32)
	}
	return out.norm()
}

// cmp returns -1, 0 or +1 as z < y, z == y or z > y.
func (z nat) cmp(y nat) int {
	if len(z) != len(y) {
		if len(z) < len(y) {
			return -1
		}
		return 1
	}
	for i := len(z) - 1; i >= 0; i-- {
		if z[i] != y[i] {
			if z[i] < y[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// pow5tab[i] is 5**(16i), for the exponents float conversions need (up to
// about 1100); computed once at initialisation and never modified.
var pow5tab [76]nat

func init() {
	z := nat{1}
	for i := 0; i < len(pow5tab); i++ {
		pow5tab[i] = z
		// z × 5**16 = z × 5**8 × 5**8
		z = z.mulAdd(390625, 0).mulAdd(390625, 0)
	}
}

// pow5 returns 5**k in a new slice.
func pow5(k int) nat {
	var base nat
	r := k
	if k/16 < len(pow5tab) {
		base = pow5tab[k/16]
		r = k % 16
	} else {
		base = pow5tab[len(pow5tab)-1]
		r = k - 16*(len(pow5tab)-1)
	}
	z := make(nat, len(base), len(base)+r/13+2)
	copy(z, base)
	for r > 0 {
		m := uint32(1)
		for j := 0; j < 13 && r > 0; j++ {
			m *= 5
			r--
		}
		var carry uint64
		for i := 0; i < len(z); i++ {
			t := uint64(z[i])*uint64(m) + carry
			z[i] = uint32(t)
			carry = t >> 32
		}
		if carry != 0 {
			z = append(z, uint32(carry))
		}
	}
	return z
}

// decimal returns the decimal digits of z ("0" for zero). It overwrites z,
// which must not be used afterwards.
func (z nat) decimal() []byte {
	if len(z) == 0 {
		return []byte{'0'}
	}
	x := z
	// Each 32-bit word holds fewer than 10 decimal digits.
	buf := make([]byte, 10*len(x)+9)
	pos := len(buf)
	for len(x) > 0 {
		var r uint64
		for i := len(x) - 1; i >= 0; i-- {
			t := r<<32 | uint64(x[i])
			x[i] = uint32(t / 1000000000)
			r = t % 1000000000
		}
		x = x.norm()
		c := uint32(r)
		for j := 0; j < 9; j++ {
			pos--
			buf[pos] = byte('0' + c%10)
			c /= 10
		}
	}
	for pos < len(buf)-1 && buf[pos] == '0' {
		pos++
	}
	return buf[pos:]
}
