module cgotest/cgocheckunsafe

go 1.19
