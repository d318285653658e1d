module cgoerr/variadic

go 1.19
