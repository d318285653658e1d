module cgotest/gostringarg

go 1.19
