module cgotest/cgocheck

go 1.19
