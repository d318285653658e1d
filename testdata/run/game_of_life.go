package main

const W, H = 20, 10

type Board [H][W]bool

func (b *Board) neighbors(r, c int) int {
	n := 0
	for dr := -1; dr <= 1; dr++ {
		for dc := -1; dc <= 1; dc++ {
			if dr == 0 && dc == 0 {
				continue
			}
			rr, cc := (r+dr+H)%H, (c+dc+W)%W
			if b[rr][cc] {
				n++
			}
		}
	}
	return n
}

func (b Board) step() Board {
	var nb Board
	for r := 0; r < H; r++ {
		for c := 0; c < W; c++ {
			n := b.neighbors(r, c)
			nb[r][c] = n == 3 || (n == 2 && b[r][c])
		}
	}
	return nb
}

func (b *Board) show() {
	for r := 0; r < H; r++ {
		line := ""
		for c := 0; c < W; c++ {
			if b[r][c] {
				line += "#"
			} else {
				line += "."
			}
		}
		println(line)
	}
}

func (b *Board) alive() int {
	n := 0
	for _, row := range b {
		for _, v := range row {
			if v {
				n++
			}
		}
	}
	return n
}

func main() {
	var b Board
	// glider
	b[0][1], b[1][2], b[2][0], b[2][1], b[2][2] = true, true, true, true, true
	// blinker
	b[5][10], b[5][11], b[5][12] = true, true, true
	b.show()
	for gen := 1; gen <= 30; gen++ {
		b = b.step()
		if gen%10 == 0 {
			println("generation", gen, "alive", b.alive())
		}
	}
	b.show()
}
