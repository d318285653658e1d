module cgotest/export

go 1.19
