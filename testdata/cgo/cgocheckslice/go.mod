module cgotest/cgocheckslice

go 1.19
