// env: GOMAXPROCS=1
// env: GOMAXPROCS=2
// C functions that block do not stop other goroutines: a C read() on a pipe that
// only another goroutine writes (with one P, the blocked call must give its P up or
// the program hangs), several goroutines blocked in C at once and released one by one,
// a C function waiting on a pthread condition variable that a later C call from
// another goroutine signals, and usleep in C while goroutines keep exchanging
// messages.
package main

/*
#include <pthread.h>
#include <unistd.h>

static int c_pipe(int fds[2]) { return pipe(fds); }

static int c_read_byte(int fd) {
	unsigned char b;
	if (read(fd, &b, 1) != 1) return -1;
	return b;
}

static int c_write_byte(int fd, int v) {
	unsigned char b = (unsigned char)v;
	return (int)write(fd, &b, 1);
}

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int flag;

static int c_wait_flag(void) {
	pthread_mutex_lock(&mu);
	while (!flag) pthread_cond_wait(&cond, &mu);
	int v = flag;
	pthread_mutex_unlock(&mu);
	return v;
}

static void c_set_flag(int v) {
	pthread_mutex_lock(&mu);
	flag = v;
	pthread_cond_broadcast(&cond);
	pthread_mutex_unlock(&mu);
}

static void c_usleep(int us) { usleep(us); }
*/
import "C"

import (
	"sync"
	"syscall"
)

func main() {
	// 1. A reader blocked in C, the writer is a goroutine (syscall.Write).
	var fds [2]C.int
	if C.c_pipe(&fds[0]) != 0 {
		panic("pipe")
	}
	got := make(chan int)
	go func() { got <- int(C.c_read_byte(fds[0])) }()
	go func() {
		for i := 0; i < 100; i++ {
			// Let the reader block first (not needed for correctness).
			syscall.Getpid()
		}
		syscall.Write(int(fds[1]), []byte{42})
	}()
	println("read from pipe", <-got)

	// 2. Four goroutines blocked in C at once, released in reverse order.
	type pipe struct{ r, w C.int }
	pipes := make([]pipe, 4)
	results := make([]chan int, 4)
	for i := range pipes {
		var p [2]C.int
		C.c_pipe(&p[0])
		pipes[i] = pipe{p[0], p[1]}
		results[i] = make(chan int)
		go func(i int) { results[i] <- int(C.c_read_byte(pipes[i].r)) }(i)
	}
	for i := 3; i >= 0; i-- {
		C.c_write_byte(pipes[i].w, C.int(10+i))
		println("reader", i, "got", <-results[i])
	}

	// 3. A pthread condition variable: waiter in C, signalled by a later C call.
	waited := make(chan int)
	go func() { waited <- int(C.c_wait_flag()) }()
	go func() { C.c_set_flag(7) }()
	println("flag", <-waited)

	// 4. usleep in C on one goroutine while others ping-pong.
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 5; i++ {
			C.c_usleep(20000)
		}
	}()
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
	}()
	x := 0
	for i := 0; i < 10000; i++ {
		ping <- x
		x = <-pong
	}
	close(ping)
	wg.Wait()
	println("pingpong", x)
}
