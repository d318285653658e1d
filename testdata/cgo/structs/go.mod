module cgotest/structs

go 1.19
