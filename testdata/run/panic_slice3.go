// exitcode: 2
package main

func main() {
	arr := [6]int{1, 2, 3, 4, 5, 6}
	s := arr[:]
	lo, mid, hi := 1, 4, 3
	t := s[lo:2:hi]
	println(len(t), cap(t))
	u := s[lo:mid:hi]
	println(len(u))
}
