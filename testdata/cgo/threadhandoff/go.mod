module cgotest/threadhandoff

go 1.19
