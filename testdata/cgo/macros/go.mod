module cgotest/macros

go 1.19
