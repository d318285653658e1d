module cgotest/callbacksched

go 1.19
