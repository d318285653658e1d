module cgotest/unlockincallback

go 1.19
