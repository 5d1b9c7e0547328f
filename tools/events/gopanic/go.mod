module example.org/gopanic

go 1.19
