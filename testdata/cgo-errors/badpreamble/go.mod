module cgoerr/badpreamble

go 1.19
