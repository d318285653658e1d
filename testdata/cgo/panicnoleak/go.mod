module cgotest/panicnoleak

go 1.19
