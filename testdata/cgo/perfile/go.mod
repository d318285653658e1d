module cgotest/perfile

go 1.19
