module cgotest/panicloop

go 1.19
