module cgotest/threadpanic

go 1.19
