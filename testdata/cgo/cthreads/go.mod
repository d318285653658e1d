module cgotest/cthreads

go 1.19
