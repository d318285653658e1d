package main

var maze = [...]string{
	"S.#.......",
	".##.####..",
	"....#...#.",
	"###.#.#.#.",
	"....#.#...",
	".####.###.",
	"......#..E",
}

type pt struct{ r, c int }

func main() {
	rows, cols := len(maze), len(maze[0])
	var start, end pt
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			switch maze[r][c] {
			case 'S':
				start = pt{r, c}
			case 'E':
				end = pt{r, c}
			}
		}
	}
	dist := make([][]int, rows)
	prev := make([][]pt, rows)
	for r := range dist {
		dist[r] = make([]int, cols)
		prev[r] = make([]pt, cols)
		for c := range dist[r] {
			dist[r][c] = -1
		}
	}
	queue := []pt{start}
	dist[start.r][start.c] = 0
	dirs := [4]pt{{0, 1}, {1, 0}, {0, -1}, {-1, 0}}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if p == end {
			break
		}
		for _, d := range dirs {
			n := pt{p.r + d.r, p.c + d.c}
			if n.r < 0 || n.r >= rows || n.c < 0 || n.c >= cols {
				continue
			}
			if maze[n.r][n.c] == '#' || dist[n.r][n.c] >= 0 {
				continue
			}
			dist[n.r][n.c] = dist[p.r][p.c] + 1
			prev[n.r][n.c] = p
			queue = append(queue, n)
		}
	}
	println("shortest path length:", dist[end.r][end.c])
	grid := make([][]byte, rows)
	for r := range grid {
		grid[r] = []byte(maze[r])
	}
	for p := prev[end.r][end.c]; p != start; p = prev[p.r][p.c] {
		grid[p.r][p.c] = '*'
	}
	for _, row := range grid {
		println(string(row))
	}
}
