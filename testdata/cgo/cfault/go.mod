module cgotest/cfault

go 1.19
