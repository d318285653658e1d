package main

func f(n int) (result int) {
	if n > 0 {
		result := n * 2
		_ = result
		return // ERROR "result parameter result not in scope at return"
	}
	return
}

func g() (err string) {
	{
		err := "inner"
		println(err)
		return // ERROR "result parameter err not in scope at return"
	}
}

func main() {
	println(f(1), g())
}
