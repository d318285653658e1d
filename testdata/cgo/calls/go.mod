module cgotest/calls

go 1.19
