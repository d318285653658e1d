module cgoerr/unknownname

go 1.19
