module cgotest/mallocfail

go 1.19
