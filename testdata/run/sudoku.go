package main

type Grid [9][9]int8

func (g *Grid) ok(r, c int, v int8) bool {
	for i := 0; i < 9; i++ {
		if g[r][i] == v || g[i][c] == v {
			return false
		}
	}
	br, bc := r/3*3, c/3*3
	for i := br; i < br+3; i++ {
		for j := bc; j < bc+3; j++ {
			if g[i][j] == v {
				return false
			}
		}
	}
	return true
}

var tries int

func (g *Grid) solve() bool {
	for r := 0; r < 9; r++ {
		for c := 0; c < 9; c++ {
			if g[r][c] != 0 {
				continue
			}
			for v := int8(1); v <= 9; v++ {
				if g.ok(r, c, v) {
					tries++
					g[r][c] = v
					if g.solve() {
						return true
					}
					g[r][c] = 0
				}
			}
			return false
		}
	}
	return true
}

func parse(rows [9]string) Grid {
	var g Grid
	for r, s := range rows {
		for c := 0; c < 9; c++ {
			if s[c] != '.' {
				g[r][c] = int8(s[c] - '0')
			}
		}
	}
	return g
}

func main() {
	g := parse([9]string{
		"53..7....",
		"6..195...",
		".98....6.",
		"8...6...3",
		"4..8.3..1",
		"7...2...6",
		".6....28.",
		"...419..5",
		"....8..79",
	})
	orig := g
	println(g.solve(), tries)
	for _, row := range g {
		line := ""
		for _, v := range row {
			line += string(rune('0' + v))
		}
		println(line)
	}
	println(orig == g, orig[0][0] == g[0][0])
}
