// exitcode: 3

package main

import "os"

func main() {
	println(len(os.Args) >= 1, len(os.Args[0]) > 0)
	v, ok := os.LookupEnv("GORC_SURELY_UNSET_VARIABLE")
	println(v == "", ok)
	println(os.Getenv("GORC_SURELY_UNSET_VARIABLE") == "")
	env := os.Environ()
	found := false
	for _, kv := range env {
		for i := 0; i < len(kv); i++ {
			if kv[i] == '=' {
				key := kv[:i]
				val, ok := os.LookupEnv(key)
				if ok && os.Getenv(key) == val {
					found = true
				}
				break
			}
		}
	}
	println(len(env) > 0, found)
	defer println("deferred: not printed")
	os.Exit(3)
}
