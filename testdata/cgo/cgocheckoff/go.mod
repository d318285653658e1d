module cgotest/cgocheckoff

go 1.19
