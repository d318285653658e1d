module cgotest/strings

go 1.19
