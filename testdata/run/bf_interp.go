package main

func run(prog string, input string) string {
	var tape [300]byte
	ptr, in := 0, 0
	out := []byte{}
	// precompute matching brackets
	match := make([]int, len(prog))
	var stack []int
	for i := 0; i < len(prog); i++ {
		switch prog[i] {
		case '[':
			stack = append(stack, i)
		case ']':
			j := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			match[i], match[j] = j, i
		}
	}
	steps := 0
	for pc := 0; pc < len(prog); pc++ {
		steps++
		switch prog[pc] {
		case '>':
			ptr++
		case '<':
			ptr--
		case '+':
			tape[ptr]++
		case '-':
			tape[ptr]--
		case '.':
			out = append(out, tape[ptr])
		case ',':
			if in < len(input) {
				tape[ptr] = input[in]
				in++
			} else {
				tape[ptr] = 0
			}
		case '[':
			if tape[ptr] == 0 {
				pc = match[pc]
			}
		case ']':
			if tape[ptr] != 0 {
				pc = match[pc]
			}
		}
	}
	println("steps:", steps)
	return string(out)
}

func main() {
	hello := "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++."
	print(run(hello, ""))
	// echo input reversed
	rev := ">,[>,]<[.<]"
	println(run(rev, "gorc"))
	// add two digits
	add := ",>,[<+>-]<------------------------------------------------."
	println(run(add, "34"))
}
