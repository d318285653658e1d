module cgoerr/unknowntype

go 1.19
