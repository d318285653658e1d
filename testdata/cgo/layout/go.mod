module cgotest/layout

go 1.19
