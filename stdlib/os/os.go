// Package os provides a platform-independent interface to operating system
// functionality. gorc's os is minimal so far: the process arguments, the
// environment and Exit.
package os

//gorc:extern gorc_os_args
func runtimeArgs(out *[]string)

//gorc:extern gorc_os_environ
func runtimeEnviron(out *[]string)

//gorc:extern gorc_exit
func runtimeExit(code int32)

// Args hold the command-line arguments, starting with the program name.
var Args []string

// envs is the environment as the runtime reported it at start-up (read
// once in init, so that no lazy initialisation can race later).
var envs []string

func init() {
	runtimeArgs(&Args)
	runtimeEnviron(&envs)
}

// Exit causes the current program to exit with the given status code.
// Conventionally, code zero indicates success, non-zero an error. The
// program terminates immediately; deferred functions are not run.
func Exit(code int) {
	runtimeExit(int32(code))
}

// Environ returns a copy of strings representing the environment, in the
// form "key=value".
func Environ() []string {
	e := envs
	out := make([]string, len(e))
	copy(out, e)
	return out
}

// LookupEnv retrieves the value of the environment variable named by the
// key. If the variable is present in the environment the value (which may be
// empty) is returned and the boolean is true. Otherwise the returned value
// will be empty and the boolean will be false.
func LookupEnv(key string) (string, bool) {
	e := envs
	for i := 0; i < len(e); i++ {
		kv := e[i]
		if len(kv) > len(key) && kv[len(key)] == '=' && kv[:len(key)] == key {
			return kv[len(key)+1:], true
		}
	}
	return "", false
}

// Getenv retrieves the value of the environment variable named by the key.
// It returns the value, which will be empty if the variable is not present.
func Getenv(key string) string {
	v, _ := LookupEnv(key)
	return v
}
