package main

// A separate-chaining hash table from string to int, with resizing.

type entry struct {
	key  string
	val  int
	next *entry
}

type Table struct {
	buckets []*entry
	count   int
}

func hash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

func (t *Table) Put(k string, v int) {
	if t.buckets == nil {
		t.buckets = make([]*entry, 8)
	}
	if t.count >= len(t.buckets)*2 {
		t.grow()
	}
	i := hash(k) % uint32(len(t.buckets))
	for e := t.buckets[i]; e != nil; e = e.next {
		if e.key == k {
			e.val = v
			return
		}
	}
	t.buckets[i] = &entry{k, v, t.buckets[i]}
	t.count++
}

func (t *Table) Get(k string) (int, bool) {
	if t.buckets == nil {
		return 0, false
	}
	for e := t.buckets[hash(k)%uint32(len(t.buckets))]; e != nil; e = e.next {
		if e.key == k {
			return e.val, true
		}
	}
	return 0, false
}

func (t *Table) Delete(k string) bool {
	if t.buckets == nil {
		return false
	}
	p := &t.buckets[hash(k)%uint32(len(t.buckets))]
	for *p != nil {
		if (*p).key == k {
			*p = (*p).next
			t.count--
			return true
		}
		p = &(*p).next
	}
	return false
}

func (t *Table) grow() {
	old := t.buckets
	t.buckets = make([]*entry, len(old)*2)
	for _, e := range old {
		for e != nil {
			next := e.next
			i := hash(e.key) % uint32(len(t.buckets))
			e.next = t.buckets[i]
			t.buckets[i] = e
			e = next
		}
	}
}

func key(i int) string {
	s := "k"
	for {
		s += string(rune('a' + i%26))
		i /= 26
		if i == 0 {
			return s
		}
	}
}

func main() {
	var t Table
	for i := 0; i < 5000; i++ {
		t.Put(key(i), i)
	}
	println("count", t.count, "buckets", len(t.buckets))
	v, ok := t.Get(key(1234))
	println(v, ok)
	_, ok = t.Get("nope")
	println(ok)
	for i := 0; i < 5000; i += 3 {
		t.Delete(key(i))
	}
	println("after delete", t.count)
	t.Put(key(1), -1)
	v, _ = t.Get(key(1))
	println(v, t.count)
	longest := 0
	for _, e := range t.buckets {
		n := 0
		for ; e != nil; e = e.next {
			n++
		}
		if n > longest {
			longest = n
		}
	}
	println("longest chain", longest)
}
