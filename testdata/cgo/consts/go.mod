module cgotest/consts

go 1.19
