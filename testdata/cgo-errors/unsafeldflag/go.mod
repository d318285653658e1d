module cgoerr/unsafeldflag

go 1.19
