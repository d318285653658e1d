module cgotest/types

go 1.19
