module cgoerr/variadicuser

go 1.19
