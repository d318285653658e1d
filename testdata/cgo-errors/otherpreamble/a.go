package main

// int shared_counter = 5;
import "C"

func a() int { return int(C.shared_counter) }
