module cgotest/funcptr

go 1.19
