package main

type T struct{ m int }

func (t T) m() {}

func (t T) f() {}
func (t *T) f() {}

func (x int) g() {}

type P *T

func (p P) h() {}

func (u Undef) k() {}

func main() {}
