module cgotest/panicexit

go 1.19
