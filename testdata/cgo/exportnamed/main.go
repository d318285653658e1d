// Exported functions may take and return types the package declares, an alias, or a type
// declared as a C type: their C type is the declared type's, as with gc.
package main

/*
#include <stdint.h>
extern int32_t GoMy(int32_t);
extern int GoC(int);
static int callboth(void) { return GoMy(20) + GoC(1); }
*/
import "C"

type MyInt int32
type Other = MyInt
type CInt C.int

//export GoMy
func GoMy(x Other) MyInt { return MyInt(x) * 2 }

//export GoC
func GoC(x CInt) CInt { return x + 100 }

func main() {
	println(C.callboth())
}
