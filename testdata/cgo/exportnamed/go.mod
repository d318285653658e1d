module cgotest/exportnamed

go 1.19
