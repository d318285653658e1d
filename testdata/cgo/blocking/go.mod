module cgotest/blocking

go 1.19
