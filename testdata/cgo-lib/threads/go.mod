module cgolib/threads

go 1.19
