module bench/cgocallback

go 1.19
