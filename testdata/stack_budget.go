package main

// Linked by tests/stack_budget.rs: a program that imports every standard package with runtime
// entry points, and calls C and is called back from it, so that every part of the runtime is
// linked and analysed.

/*
extern int goBudget(int);
static int callBack(int x) { return goBudget(x); }
*/
import "C"

import (
	"errors"
	"math"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode/utf8"
)

func main() {
	var mu sync.Mutex
	var n int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		atomic.AddInt64(&n, 1)
		mu.Unlock()
	}()
	wg.Wait()
	time.Sleep(time.Millisecond)
	s := []string{strconv.Itoa(int(n)), strings.ToUpper("b"), "a"}
	sort.Strings(s)
	_ = errors.New(s[0])
	_ = math.Sqrt(2) + float64(utf8.RuneLen('é')+len(os.Args)+runtime.NumGoroutine())
	_ = syscall.Getpid()
	_ = C.callBack(1)
}

//export goBudget
func goBudget(x C.int) C.int { return x + 1 }
