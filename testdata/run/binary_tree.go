package main

type Tree struct {
	Left, Right *Tree
	Key         int
	Count       int
}

func insert(t *Tree, k int) *Tree {
	if t == nil {
		return &Tree{Key: k, Count: 1}
	}
	switch {
	case k < t.Key:
		t.Left = insert(t.Left, k)
	case k > t.Key:
		t.Right = insert(t.Right, k)
	default:
		t.Count++
	}
	return t
}

func inorder(t *Tree, visit func(*Tree)) {
	if t == nil {
		return
	}
	inorder(t.Left, visit)
	visit(t)
	inorder(t.Right, visit)
}

func height(t *Tree) int {
	if t == nil {
		return 0
	}
	l, r := height(t.Left), height(t.Right)
	if l > r {
		return l + 1
	}
	return r + 1
}

func contains(t *Tree, k int) bool {
	for t != nil {
		if k == t.Key {
			return true
		} else if k < t.Key {
			t = t.Left
		} else {
			t = t.Right
		}
	}
	return false
}

// bottom-up binary trees, as in the benchmark game
type bt struct{ l, r *bt }

func build(d int) *bt {
	if d == 0 {
		return &bt{}
	}
	return &bt{build(d - 1), build(d - 1)}
}

func (b *bt) check() int {
	if b.l == nil {
		return 1
	}
	return 1 + b.l.check() + b.r.check()
}

func main() {
	var root *Tree
	seed := uint32(7)
	for i := 0; i < 40; i++ {
		seed = seed*1103515245 + 12345
		root = insert(root, int(seed>>16)%50)
	}
	inorder(root, func(t *Tree) {
		print(t.Key)
		if t.Count > 1 {
			print("x", t.Count)
		}
		print(" ")
	})
	println()
	println("height", height(root), contains(root, 17), contains(root, 1000))
	for d := 4; d <= 12; d += 4 {
		println("depth", d, "check", build(d).check())
	}
}
