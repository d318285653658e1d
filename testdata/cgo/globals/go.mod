module cgotest/globals

go 1.19
