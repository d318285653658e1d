module cgoerr/otherpreamble

go 1.19
