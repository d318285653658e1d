module cgotest/cfiles

go 1.19
