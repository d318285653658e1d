module cgotest/nested

go 1.19
