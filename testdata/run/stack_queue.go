package main

type Stack struct{ items []int }

func (s *Stack) Push(v int) { s.items = append(s.items, v) }
func (s *Stack) Pop() (int, bool) {
	if len(s.items) == 0 {
		return 0, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}
func (s *Stack) Len() int { return len(s.items) }

type Queue struct {
	buf        []string
	head, size int
}

func NewQueue(n int) *Queue { return &Queue{buf: make([]string, n)} }

func (q *Queue) Enqueue(s string) bool {
	if q.size == len(q.buf) {
		return false
	}
	q.buf[(q.head+q.size)%len(q.buf)] = s
	q.size++
	return true
}

func (q *Queue) Dequeue() (string, bool) {
	if q.size == 0 {
		return "", false
	}
	s := q.buf[q.head]
	q.head = (q.head + 1) % len(q.buf)
	q.size--
	return s, true
}

// evalRPN evaluates a reverse Polish expression of single-digit numbers.
func evalRPN(expr string) int {
	var st Stack
	for i := 0; i < len(expr); i++ {
		c := expr[i]
		if c >= '0' && c <= '9' {
			st.Push(int(c - '0'))
			continue
		}
		if c == ' ' {
			continue
		}
		b, _ := st.Pop()
		a, _ := st.Pop()
		switch c {
		case '+':
			st.Push(a + b)
		case '-':
			st.Push(a - b)
		case '*':
			st.Push(a * b)
		case '/':
			st.Push(a / b)
		}
	}
	v, _ := st.Pop()
	return v
}

func balanced(s string) bool {
	var st []byte
	pairs := map[byte]byte{')': '(', ']': '[', '}': '{'}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', '[', '{':
			st = append(st, c)
		case ')', ']', '}':
			if len(st) == 0 || st[len(st)-1] != pairs[c] {
				return false
			}
			st = st[:len(st)-1]
		}
	}
	return len(st) == 0
}

func main() {
	println(evalRPN("3 4 + 2 *"), evalRPN("5 1 2 + 4 * + 3 -"), evalRPN("9 2 /"))
	for _, s := range []string{"([]{})", "([)]", "((", "", "{[()()]}"} {
		println(s, balanced(s))
	}
	q := NewQueue(3)
	for _, w := range []string{"a", "b", "c", "d"} {
		println("enqueue", w, q.Enqueue(w))
	}
	for i := 0; i < 2; i++ {
		v, ok := q.Dequeue()
		println("dequeue", v, ok)
	}
	q.Enqueue("e")
	q.Enqueue("f")
	for {
		v, ok := q.Dequeue()
		if !ok {
			break
		}
		print(v, " ")
	}
	println()
	var s Stack
	for i := 0; i < 100; i++ {
		s.Push(i)
	}
	total := 0
	for s.Len() > 0 {
		v, _ := s.Pop()
		total += v
	}
	println(total)
}
