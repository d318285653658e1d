package main

type Node struct {
	Val  int
	Next *Node
}

type List struct {
	head *Node
	size int
}

func (l *List) PushFront(v int) {
	l.head = &Node{v, l.head}
	l.size++
}

func (l *List) PushBack(v int) {
	n := &Node{Val: v}
	l.size++
	if l.head == nil {
		l.head = n
		return
	}
	cur := l.head
	for cur.Next != nil {
		cur = cur.Next
	}
	cur.Next = n
}

func (l *List) Reverse() {
	var prev *Node
	cur := l.head
	for cur != nil {
		next := cur.Next
		cur.Next = prev
		prev, cur = cur, next
	}
	l.head = prev
}

func (l *List) Remove(v int) bool {
	for pp := &l.head; *pp != nil; pp = &(*pp).Next {
		if (*pp).Val == v {
			*pp = (*pp).Next
			l.size--
			return true
		}
	}
	return false
}

func (l *List) Print() {
	print("[")
	for n := l.head; n != nil; n = n.Next {
		print(n.Val)
		if n.Next != nil {
			print(" ")
		}
	}
	println("] size", l.size)
}

func mergeSorted(a, b *Node) *Node {
	dummy := &Node{}
	tail := dummy
	for a != nil && b != nil {
		if a.Val <= b.Val {
			tail.Next, a = a, a.Next
		} else {
			tail.Next, b = b, b.Next
		}
		tail = tail.Next
	}
	if a != nil {
		tail.Next = a
	} else {
		tail.Next = b
	}
	return dummy.Next
}

func main() {
	var l List
	for i := 1; i <= 5; i++ {
		l.PushBack(i * 10)
	}
	l.PushFront(0)
	l.Print()
	l.Reverse()
	l.Print()
	println(l.Remove(30), l.Remove(99), l.Remove(0))
	l.Print()
	var a, b List
	for _, v := range []int{9, 7, 5, 3, 1} {
		a.PushFront(v)
	}
	for _, v := range []int{8, 6, 4, 2} {
		b.PushFront(v)
	}
	m := List{head: mergeSorted(a.head, b.head), size: a.size + b.size}
	m.Print()
}
