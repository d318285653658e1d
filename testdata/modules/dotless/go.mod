module myapp

go 1.19
