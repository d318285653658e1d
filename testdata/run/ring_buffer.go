package main

type Ring struct {
	data  [8]int
	start int
	n     int
}

func (r *Ring) Push(v int) (evicted int, full bool) {
	if r.n == len(r.data) {
		evicted = r.data[r.start]
		r.data[r.start] = v
		r.start = (r.start + 1) % len(r.data)
		return evicted, true
	}
	r.data[(r.start+r.n)%len(r.data)] = v
	r.n++
	return 0, false
}

func (r Ring) Slice() []int {
	out := make([]int, r.n)
	for i := 0; i < r.n; i++ {
		out[i] = r.data[(r.start+i)%len(r.data)]
	}
	return out
}

func (r *Ring) Average() float64 {
	if r.n == 0 {
		return 0
	}
	s := 0
	for _, v := range r.Slice() {
		s += v
	}
	return float64(s) / float64(r.n)
}

func main() {
	var r Ring
	for i := 1; i <= 12; i++ {
		ev, full := r.Push(i * i)
		if full {
			println("evicted", ev)
		}
	}
	for _, v := range r.Slice() {
		print(v, " ")
	}
	println()
	println(r.Average())
	snapshot := r // copies the whole array
	r.Push(1000)
	println(snapshot.Slice()[7], r.Slice()[7])
}
