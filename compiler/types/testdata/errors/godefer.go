package main

func f() int { return 1 }

func main() {
	defer recover()
	go len("a")
	defer int(1)
}
