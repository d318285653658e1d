module bench/cgothread

go 1.19
