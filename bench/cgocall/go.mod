module bench/cgocall

go 1.19
