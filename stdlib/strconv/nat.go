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

// mul64 returns z*m for a 64-bit m.
func (z nat) mul64(m uint64) nat {
	lo := z.mulAdd(uint32(m), 0)
	if m>>32 == 0 {
		return lo
	}
	hi := z.mulAdd(uint32(m>>32), 0)
	return lo.add(hi.shl(32))
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

// pow5 returns 5**k.
func pow5(k int) nat {
	z := nat{1}
	for k >= 13 {
		z = z.mulAdd(1220703125, 0) // 5**13
		k -= 13
	}
	p := uint32(1)
	for ; k > 0; k-- {
		p *= 5
	}
	return z.mulAdd(p, 0)
}

// decimal returns the decimal digits of z ("0" for zero).
func (z nat) decimal() []byte {
	if len(z) == 0 {
		return []byte{'0'}
	}
	x := make(nat, len(z))
	copy(x, z)
	// Collect base-10**9 chunks, least significant first.
	var chunks []uint32
	for len(x) > 0 {
		var r uint64
		for i := len(x) - 1; i >= 0; i-- {
			t := r<<32 | uint64(x[i])
			x[i] = uint32(t / 1000000000)
			r = t % 1000000000
		}
		x = x.norm()
		chunks = append(chunks, uint32(r))
	}
	buf := make([]byte, 0, 9*len(chunks))
	for i := len(chunks) - 1; i >= 0; i-- {
		c := chunks[i]
		var d [9]byte
		for j := 8; j >= 0; j-- {
			d[j] = byte('0' + c%10)
			c /= 10
		}
		if i == len(chunks)-1 {
			k := 0
			for k < 8 && d[k] == '0' {
				k++
			}
			buf = append(buf, d[k:]...)
		} else {
			buf = append(buf, d[:]...)
		}
	}
	return buf
}
