module cgoerr/unsafeflag

go 1.19
