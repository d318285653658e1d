module cgotest/flags

go 1.19
